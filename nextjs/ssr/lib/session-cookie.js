// The session cookie: `authbench_session` = the Appwrite session secret, HttpOnly, SameSite=Lax, Path=/,
// Secure when the browser came over https, living as long as the session. Not `a_session_<project>`, which
// would collide with the emulator's own cookie on the shared host name `localhost`.
import 'server-only';

export const SESSION_COOKIE = 'authbench_session';

/** Over https directly or behind a TLS-terminating proxy that says so. */
export function cameOverHttps(request) {
  const forwarded = request.headers.get('x-forwarded-proto');
  if (forwarded) return forwarded.split(',')[0].trim().toLowerCase() === 'https';
  return new URL(request.url).protocol === 'https:';
}

/** Sets the cookie on a NextResponse. */
export function setSessionCookie(response, request, session) {
  const expires = Date.parse(session.expire);
  response.cookies.set({
    name: SESSION_COOKIE,
    value: session.secret,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: cameOverHttps(request),
    ...(Number.isFinite(expires) ? { expires: new Date(expires) } : {}),
  });
}

export function clearSessionCookie(response, request) {
  response.cookies.set({
    name: SESSION_COOKIE, value: '', httpOnly: true, sameSite: 'lax', path: '/', secure: cameOverHttps(request),
    expires: new Date(0),
  });
}
