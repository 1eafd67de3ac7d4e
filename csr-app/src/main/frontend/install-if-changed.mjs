// Second step of the csr-app build: `npm ci`, but only when node_modules does not already match
// package-lock.json. A full `npm ci` deletes and re-extracts node_modules (seconds, network), which
// every `mvn verify` would otherwise pay; the stamp file makes the step a no-op when nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const STAMP = 'node_modules/.authbench-installed-lock.json';

const lock = readFileSync(LOCK, 'utf8');
if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lock) {
  console.log('csr-app: node_modules matches package-lock.json, skipping npm ci');
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], {
  stdio: 'inherit',
  // --ignore-scripts: esbuild's optional postinstall only re-checks its binary (the platform package already
  // carries it), and no install script gets to run code or fetch anything during the build.
  // Nothing in this tree needs a browser either.
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
if (result.error) {
  console.error(`csr-app: could not run npm (${result.error.message}). Install with: apt-get install -y nodejs npm`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`csr-app: npm ci failed with exit code ${result.status}; see the npm output above.`);
  process.exit(result.status ?? 1);
}
writeFileSync(STAMP, lock);
