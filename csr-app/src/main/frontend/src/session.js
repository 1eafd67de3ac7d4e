// The three things the app asks of Appwrite, with Appwrite's answers sorted into
// "user", "no session", "login rejected" and "upstream failure" (UpstreamError).
import { Account, AppwriteException, Client } from 'appwrite';
import { asUpstreamError, UpstreamError, withTimeout } from './upstream.js';

/** The user said something Appwrite will not accept (wrong password, bad email, too many tries). */
export class LoginRejected extends Error {}

export class Session {
  constructor({ endpoint, project, timeoutMillis }) {
    this.account = new Account(new Client().setEndpoint(endpoint).setProject(project));
    this.timeoutMillis = timeoutMillis;
  }

  bounded(promise, what) {
    return withTimeout(promise, what, this.timeoutMillis);
  }

  /** @returns {Promise<object|null>} the signed-in user (Appwrite Account model), or null without a session */
  async currentUser() {
    try {
      const user = await this.bounded(this.account.get(), 'account.get');
      return requireUserShape(user);
    } catch (error) {
      // Guests get 401 general_unauthorized_scope: that is "no session", not a failure.
      if (error instanceof AppwriteException && error.code === 401) return null;
      throw asUpstreamError(error, 'account.get');
    }
  }

  /**
   * Creates an email/password session; awaited before anything reads the account (docs/appwrite-behaviour.md#web-sdk).
   */
  async signIn(email, password) {
    try {
      const session = await this.bounded(this.account.createEmailPasswordSession(email, password), 'createEmailPasswordSession');
      if (typeof session?.$id !== 'string') throw new UpstreamError('bad-answer', 'session without $id');
    } catch (error) {
      if (!(error instanceof AppwriteException)) throw asUpstreamError(error, 'createEmailPasswordSession');
      switch (error.type) {
        case 'user_session_already_exists':
          return; // another tab signed in meanwhile: the session we wanted is there
        case 'user_invalid_credentials':
          throw new LoginRejected('Invalid email or password.');
        case 'user_blocked':
          throw new LoginRejected('This account is blocked.');
        case 'general_argument_invalid':
          throw new LoginRejected('Enter a valid email address and a password of 8 to 256 characters.');
        case 'general_rate_limit_exceeded':
          throw new LoginRejected('Too many sign-in attempts for this email. Try again later.');
        case 'general_unknown_origin':
          throw new UpstreamError('refused', error.message);
        default:
          throw asUpstreamError(error, 'createEmailPasswordSession');
      }
    }
  }

  /** Deletes the current session; a session that is already gone counts as signed out. */
  async signOut() {
    try {
      await this.bounded(this.account.deleteSession('current'), 'deleteSession');
    } catch (error) {
      if (error instanceof AppwriteException && (error.code === 401 || error.code === 404)) return;
      throw asUpstreamError(error, 'deleteSession');
    }
  }
}

// The Web SDK hands over whatever JSON came back; a proxy or a wrong endpoint can answer 200 with
// anything, so check the fields the pages use before trusting it.
function requireUserShape(user) {
  const ok = user && typeof user === 'object'
    && typeof user.$id === 'string' && typeof user.name === 'string'
    && typeof user.email === 'string' && typeof user.$createdAt === 'string';
  if (!ok) throw new UpstreamError('bad-answer', 'account.get returned no user');
  return user;
}
