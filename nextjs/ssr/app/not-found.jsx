// Unknown paths: the app's own page instead of Next.js's default, whose inline style attributes the CSP
// (style-src without 'unsafe-inline') would block.
import { AppBar } from '../components/pages';

export default function NotFound() {
  return (
    <>
      <AppBar><a href="/">Home</a></AppBar>
      <main>
        <h1>Page not found</h1>
        <p>There is no page at this address.</p>
      </main>
    </>
  );
}
