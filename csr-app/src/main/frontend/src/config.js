// The Appwrite endpoint and project are chosen when the server starts, not when the bundle is built:
// the server renders them into <meta name="authbench-config" content="{json}"> (no inline script, so the
// Content-Security-Policy can stay 'self'-only), and this module reads them back.

export class ConfigError extends Error {}

/** @returns {{endpoint: string, project: string}} */
export function readRuntimeConfig(doc) {
  const meta = doc.querySelector('meta[name="authbench-config"]');
  if (!meta) throw new ConfigError('the page has no <meta name="authbench-config">');
  let parsed;
  try {
    parsed = JSON.parse(meta.content);
  } catch (e) {
    throw new ConfigError('<meta name="authbench-config"> does not hold JSON');
  }
  const { endpoint, project } = parsed ?? {};
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint) || typeof project !== 'string' || !project) {
    throw new ConfigError('<meta name="authbench-config"> needs a http(s) "endpoint" and a "project"');
  }
  return { endpoint, project };
}
