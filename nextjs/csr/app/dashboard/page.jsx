'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useSignedInUser } from '../../components/appwrite-provider';
import { AppBar, AppwriteDate, LogoutButton, UpstreamErrorPage, Waiting } from '../../components/pages';

export default function DashboardPage() {
  const { user, failure } = useSignedInUser();
  const [logoutFailure, setLogoutFailure] = useState(null);
  if (failure || logoutFailure) return <UpstreamErrorPage sentence={failure ?? logoutFailure} />;
  if (!user) return <Waiting />;
  return (
    <>
      <AppBar>
        <Link href="/profile" data-testid="profile-link">Profile</Link>
        <LogoutButton onFailure={setLogoutFailure} />
      </AppBar>
      <main>
        <h1 data-testid="user-name" elementtiming="user-name">{user.name}</h1>
        <dl className="details">
          <dt>Email</dt><dd data-testid="user-email">{user.email}</dd>
          <dt>Member since</dt><dd data-testid="user-created"><AppwriteDate value={user.$createdAt} /></dd>
        </dl>
      </main>
    </>
  );
}
