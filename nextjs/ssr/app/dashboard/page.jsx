import { signedInUser } from '../../components/account';
import { AppBar, AppwriteDate, LogoutButton, UpstreamErrorPage } from '../../components/pages';

export const metadata = { title: 'Dashboard · AuthBench' };

export default async function DashboardPage() {
  const { user, failure } = await signedInUser();
  if (failure) return <UpstreamErrorPage sentence={failure.sentence} />;
  return (
    <>
      <AppBar>
        <a href="/profile" data-testid="profile-link">Profile</a>
        <LogoutButton />
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
