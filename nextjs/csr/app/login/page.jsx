'use client';
// The post's CSR sign-in: createEmailPasswordSession, then account.get(), both in the browser with the Web SDK.
// The submit button stays disabled until React has hydrated the form, so a click can never fall through to a
// native form submission.
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useAppwrite } from '../../components/appwrite-provider';
import { AppBar } from '../../components/pages';
import { asUpstreamError, LoginRejected, UpstreamError } from '../../lib/session';

export default function LoginPage() {
  const { session, setUser } = useAppwrite();
  const router = useRouter();
  const [hydrated, setHydrated] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [upstreamError, setUpstreamError] = useState(null);
  useEffect(() => setHydrated(true), []);

  async function onSubmit(event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setUpstreamError(null);
    try {
      await session.signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      const user = await session.currentUser();
      if (!user) throw new UpstreamError('bad-answer', 'no session right after sign-in');
      setUser(user);
      router.push('/dashboard');
    } catch (failure) {
      if (failure instanceof LoginRejected) setError(failure.message);
      else setUpstreamError(asUpstreamError(failure, 'sign-in').sentence);
      setBusy(false);
    }
  }

  return (
    <>
      <AppBar />
      <main>
        <h1 data-testid="login-heading" elementtiming="login-heading">Sign in</h1>
        {error && <p className="error" role="alert" data-testid="login-error">{error}</p>}
        {upstreamError && <p className="error" role="alert" data-testid="upstream-error">{upstreamError}</p>}
        <form className="login" data-testid="login-form" method="post" onSubmit={onSubmit}>
          <label>Email<input type="email" name="email" autoComplete="username" required /></label>
          <label>Password<input type="password" name="password" autoComplete="current-password" required /></label>
          <button type="submit" data-testid="login-submit" disabled={!hydrated || busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </main>
    </>
  );
}
