// Server-Timing for the app's Appwrite calls: `aw-get-account;dur=1.234`, one entry per call in call order,
// a repeated name suffixed `-2`, `-3` (docs/CONVENTIONS.md, "SSR Server-Timing").
//
// Why it is done this way: an App Router page cannot set response headers, yet the dashboard's account.get()
// runs while the page renders. So every HTTP request gets a list of timings in an AsyncLocalStorage (installed
// once by instrumentation.js around the Node server's 'request' event), timed() appends to the list of the
// request it runs in, and the response's writeHead adds the header just before the head is sent. Next.js sends
// the head only after the page's shell rendered, and these pages have no Suspense boundary, so the
// account.get() of a page is always in its own response's header (the browser tests check it).
//
// instrumentation.js and the page bundles are separate module instances: they share the storage through
// globalThis under a registered symbol.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';

const STORAGE = Symbol.for('authbench.next-ssr.server-timing');
const INSTALLED = Symbol.for('authbench.next-ssr.server-timing.installed');
/** A page makes at most a few Appwrite calls; more entries than this would be a bug, not data. */
const MAX_ENTRIES = 16;

function storage() {
  globalThis[STORAGE] ??= new AsyncLocalStorage();
  return globalThis[STORAGE];
}

/** Runs an Appwrite call and records its wall time (success or failure) under `name` for this request. */
export async function timed(name, call) {
  const started = performance.now();
  try {
    return await call();
  } finally {
    const entries = storage().getStore();
    if (entries && entries.length < MAX_ENTRIES) {
      entries.push({ name, millis: performance.now() - started });
    }
  }
}

/** `aw-create-session;dur=12.345, aw-get-account;dur=1.100` with `-2`, `-3` on repeated names. */
export function headerValue(entries) {
  const seen = new Map();
  return entries.map(({ name, millis }) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${count === 1 ? name : `${name}-${count}`};dur=${millis.toFixed(3)}`;
  }).join(', ');
}

/** Wraps every request of this process's HTTP servers; idempotent. Called by instrumentation.js at start-up. */
export function installServerTimingHeader() {
  if (globalThis[INSTALLED]) return;
  globalThis[INSTALLED] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithTimings(event, request, response) {
    if (event !== 'request' || !(response instanceof http.ServerResponse)) {
      return emit.apply(this, arguments);
    }
    const entries = [];
    const writeHead = response.writeHead;
    response.writeHead = function writeHeadWithTimings(...args) {
      if (entries.length > 0 && !this.headersSent) {
        this.setHeader('Server-Timing', headerValue(entries));
      }
      return writeHead.apply(this, args);
    };
    return storage().run(entries, () => emit.apply(this, arguments));
  };
}
