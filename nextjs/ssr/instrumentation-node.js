// Start-up in the Node.js runtime: install the Server-Timing header (lib/server-timing.js), then check the
// configuration, so a missing variable is one clear line and exit code 2 instead of a broken page later.
import { apiKey, appwriteConfig, ConfigError } from './lib/config';
import { installServerTimingHeader } from './lib/server-timing';

export function registerNode() {
  installServerTimingHeader();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    appwriteConfig();
    apiKey();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`next-ssr: ${error.message}`);
    process.exit(2);
  }
}
