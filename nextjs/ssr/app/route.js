// GET /: the dashboard for a browser with a session cookie, the sign-in form otherwise (no Appwrite call).
import { cookies } from 'next/headers';
import { seeOther } from '../lib/requests';
import { SESSION_COOKIE } from '../lib/session-cookie';

export async function GET() {
  return seeOther((await cookies()).has(SESSION_COOKIE) ? '/dashboard' : '/login');
}
