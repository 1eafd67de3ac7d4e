// Runs before every page: a fresh CSP nonce per request. Next.js reads the nonce from the request's
// Content-Security-Policy header and puts it on its own scripts (the React runtime, the page's chunks and
// the inline RSC payload, which holds request data and so cannot be allowed by a hash). The pages have no
// script of their own. No 'unsafe-eval': production React and Next.js do not use eval.
import { NextResponse } from 'next/server';

export function proxy(request) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
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
  matcher: [
    // Pages only: not the route handlers under /api, not the hashed static files.
    { source: '/((?!api|_next/static|_next/image).*)' },
  ],
};
