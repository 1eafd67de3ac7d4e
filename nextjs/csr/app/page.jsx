'use client';
// GET /: account.get() in the browser decides: the dashboard for a signed-in user, the sign-in form otherwise.
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useAppwrite } from '../components/appwrite-provider';
import { UpstreamErrorPage, Waiting } from '../components/pages';

export default function Home() {
  const { session, setUser } = useAppwrite();
  const router = useRouter();
  const [failure, setFailure] = useState(null);
  useEffect(() => {
    let current = true;
    session.currentUser().then(
      (user) => {
        if (!current) return;
        if (user) setUser(user);
        router.replace(user ? '/dashboard' : '/login');
      },
      (error) => { if (current) setFailure(error.sentence); });
    return () => { current = false; };
  }, [session, setUser, router]);
  return failure ? <UpstreamErrorPage sentence={failure} /> : <Waiting />;
}
