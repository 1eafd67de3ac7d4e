// The Appwrite endpoint, project and upstream timeout are chosen when the server starts, not when the bundle is built:
// the server renders them into <meta name="authbench-config" content="{json}"> (no inline script, so the
// Content-Security-Policy can stay 'self'-only), and this module reads them back.

export class ConfigError extends Error {}

/** Used when the server sent no timeout (it always does; this keeps the page usable on its own). */
const DEFAULT_TIMEOUT_MILLIS = 5000;

/** @returns {{endpoint: string, project: string, timeoutMillis: number}} */
export function readRuntimeConfig(doc) {
  const meta = doc.querySelector('meta[name="authbench-config"]');
  if (!meta) throw new ConfigError('the page has no <meta name="authbench-config">');
  let parsed;
  try {
    parsed = JSON.parse(meta.content);
  } catch (e) {
    throw new ConfigError('<meta name="authbench-config"> does not hold JSON');
  }
  const { endpoint, project, timeoutMillis = DEFAULT_TIMEOUT_MILLIS } = parsed ?? {};
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint) || typeof project !== 'string' || !project) {
    throw new ConfigError('<meta name="authbench-config"> needs a http(s) "endpoint" and a "project"');
  }
  if (!Number.isFinite(timeoutMillis) || timeoutMillis <= 0) {
    throw new ConfigError('<meta name="authbench-config"> has a "timeoutMillis" that is not a positive number');
  }
  return { endpoint, project, timeoutMillis };
}
