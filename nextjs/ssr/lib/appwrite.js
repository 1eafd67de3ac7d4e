// The post's two Appwrite clients for SSR, made per request and never shared:
//  - the admin client (API key) creates the email/password session and gets its secret back;
//  - the session client (setSession(secret)) acts as the signed-in user.
// Every call is timed for Server-Timing and bounded by UPSTREAM_TIMEOUT_MS.
import 'server-only';
import { Account, AppwriteException, Client } from 'node-appwrite';
import { apiKey, appwriteConfig } from './config';
import { timed } from './server-timing';
import { asUpstreamError, bounded, loginRejection, logFailure } from './upstream';

export function createAdminClient() {
  const { endpoint, project, timeoutMillis } = appwriteConfig();
  const client = new Client().setEndpoint(endpoint).setProject(project).setKey(apiKey());
  return { account: new Account(client), timeoutMillis };
}

export function createSessionClient(secret) {
  const { endpoint, project, timeoutMillis } = appwriteConfig();
  const client = new Client().setEndpoint(endpoint).setProject(project).setSession(secret);
  return { account: new Account(client), timeoutMillis };
}

/**
 * @returns {Promise<{session: object} | {rejected: string}>} the new session (with its secret), or the login
 *          page's error code when Appwrite refused the credentials
 * @throws {UpstreamError} when Appwrite failed
 */
export async function createSession(email, password) {
  const { account, timeoutMillis } = createAdminClient();
  try {
    const session = await timed('aw-create-session', () =>
      bounded(account.createEmailPasswordSession(email, password), 'createEmailPasswordSession', timeoutMillis));
    if (typeof session?.secret !== 'string' || session.secret === '') {
      throw asUpstreamError(new SyntaxError('session without secret'), 'createEmailPasswordSession');
    }
    return { session };
  } catch (error) {
    const rejected = loginRejection(error);
    if (rejected) return { rejected };
    const failure = asUpstreamError(error, 'createEmailPasswordSession');
    logFailure(failure);
    throw failure;
  }
}

/**
 * @returns {Promise<object|null>} the signed-in user, or null when Appwrite does not accept the secret
 * @throws {UpstreamError} when Appwrite failed
 */
export async function currentUser(secret) {
  const { account, timeoutMillis } = createSessionClient(secret);
  try {
    const user = await timed('aw-get-account', () => bounded(account.get(), 'account.get', timeoutMillis));
    const ok = user && typeof user.$id === 'string' && typeof user.name === 'string'
      && typeof user.email === 'string' && typeof user.$createdAt === 'string';
    if (!ok) throw new SyntaxError('account.get returned no user');
    return user;
  } catch (error) {
    if (error instanceof AppwriteException && error.code === 401) return null;
    const failure = asUpstreamError(error, 'account.get');
    logFailure(failure);
    throw failure;
  }
}

/** Deletes the current session at Appwrite; one that is already gone counts as signed out. */
export async function deleteSession(secret) {
  const { account, timeoutMillis } = createSessionClient(secret);
  try {
    await timed('aw-delete-session', () => bounded(account.deleteSession('current'), 'deleteSession', timeoutMillis));
  } catch (error) {
    if (error instanceof AppwriteException && (error.code === 401 || error.code === 404)) return;
    const failure = asUpstreamError(error, 'deleteSession');
    logFailure(failure);
    throw failure;
  }
}
