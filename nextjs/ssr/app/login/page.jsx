// The sign-in form. It posts to the route handler /api/login, which answers with a redirect; an error comes
// back as a code in the query and is shown as one of the fixed sentences below (nothing typed is reflected).
import { AppBar } from '../../components/pages';

export const metadata = { title: 'Sign in · AuthBench' };

const LOGIN_ERRORS = {
  invalid: 'Invalid email or password.',
  blocked: 'This account is blocked.',
  argument: 'Enter a valid email address and a password of 8 to 256 characters.',
  rate: 'Too many sign-in attempts for this email. Try again later.',
};

const UPSTREAM_ERRORS = {
  'upstream-unreachable': 'Appwrite could not be reached. Check the connection and try again.',
  'upstream-timeout': 'Appwrite did not answer in time. Try again later.',
  'upstream-key-refused': 'Appwrite refused this app\'s API key. The operator must set APPWRITE_API_KEY to a key with the sessions.write scope.',
  'upstream-bad-answer': 'Appwrite answered with something this app could not understand. Try again later.',
};

export default async function LoginPage({ searchParams }) {
  const code = (await searchParams).error;
  const error = Object.hasOwn(LOGIN_ERRORS, code ?? '') ? LOGIN_ERRORS[code] : undefined;
  const upstreamError = Object.hasOwn(UPSTREAM_ERRORS, code ?? '') ? UPSTREAM_ERRORS[code] : undefined;
  return (
    <>
      <AppBar />
      <main>
        <h1 data-testid="login-heading" elementtiming="login-heading">Sign in</h1>
        {error && <p className="error" role="alert" data-testid="login-error">{error}</p>}
        {upstreamError && <p className="error" role="alert" data-testid="upstream-error">{upstreamError}</p>}
        <form className="login" data-testid="login-form" method="post" action="/api/login">
          <label>Email<input type="email" name="email" autoComplete="username" required /></label>
          <label>Password<input type="password" name="password" autoComplete="current-password" required /></label>
          <button type="submit" data-testid="login-submit">Sign in</button>
        </form>
      </main>
    </>
  );
}
