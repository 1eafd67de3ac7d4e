// Everything that can go wrong between this server and Appwrite, reduced to what a page shows.
import 'server-only';
import { AppwriteException } from 'node-appwrite';

/** Appwrite could not be used: unreachable, too slow, or its answer made no sense. */
export class UpstreamError extends Error {
  /** @param {'unreachable'|'timeout'|'bad-answer'|'key-refused'} kind */
  constructor(kind, detail, timeoutMillis) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
    this.timeoutMillis = timeoutMillis;
  }

  /** The sentence the page shows (the same as the other apps'); never the raw error. */
  get sentence() {
    switch (this.kind) {
      case 'unreachable':
        return 'Appwrite could not be reached. Check the connection and try again.';
      case 'timeout':
        return `Appwrite did not answer within ${this.timeoutMillis / 1000} seconds. Try again later.`;
      case 'key-refused':
        return 'Appwrite refused this app\'s API key. The operator must set APPWRITE_API_KEY to a key with the sessions.write scope.';
      default:
        return 'Appwrite answered with something this app could not understand. Try again later.';
    }
  }

  /** The HTTP status a route handler answers with: 504 for a timeout, 502 otherwise. */
  get status() {
    return this.kind === 'timeout' ? 504 : 502;
  }
}

/**
 * Races an SDK call against a timer: node-appwrite has no timeout of its own, and a silent Appwrite would
 * hold the page forever. The call itself is left to finish.
 */
export async function bounded(promise, what, millis) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new UpstreamError('timeout', `${what} took longer than ${millis} ms`, millis)), millis);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An Appwrite answer the user caused (wrong password, ...): the error code for the login page, or null. */
export function loginRejection(error) {
  if (!(error instanceof AppwriteException)) return null;
  switch (error.type) {
    case 'user_invalid_credentials': return 'invalid';
    case 'user_blocked': return 'blocked';
    case 'general_argument_invalid': return 'argument';
    case 'general_rate_limit_exceeded': return 'rate';
    default: return null;
  }
}

/** Anything else the SDK threw, as an UpstreamError (the message is for logs, which never see secrets). */
export function asUpstreamError(error, what) {
  if (error instanceof UpstreamError) return error;
  if (error instanceof AppwriteException) {
    if (error.code === 401 && error.type === 'general_unauthorized_scope' && what === 'createEmailPasswordSession') {
      return new UpstreamError('key-refused', `${what}: HTTP 401 ${error.type}`);
    }
    return new UpstreamError('bad-answer', `${what}: HTTP ${error.code} ${error.type ?? ''}`);
  }
  if (error instanceof SyntaxError) return new UpstreamError('bad-answer', `${what}: ${error.name}`);
  return new UpstreamError('unreachable', `${what}: ${error?.name ?? 'error'}`);
}

/** One log line on stderr naming the call and the kind of failure: no URL, no body, no secret. */
export function logFailure(error) {
  console.error(`next-ssr: Appwrite call failed: ${error.message}`);
}
