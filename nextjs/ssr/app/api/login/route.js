// POST /api/login: the post's SSR sign-in. The admin client creates the session; its secret goes into the
// HttpOnly cookie and the browser is sent to the dashboard. Wrong credentials go back to the form with an
// error code (the page maps it to a fixed sentence: nothing the user typed is reflected).
import { createSession } from '../../../lib/appwrite';
import { forbidden, isCrossSite, readForm, seeOther } from '../../../lib/requests';
import { setSessionCookie } from '../../../lib/session-cookie';
import { UpstreamError } from '../../../lib/upstream';

export async function POST(request) {
  if (isCrossSite(request)) return forbidden();
  const form = await readForm(request);
  if (!(form instanceof URLSearchParams)) return form;
  const email = form.get('email') ?? '';
  const password = form.get('password') ?? '';
  try {
    const result = await createSession(email, password);
    if (result.rejected) return seeOther(`/login?error=${result.rejected}`);
    const response = seeOther('/dashboard');
    setSessionCookie(response, request, result.session);
    return response;
  } catch (error) {
    if (error instanceof UpstreamError) return seeOther(`/login?error=upstream-${error.kind}`);
    throw error;
  }
}
