'use client';
// One Web SDK client per browser tab, made from the runtime config the server rendered into this page, and the
// signed-in user kept in memory so a client-side move between dashboard and profile needs no Appwrite call.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Session } from '../lib/session';

const AppwriteContext = createContext(null);

export function AppwriteProvider({ config, children }) {
  const session = useMemo(() => new Session(config), [config.endpoint, config.project, config.timeoutMillis]);
  const [user, setUser] = useState(null);
  const value = useMemo(() => ({ session, user, setUser }), [session, user]);
  return <AppwriteContext.Provider value={value}>{children}</AppwriteContext.Provider>;
}

export function useAppwrite() {
  return useContext(AppwriteContext);
}

/**
 * The guard of the dashboard and the profile: the user in memory, else account.get() in the browser;
 * no session → /login (replacing the guarded entry in the history).
 * @returns {{user: object|null, failure: string|null}} failure: the sentence to show when Appwrite failed
 */
export function useSignedInUser() {
  const { session, user, setUser } = useAppwrite();
  const router = useRouter();
  const [failure, setFailure] = useState(null);
  useEffect(() => {
    if (user) return undefined;
    let current = true;
    session.currentUser().then(
      (found) => {
        if (!current) return;
        if (found) setUser(found);
        else router.replace('/login');
      },
      (error) => {
        if (current) setFailure(error.sentence ?? 'Appwrite answered with something this app could not understand. Try again later.');
      });
    return () => { current = false; };
  }, [session, user, setUser, router]);
  return { user, failure };
}

/** Sign out: deleteSession('current'), forget the user, go to /login. */
export function useLogout(onFailure) {
  const { session, setUser } = useAppwrite();
  const router = useRouter();
  return async () => {
    try {
      await session.signOut();
    } catch (error) {
      onFailure(error.sentence);
      return;
    }
    setUser(null);
    router.replace('/login');
  };
}
