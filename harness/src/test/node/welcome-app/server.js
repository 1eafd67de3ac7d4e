// A third-party-style SSR app, written the way real apps are rather than to AuthBench's page contract; the harness's
// target-mode tests run against it. No dependencies: Node's own http server and fetch (Node 18+).
//
// What makes it "foreign", each on purpose (see the harness tests that use it):
//  - it drops HTTP/1.1 requests that ask to upgrade to h2c (as `next start` does), so a client must speak plain 1.1;
//  - it greets "Welcome back, {name}!" (the name is part of a sentence, not the element's whole text);
//  - its routes are /signin, /home and /signout; it has no profile page;
//  - its session cookie is SameSite=Strict;
//  - a wrong password gives a 500 page (not a login-error element);
//  - it has no elementtiming attributes and sends no Server-Timing.
//
// Configuration (environment): PORT (0 = any free port), HOST (default 127.0.0.1), APPWRITE_ENDPOINT (e.g.
// http://127.0.0.1:8080/v1), APPWRITE_PROJECT, APPWRITE_API_KEY (a key with sessions.write; never logged).
// Once listening it prints `ready on http://HOST:PORT` on stdout.
'use strict';
const http = require('node:http');

const endpoint = (process.env.APPWRITE_ENDPOINT || '').replace(/\/$/, '');
const project = process.env.APPWRITE_PROJECT || '';
const apiKey = process.env.APPWRITE_API_KEY || '';
if (!endpoint || !project || !apiKey) {
  console.error('welcome-app: set APPWRITE_ENDPOINT, APPWRITE_PROJECT and APPWRITE_API_KEY');
  process.exit(2);
}
const COOKIE = 'wa_session';
const MAX_BODY = 16 * 1024;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function send(res, status, html, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(html);
}

function cookieValue(req, name) {
  for (const part of (req.headers.cookie || '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

async function appwrite(method, path, { body, session, key } = {}) {
  const headers = { 'X-Appwrite-Project': project, 'Content-Type': 'application/json' };
  if (key) headers['X-Appwrite-Key'] = apiKey;
  if (session) headers['X-Appwrite-Session'] = session;
  const response = await fetch(endpoint + path, { method, headers, body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(10000) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > MAX_BODY) { reject(new Error('body too large')); req.destroy(); }
    });
    req.on('end', () => resolve(new URLSearchParams(data)));
    req.on('error', reject);
  });
}

const signinPage = page('Sign in', `<main><h2>Sign in to Welcome</h2>
<form method="post" action="/signin" id="signin">
<label>Email <input type="email" name="email" id="email" required></label>
<label>Password <input type="password" name="password" id="password" required></label>
<button type="submit" id="go">Continue</button></form></main>`);

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/signin')) {
    return send(res, 200, signinPage);
  }
  if (req.method === 'POST' && url.pathname === '/signin') {
    const form = await readForm(req);
    const created = await appwrite('POST', '/account/sessions/email', { key: true,
      body: { email: form.get('email') || '', password: form.get('password') || '' } });
    if (created.status !== 201) {
      // Deliberately unhelpful, as many apps are: any failure is a 500 page.
      return send(res, 500, page('Error', '<h1>500: Internal Server Error</h1>'));
    }
    const secret = created.json.secret;
    return send(res, 303, '', { Location: '/home',
      'Set-Cookie': `${COOKIE}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Strict` });
  }
  if (req.method === 'GET' && url.pathname === '/home') {
    const session = cookieValue(req, COOKIE);
    if (!session) return send(res, 303, '', { Location: '/signin' });
    const account = await appwrite('GET', '/account', { session });
    if (account.status !== 200) return send(res, 303, '', { Location: '/signin', 'Set-Cookie': `${COOKIE}=; Path=/; Max-Age=0` });
    return send(res, 200, page('Home', `<main><h1 class="greeting">Welcome back, ${escapeHtml(account.json.name)}!</h1>
<form method="post" action="/signout"><button type="submit" id="signout">Sign out</button></form></main>`));
  }
  if (req.method === 'POST' && url.pathname === '/signout') {
    const session = cookieValue(req, COOKIE);
    if (session) await appwrite('DELETE', '/account/sessions/current', { session });
    return send(res, 303, '', { Location: '/signin', 'Set-Cookie': `${COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict` });
  }
  return send(res, 404, page('Not found', '<h1>404</h1>'));
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    console.error('welcome-app: ' + req.method + ' ' + req.url + ': ' + e.message);
    if (!res.headersSent) send(res, 500, page('Error', '<h1>500: Internal Server Error</h1>'));
    else res.destroy();
  });
});
// Like `next start`: a request that asks to switch protocols (Java's HttpClient sends `Upgrade: h2c` by default) gets
// its connection closed without an answer.
server.on('upgrade', (req, socket) => socket.destroy());
server.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`ready on http://${address}:${port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
