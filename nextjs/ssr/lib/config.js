// The app's settings, read from the environment on every call (at request time, never at build time), so one
// build serves every Appwrite endpoint the harness chooses.
import 'server-only';

const DEFAULT_TIMEOUT_MILLIS = 5000;

function required(name, example) {
  const value = process.env[name];
  if (!value) {
    throw new ConfigError(`${name} is not set. Set it to ${example} before starting the app.`);
  }
  return value;
}

export class ConfigError extends Error {}

/** Where the server reaches Appwrite, which project, and how long one call may take. */
export function appwriteConfig() {
  const endpoint = required('APPWRITE_ENDPOINT', "Appwrite's API base, e.g. http://localhost:8080/v1").replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#@]+(\/[^?#]*)?$/.test(endpoint)) {
    throw new ConfigError(`APPWRITE_ENDPOINT '${endpoint}' is not an http(s) URL without credentials, e.g. http://localhost:8080/v1.`);
  }
  const project = process.env.APPWRITE_PROJECT || 'authbench';
  const timeoutText = process.env.UPSTREAM_TIMEOUT_MS;
  const timeoutMillis = timeoutText ? Number(timeoutText) : DEFAULT_TIMEOUT_MILLIS;
  if (!Number.isInteger(timeoutMillis) || timeoutMillis <= 0 || timeoutMillis > 600000) {
    throw new ConfigError(`UPSTREAM_TIMEOUT_MS '${timeoutText}' is not a whole number of milliseconds between 1 and 600000.`);
  }
  return { endpoint, project, timeoutMillis };
}

/** The API key (scope sessions.write): environment only, never an argument, a page or a log line. */
export function apiKey() {
  return required('APPWRITE_API_KEY', 'an Appwrite API key with the sessions.write scope');
}
