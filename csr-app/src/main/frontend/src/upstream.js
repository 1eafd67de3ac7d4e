// Everything that can go wrong between the browser and Appwrite, reduced to what the page shows.

/** Appwrite could not be used: unreachable, too slow, or its answer made no sense. */
export class UpstreamError extends Error {
  /**
   * @param {'unreachable'|'timeout'|'bad-answer'|'refused'} kind
   * @param {number} [timeoutMillis] for 'timeout': the limit that was exceeded
   */
  constructor(kind, detail, timeoutMillis) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
    this.timeoutMillis = timeoutMillis;
  }

  /** The sentence the page shows; never the raw error (it may carry server internals). */
  get sentence() {
    switch (this.kind) {
      case 'unreachable':
        return 'Appwrite could not be reached. Check the connection and try again.';
      case 'timeout':
        // Worded like ssr-app's: "5 seconds", "0.5 seconds".
        return `Appwrite did not answer within ${this.timeoutMillis / 1000} seconds. Try again later.`;
      case 'refused':
        return 'Appwrite refused requests from this site. Register this host as a Web platform of the project.';
      default:
        return 'Appwrite answered with something this app could not understand. Try again later.';
    }
  }
}

/**
 * Races an SDK call against a timer. The Web SDK has no timeout of its own and a fetch to a silent
 * server waits for minutes, so every call goes through here; the fetch itself is left to finish.
 */
export function withTimeout(promise, what, millis) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new UpstreamError('timeout', `${what} took longer than ${millis} ms`, millis)), millis);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Turns anything the SDK threw that is not an expected Appwrite answer into an UpstreamError.
 * fetch() rejects with a TypeError when the connection fails (or CORS/CSP blocks it); response.json()
 * rejects with a SyntaxError on a body that claims to be JSON and is not.
 */
export function asUpstreamError(error, what) {
  if (error instanceof UpstreamError) return error;
  if (error instanceof TypeError) return new UpstreamError('unreachable', `${what}: ${error.message}`);
  if (typeof error?.code === 'number' && error.code !== 0) {
    return new UpstreamError('bad-answer', `${what}: HTTP ${error.code} ${error.type ?? ''}`);
  }
  return new UpstreamError('bad-answer', `${what}: ${error?.message ?? error}`);
}
