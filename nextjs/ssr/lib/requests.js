// Guards for the two POST route handlers (sign in, sign out): same-origin only, a small form body.
import 'server-only';
import { NextResponse } from 'next/server';

/** Sign-in forms are a few hundred bytes; anything bigger is not a sign-in. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * A cross-site form must not sign a user in or out. Next.js checks the origin of server actions, not of route
 * handlers, so this does: `Origin` must be the origin the browser used (host from X-Forwarded-Host or Host);
 * without `Origin`, `Sec-Fetch-Site` must be same-origin or none. A request with neither cannot come from a
 * browser form (browsers send Origin on every POST) and is let through, so command-line clients work.
 * SameSite=Lax on the cookie is the second wall.
 */
export function isCrossSite(request) {
  const origin = request.headers.get('origin');
  if (origin) {
    const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? '').split(',')[0].trim();
    const forwardedProto = request.headers.get('x-forwarded-proto');
    const proto = forwardedProto ? forwardedProto.split(',')[0].trim() : new URL(request.url).protocol.replace(':', '');
    return origin !== `${proto}://${host}`;
  }
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

export function forbidden() {
  return new NextResponse('Cross-site request refused.\n', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** 303 See Other to a path of this app (relative Location: right behind any proxy or link). */
export function seeOther(path) {
  return new NextResponse(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}

/**
 * The url-encoded form body, at most MAX_FORM_BYTES.
 * @returns {Promise<URLSearchParams | NextResponse>} the fields, or the 413/415 answer
 */
export async function readForm(request) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return new NextResponse('Send the form as application/x-www-form-urlencoded.\n', { status: 415 });
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FORM_BYTES) {
    return new NextResponse('Form too large.\n', { status: 413 });
  }
  const chunks = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body) {
      size += chunk.byteLength;
      if (size > MAX_FORM_BYTES) {
        return new NextResponse('Form too large.\n', { status: 413 });
      }
      chunks.push(chunk);
    }
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
