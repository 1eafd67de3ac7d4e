// The page frame: the shared stylesheet and an empty favicon (stops a /favicon.ico request), as in the
// bundled apps. Every page depends on the request (cookie, CSP nonce), so nothing is prerendered.
import './app.css';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'AuthBench' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <head>
        <link rel="icon" href="data:," />
      </head>
      <body>{children}</body>
    </html>
  );
}
