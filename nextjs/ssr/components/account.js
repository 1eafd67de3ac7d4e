// What the dashboard and the profile do before they render: the post's session client calls account.get()
// with the secret from the cookie. No cookie → /login; a cookie Appwrite refuses → /session-expired (which
// clears it); Appwrite failing → the caller renders the upstream error.
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentUser } from '../lib/appwrite';
import { SESSION_COOKIE } from '../lib/session-cookie';
import { UpstreamError } from '../lib/upstream';

/** @returns {Promise<{user: object} | {failure: UpstreamError}>} */
export async function signedInUser() {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!secret) redirect('/login');
  let user;
  try {
    user = await currentUser(secret);
  } catch (error) {
    if (error instanceof UpstreamError) return { failure: error };
    throw error;
  }
  if (!user) redirect('/session-expired');
  return { user };
}
