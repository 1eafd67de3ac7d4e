// The browser's Appwrite settings, read from the environment on every request (never at build time), so one
// build serves every endpoint the harness chooses. The server itself never calls Appwrite and holds no key.
import 'server-only';

const DEFAULT_TIMEOUT_MILLIS = 5000;

export class ConfigError extends Error {}

/**
 * @returns {{endpoint: string, project: string, timeoutMillis: number}} what the page's Web SDK uses:
 *   APPWRITE_BROWSER_ENDPOINT (Appwrite as the browser reaches it; APPWRITE_ENDPOINT when unset),
 *   APPWRITE_PROJECT (default authbench), UPSTREAM_TIMEOUT_MS (default 5000, the page's bound on one call)
 */
export function browserConfig() {
  const name = process.env.APPWRITE_BROWSER_ENDPOINT ? 'APPWRITE_BROWSER_ENDPOINT' : 'APPWRITE_ENDPOINT';
  const raw = process.env[name];
  if (!raw) {
    throw new ConfigError('APPWRITE_BROWSER_ENDPOINT is not set. Set it to Appwrite\'s API base as the browser reaches it, '
      + 'e.g. http://localhost:8080/v1, before starting the app.');
  }
  const endpoint = raw.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#@]+(\/[^?#]*)?$/.test(endpoint)) {
    throw new ConfigError(`${name} '${endpoint}' is not an http(s) URL without credentials, e.g. http://localhost:8080/v1.`);
  }
  const project = process.env.APPWRITE_PROJECT || 'authbench';
  if (!/^[a-zA-Z0-9._-]{1,36}$/.test(project)) {
    throw new ConfigError(`APPWRITE_PROJECT '${project}' is not a project id (1 to 36 of a-z A-Z 0-9 . _ -).`);
  }
  const timeoutText = process.env.UPSTREAM_TIMEOUT_MS;
  const timeoutMillis = timeoutText ? Number(timeoutText) : DEFAULT_TIMEOUT_MILLIS;
  if (!Number.isInteger(timeoutMillis) || timeoutMillis <= 0 || timeoutMillis > 600000) {
    throw new ConfigError(`UPSTREAM_TIMEOUT_MS '${timeoutText}' is not a whole number of milliseconds between 1 and 600000.`);
  }
  return { endpoint, project, timeoutMillis };
}
