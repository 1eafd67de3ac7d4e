// POST /logout: the session client deletes the session at Appwrite, the cookie is cleared, back to /login.
// A POST, never a link: a link would let any site sign the user out.
import { cookies } from 'next/headers';
import { deleteSession } from '../../lib/appwrite';
import { forbidden, isCrossSite, seeOther } from '../../lib/requests';
import { clearSessionCookie, SESSION_COOKIE } from '../../lib/session-cookie';
import { UpstreamError } from '../../lib/upstream';

export async function POST(request) {
  if (isCrossSite(request)) return forbidden();
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  if (secret) {
    try {
      await deleteSession(secret);
    } catch (error) {
      // The session may live on at Appwrite until it expires; the browser forgets it either way.
      if (!(error instanceof UpstreamError)) throw error;
    }
  }
  const response = seeOther('/login');
  clearSessionCookie(response, request);
  return response;
}
