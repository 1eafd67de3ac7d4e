// A missing or malformed setting is one clear line and exit code 2 at start-up, not a broken page later.
import { browserConfig, ConfigError } from './lib/config';

export function registerNode() {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    browserConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`next-csr: ${error.message}`);
    process.exit(2);
  }
}
