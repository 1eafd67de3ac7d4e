// Third step of the csr-app build: bundle the script and the shared stylesheet with esbuild into
// minified, content-hashed files, and write manifest.json so the Java server knows the hashed names.
//
//   node build.mjs --css <path to shared-web/app.css> --out <dir>
//
// Output: <dir>/assets/app-<HASH>.js, <dir>/assets/app-<HASH>.css, <dir>/manifest.json
// (the manifest maps logical names to URL paths: {"script":"/assets/app-….js","stylesheet":"/assets/app-….css"}).
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { css: { type: 'string' }, out: { type: 'string' } },
});
if (!args.css || !args.out) {
  console.error('usage: node build.mjs --css <app.css> --out <output dir>');
  process.exit(2);
}

const outDir = path.resolve(args.out);
const assetsDir = path.join(outDir, 'assets');
// Old hashed files would otherwise pile up in target/classes and end up in the jar.
rmSync(assetsDir, { recursive: true, force: true });
mkdirSync(assetsDir, { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: 'src/main.js', 'app-style': path.resolve(args.css) },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  entryNames: '[name]-[hash]',
  outdir: assetsDir,
  metafile: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!output.entryPoint) continue;
  const urlPath = '/assets/' + path.basename(file);
  if (file.endsWith('.js')) manifest.script = urlPath;
  else if (file.endsWith('.css')) manifest.stylesheet = urlPath;
}
if (!manifest.script || !manifest.stylesheet) {
  console.error('csr-app: esbuild produced no script or no stylesheet: ' + JSON.stringify(manifest));
  process.exit(1);
}
writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`csr-app: bundled ${manifest.script} and ${manifest.stylesheet}`);
