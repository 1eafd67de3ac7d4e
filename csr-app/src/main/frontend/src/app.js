// The single-page app: boot (account.get), a History-API router for /login, /dashboard, /profile,
// and the login/logout actions. All Appwrite traffic goes from this browser straight to Appwrite.
import { readRuntimeConfig } from './config.js';
import { LoginRejected, Session } from './session.js';
import { asUpstreamError } from './upstream.js';
import { dashboardPage, loginPage, notFoundPage, profilePage, setLoginBusy, upstreamErrorPage } from './views.js';

const TITLES = { '/login': 'Sign in', '/dashboard': 'Dashboard', '/profile': 'Profile' };

export async function start(doc, win) {
  const root = doc.getElementById('app');
  const show = (nodes, title) => {
    root.replaceChildren(...nodes);
    doc.title = title ? `${title} · AuthBench` : 'AuthBench';
  };

  let session;
  try {
    session = new Session(readRuntimeConfig(doc));
  } catch (error) {
    show(upstreamErrorPage({ sentence: `This page was served without a usable Appwrite configuration (${error.message}).` }));
    return;
  }

  // The signed-in user, fetched once on boot and after login. In-app navigation reuses it, so moving
  // to /profile costs no Appwrite round trip (what a client-side store buys a CSR app).
  let user = null;

  const routes = {
    '/': () => go(user ? '/dashboard' : '/login', { replace: true }),
    '/login': () => (user ? go('/dashboard', { replace: true }) : show(loginPage({ onSubmit: login }), TITLES['/login'])),
    '/dashboard': () => (user ? show(dashboardPage({ user, onLogout: logout }), TITLES['/dashboard']) : guard()),
    '/profile': () => (user ? show(profilePage({ user, onLogout: logout }), TITLES['/profile']) : guard()),
  };
  const guard = () => go('/login', { replace: true });
  const renderRoute = () => (routes[win.location.pathname] ?? (() => show(notFoundPage(), 'Not found')))();

  function go(path, { replace = false } = {}) {
    win.history[replace ? 'replaceState' : 'pushState'](null, '', path);
    renderRoute();
  }

  async function login(email, password) {
    setLoginBusy(root, true);
    try {
      await session.signIn(email, password);
      user = await session.currentUser();
    } catch (error) {
      const rejected = error instanceof LoginRejected;
      show(loginPage({
        email,
        error: rejected ? error.message : undefined,
        upstreamError: rejected ? undefined : asUpstreamError(error, 'login').sentence,
        onSubmit: login,
      }), TITLES['/login']);
      return;
    }
    if (!user) {
      show(loginPage({
        email,
        upstreamError: 'Appwrite created a session, but this browser did not keep it (are cookies and storage blocked?).',
        onSubmit: login,
      }), TITLES['/login']);
      return;
    }
    go('/dashboard');
  }

  async function logout() {
    try {
      await session.signOut();
    } catch (error) {
      show(upstreamErrorPage({ sentence: asUpstreamError(error, 'logout').sentence }));
      return;
    }
    user = null;
    go('/login');
  }

  // In-app links: same-origin links to a known route navigate without a page load.
  doc.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || event.altKey || link.target || link.hasAttribute('data-reload')) return;
    const url = new URL(link.href, win.location.href);
    if (url.origin !== win.location.origin || !(url.pathname in routes)) return;
    event.preventDefault();
    go(url.pathname);
  });
  win.addEventListener('popstate', renderRoute);

  try {
    user = await session.currentUser();
  } catch (error) {
    show(upstreamErrorPage({ sentence: asUpstreamError(error, 'boot').sentence }), 'Service unavailable');
    return;
  }
  renderRoute();
}
