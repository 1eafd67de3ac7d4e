import { signedInUser } from '../../components/account';
import { AppBar, AppwriteDate, LogoutButton, UpstreamErrorPage } from '../../components/pages';

export const metadata = { title: 'Profile · AuthBench' };

export default async function ProfilePage() {
  const { user, failure } = await signedInUser();
  if (failure) return <UpstreamErrorPage sentence={failure.sentence} />;
  return (
    <>
      <AppBar>
        <a href="/dashboard" data-testid="dashboard-link">Dashboard</a>
        <LogoutButton />
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
