// Builds both Next.js apps with the machine's node and npm (what `mvn verify -Dbench.nextjs=true` runs):
// for each app, `npm ci` from its lockfile, copy the shared stylesheet, `next build`. A step whose inputs did
// not change since the last successful run is skipped (stamp files), so a second `mvn verify` does not pay
// for the install (seconds, network) or the build (about half a minute per app) again.
//
//   node build-apps.mjs [ssr] [csr]      (no argument: both)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHARED_CSS = resolve(HERE, '../shared-web/app.css');
const APPS = ['ssr', 'csr'];
/** What `next build` reads besides the lockfile: the app's sources and configuration. */
const SOURCE_ENTRIES = ['app', 'components', 'lib', 'scripts', 'next.config.mjs', 'proxy.js', 'instrumentation.js',
  'instrumentation-node.js', 'package.json'];
const GENERATED = new Set(['app/app.css']);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1', // no usage report to Vercel from a benchmark build
  npm_config_update_notifier: 'false',
};

function run(app, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: join(HERE, app), stdio: 'inherit', env });
  if (result.error) {
    fail(`could not run ${command} (${result.error.message}). Install Node.js >= 20.9 and npm (see nextjs/README.md).`);
  }
  if (result.status !== 0) {
    fail(`${app}: '${command} ${args.join(' ')}' failed with exit code ${result.status}; see its output above.`);
  }
  const step = [command, ...args.filter((arg) => !arg.startsWith('-'))].join(' ');
  console.log(`nextjs/${app}: ${step} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function fail(message) {
  console.error(`nextjs: ${message}`);
  process.exit(1);
}

function files(root, entry) {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(root, join(entry, name)));
}

/** One hash over the lockfile, the sources (path and content) and the shared stylesheet. */
function inputHash(app) {
  const root = join(HERE, app);
  const hash = createHash('sha256');
  for (const file of [join(root, 'package-lock.json'), SHARED_CSS,
    ...SOURCE_ENTRIES.flatMap((entry) => files(root, entry))]) {
    const name = relative(HERE, file);
    if (GENERATED.has(relative(root, file))) continue;
    hash.update(name).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function build(app) {
  const root = join(HERE, app);
  const lock = readFileSync(join(root, 'package-lock.json'), 'utf8');
  const installStamp = join(root, 'node_modules/.authbench-installed-lock.json');
  if (existsSync(installStamp) && readFileSync(installStamp, 'utf8') === lock) {
    console.log(`nextjs/${app}: node_modules matches package-lock.json, skipping npm ci`);
  } else {
    // --ignore-scripts: no package gets to run code or download anything at install time; Next.js's compiler
    // comes as a platform package (@next/swc-*) from the registry and needs no install script.
    run(app, 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts']);
    writeFileSync(installStamp, lock);
  }
  const buildStamp = join(root, '.next/authbench-input-hash');
  const hash = inputHash(app);
  if (existsSync(join(root, '.next/BUILD_ID')) && existsSync(buildStamp) && readFileSync(buildStamp, 'utf8') === hash) {
    console.log(`nextjs/${app}: sources unchanged since the last build, skipping next build`);
    return;
  }
  run(app, 'node', ['scripts/copy-shared-css.mjs']);
  run(app, 'node', ['node_modules/next/dist/bin/next', 'build']);
  writeFileSync(buildStamp, hash);
}

const wanted = process.argv.slice(2);
for (const app of wanted.length ? wanted : APPS) {
  if (!APPS.includes(app)) fail(`unknown app '${app}'; choose from ${APPS.join(', ')}.`);
  build(app);
}
