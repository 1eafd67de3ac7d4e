// Runs before every page: a fresh CSP nonce per request (Next.js reads it from the request's
// Content-Security-Policy header and puts it on its own scripts, including the inline RSC payload that carries
// the runtime config), and connect-src opened to the one Appwrite origin the page's Web SDK talks to, read
// from the environment now, not at build time. No 'unsafe-eval': production React and Next.js do not use eval.
import { NextResponse } from 'next/server';

function appwriteOrigin() {
  const endpoint = process.env.APPWRITE_BROWSER_ENDPOINT || process.env.APPWRITE_ENDPOINT;
  try {
    return new URL(endpoint).origin;
  } catch {
    return ''; // instrumentation-node.js has already stopped a server without a usable endpoint
  }
}

export function proxy(request) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${appwriteOrigin()}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
