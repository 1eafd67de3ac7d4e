// First step of `npm run build`: the one stylesheet of AuthBench (shared-web/app.css) is copied into the app,
// never forked, so this app looks and lays out like the other three. The copy is git-ignored.
import { copyFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '../../../shared-web/app.css');
const target = resolve(here, '../app/app.css');
try {
  copyFileSync(source, target);
} catch (error) {
  console.error(`cannot copy the shared stylesheet ${source} to ${target}: ${error.message}. Build from a full AuthBench checkout.`);
  process.exit(1);
}
