// The pages, built with DOM APIs. Markup and test ids follow docs/CONVENTIONS.md ("The page contract"),
// identical to ssr-app for the measured parts; styling comes only from shared-web/app.css.
import { h } from './dom.js';

const APP_NAME = 'AuthBench';

/** The date part of an Appwrite datetime ("2026-11-27T07:00:00.000+00:00" → "2026-11-27"), as ssr-app shows it. */
export function formatDate(appwriteDateTime) {
  return /^\d{4}-\d{2}-\d{2}/.test(appwriteDateTime) ? appwriteDateTime.slice(0, 10) : appwriteDateTime;
}

function appBar(...links) {
  return h('header', { class: 'app-bar' }, h('strong', {}, APP_NAME), h('nav', { class: 'page-links' }, links));
}

function logoutButton(onLogout) {
  const button = h('button', { type: 'button', class: 'link', 'data-testid': 'logout' }, 'Sign out');
  button.addEventListener('click', onLogout);
  return button;
}

/**
 * @param {{email?: string, error?: string, upstreamError?: string,
 *          onSubmit: (email: string, password: string) => void}} options
 *   error: the user's input was rejected (wrong password, ...); upstreamError: Appwrite failed.
 */
export function loginPage({ email = '', error, upstreamError, onSubmit }) {
  const form = h('form', { class: 'login', 'data-testid': 'login-form', method: 'post', action: '/login' },
    h('label', {}, 'Email',
      h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, value: email || null })),
    h('label', {}, 'Password',
      h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', 'data-testid': 'login-submit' }, 'Sign in'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    onSubmit(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
  });
  return [
    appBar(),
    h('main', {},
      h('h1', { 'data-testid': 'login-heading', elementtiming: 'login-heading' }, 'Sign in'),
      error && h('p', { class: 'error', role: 'alert', 'data-testid': 'login-error' }, error),
      upstreamError && h('p', { class: 'error', role: 'alert', 'data-testid': 'upstream-error' }, upstreamError),
      form),
  ];
}

/** While a login is in flight the button says so and cannot be pressed twice. */
export function setLoginBusy(root, busy) {
  const button = root.querySelector('[data-testid=login-submit]');
  if (button) {
    button.disabled = busy;
    button.textContent = busy ? 'Signing in…' : 'Sign in';
  }
}

export function dashboardPage({ user, onLogout }) {
  return [
    appBar(h('a', { href: '/profile', 'data-testid': 'profile-link' }, 'Profile'), logoutButton(onLogout)),
    h('main', {},
      h('h1', { 'data-testid': 'user-name', elementtiming: 'user-name' }, user.name),
      h('dl', { class: 'details' },
        h('dt', {}, 'Email'), h('dd', { 'data-testid': 'user-email' }, user.email),
        h('dt', {}, 'Member since'),
        h('dd', { 'data-testid': 'user-created' }, h('time', { datetime: user.$createdAt }, formatDate(user.$createdAt))))),
  ];
}

export function profilePage({ user, onLogout }) {
  return [
    appBar(h('a', { href: '/dashboard', 'data-testid': 'dashboard-link' }, 'Dashboard'), logoutButton(onLogout)),
    h('main', {},
      h('h1', { 'data-testid': 'profile-name', elementtiming: 'profile-name' }, user.name),
      h('dl', { class: 'details' },
        h('dt', {}, 'User ID'), h('dd', { 'data-testid': 'user-id' }, user.$id),
        h('dt', {}, 'Email'), h('dd', { 'data-testid': 'user-email' }, user.email),
        h('dt', {}, 'Email verified'), h('dd', { 'data-testid': 'user-email-verified' }, user.emailVerification ? 'yes' : 'no'),
        h('dt', {}, 'Member since'),
        h('dd', { 'data-testid': 'user-created' }, h('time', { datetime: user.$createdAt }, formatDate(user.$createdAt))))),
  ];
}

export function upstreamErrorPage({ sentence }) {
  return [
    appBar(),
    h('main', {},
      h('h1', {}, 'Service unavailable'),
      h('p', { class: 'error', role: 'alert', 'data-testid': 'upstream-error' }, sentence),
      h('p', {}, h('a', { href: '/', 'data-testid': 'retry-link', 'data-reload': true }, 'Try again'))),
  ];
}

export function notFoundPage() {
  return [
    appBar(h('a', { href: '/' }, 'Home')),
    h('main', {}, h('h1', {}, 'Page not found'), h('p', {}, 'There is no page at this address.')),
  ];
}
