// The page frame, rendered on the server for every request: the shared stylesheet, an empty favicon, and the
// runtime config (Appwrite endpoint as the browser reaches it, project, timeout) handed to the client
// components as props, so one build serves every endpoint. Rendering per request also lets Next.js put the
// CSP nonce from proxy.js on its scripts. Nothing here calls Appwrite.
import { connection } from 'next/server';
import { AppwriteProvider } from '../components/appwrite-provider';
import { browserConfig } from '../lib/config';
import './app.css';

export const metadata = { title: 'AuthBench' };

export default async function RootLayout({ children }) {
  await connection(); // read the environment now, not at build time
  return (
    <html lang="en">
      <head>
        <link rel="icon" href="data:," />
      </head>
      <body>
        <AppwriteProvider config={browserConfig()}>{children}</AppwriteProvider>
      </body>
    </html>
  );
}
