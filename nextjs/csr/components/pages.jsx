'use client';
// The markup of the page contract (docs/CONVENTIONS.md), the same as csr-app's for the measured parts:
// `header.app-bar > strong + nav.page-links`, `main`, `h1[elementtiming]`, `dl.details`.
// User text only ever appears as JSX text or attribute values, which React escapes.
import { useLogout } from './appwrite-provider';

const APP_NAME = 'AuthBench';

export function AppBar({ children }) {
  return (
    <header className="app-bar">
      <strong>{APP_NAME}</strong>
      <nav className="page-links">{children}</nav>
    </header>
  );
}

export function LogoutButton({ onFailure }) {
  const logout = useLogout(onFailure);
  return <button type="button" className="link" data-testid="logout" onClick={logout}>Sign out</button>;
}

/** The date part of an Appwrite datetime ("2026-11-27T07:00:00.000+00:00" → "2026-11-27"), as the other apps show it. */
export function AppwriteDate({ value }) {
  const shown = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
  return <time dateTime={value}>{shown}</time>;
}

export function UpstreamErrorPage({ sentence }) {
  return (
    <>
      <AppBar />
      <main>
        <h1>Service unavailable</h1>
        <p className="error" role="alert" data-testid="upstream-error">{sentence}</p>
        <p><a href="/" data-testid="retry-link">Try again</a></p>
      </main>
    </>
  );
}

/** The frame of a guarded page while account.get() is in flight: nothing of the user yet. */
export function Waiting() {
  return (
    <>
      <AppBar />
      <main aria-busy="true" />
    </>
  );
}

