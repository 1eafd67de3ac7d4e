// The three things the page asks of Appwrite with the Web SDK, with the answers sorted into "user",
// "no session", "login rejected" and "upstream failure" (UpstreamError). Runs in the browser only.
// The sentences are the same as csr-app's.
import { Account, AppwriteException, Client } from 'appwrite';

/** The user said something Appwrite will not accept (wrong password, bad email, too many tries). */
export class LoginRejected extends Error {}

/** Appwrite could not be used: unreachable, too slow, or its answer made no sense. */
export class UpstreamError extends Error {
  /** @param {'unreachable'|'timeout'|'bad-answer'|'refused'} kind */
  constructor(kind, detail, timeoutMillis) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
    this.timeoutMillis = timeoutMillis;
  }

  /** The sentence the page shows; never the raw error. */
  get sentence() {
    switch (this.kind) {
      case 'unreachable':
        return 'Appwrite could not be reached. Check the connection and try again.';
      case 'timeout':
        return `Appwrite did not answer within ${this.timeoutMillis / 1000} seconds. Try again later.`;
      case 'refused':
        return 'Appwrite refused requests from this site. Register this host as a Web platform of the project.';
      default:
        return 'Appwrite answered with something this app could not understand. Try again later.';
    }
  }
}

/** Races an SDK call against a timer: the Web SDK has no timeout, and a fetch to a silent server waits for minutes. */
function withTimeout(promise, what, millis) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new UpstreamError('timeout', `${what} took longer than ${millis} ms`, millis)), millis);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** fetch() rejects with a TypeError when the connection fails (or CORS/CSP blocks it). */
export function asUpstreamError(error, what) {
  if (error instanceof UpstreamError) return error;
  if (error instanceof TypeError) return new UpstreamError('unreachable', `${what}: ${error.message}`);
  if (typeof error?.code === 'number' && error.code !== 0) {
    return new UpstreamError('bad-answer', `${what}: HTTP ${error.code} ${error.type ?? ''}`);
  }
  return new UpstreamError('bad-answer', `${what}: ${error?.message ?? error}`);
}

export class Session {
  constructor({ endpoint, project, timeoutMillis }) {
    this.account = new Account(new Client().setEndpoint(endpoint).setProject(project));
    this.timeoutMillis = timeoutMillis;
  }

  /** @returns {Promise<object|null>} the signed-in user, or null without a session */
  async currentUser() {
    try {
      const user = await withTimeout(this.account.get(), 'account.get', this.timeoutMillis);
      const ok = user && typeof user === 'object' && typeof user.$id === 'string' && typeof user.name === 'string'
        && typeof user.email === 'string' && typeof user.$createdAt === 'string';
      if (!ok) throw new UpstreamError('bad-answer', 'account.get returned no user');
      return user;
    } catch (error) {
      // Guests get 401 general_unauthorized_scope: that is "no session", not a failure.
      if (error instanceof AppwriteException && error.code === 401) return null;
      throw asUpstreamError(error, 'account.get');
    }
  }

  /** The post's CSR sign-in: createEmailPasswordSession, awaited before anything reads the account. */
  async signIn(email, password) {
    try {
      await withTimeout(this.account.createEmailPasswordSession(email, password), 'createEmailPasswordSession', this.timeoutMillis);
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
      await withTimeout(this.account.deleteSession('current'), 'deleteSession', this.timeoutMillis);
    } catch (error) {
      if (error instanceof AppwriteException && (error.code === 401 || error.code === 404)) return;
      throw asUpstreamError(error, 'deleteSession');
    }
  }
}
