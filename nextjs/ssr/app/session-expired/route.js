// GET /session-expired: where a page sends the browser when Appwrite no longer accepts its session cookie.
// A page cannot change cookies while it renders, so this route clears it and goes on to /login.
import { clearSessionCookie } from '../../lib/session-cookie';
import { seeOther } from '../../lib/requests';

export function GET(request) {
  const response = seeOther('/login');
  clearSessionCookie(response, request);
  return response;
}
