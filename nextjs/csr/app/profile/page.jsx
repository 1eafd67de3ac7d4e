'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useSignedInUser } from '../../components/appwrite-provider';
import { AppBar, AppwriteDate, LogoutButton, UpstreamErrorPage, Waiting } from '../../components/pages';

export default function ProfilePage() {
  const { user, failure } = useSignedInUser();
  const [logoutFailure, setLogoutFailure] = useState(null);
  if (failure || logoutFailure) return <UpstreamErrorPage sentence={failure ?? logoutFailure} />;
  if (!user) return <Waiting />;
  return (
    <>
      <AppBar>
        <Link href="/dashboard" data-testid="dashboard-link">Dashboard</Link>
        <LogoutButton onFailure={setLogoutFailure} />
      </AppBar>
      <main>
        <h1 data-testid="profile-name" elementtiming="profile-name">{user.name}</h1>
        <dl className="details">
          <dt>User ID</dt><dd data-testid="user-id">{user.$id}</dd>
          <dt>Email</dt><dd data-testid="user-email">{user.email}</dd>
          <dt>Email verified</dt><dd data-testid="user-email-verified">{user.emailVerification ? 'yes' : 'no'}</dd>
          <dt>Member since</dt><dd data-testid="user-created"><AppwriteDate value={user.$createdAt} /></dd>
        </dl>
      </main>
    </>
  );
}
