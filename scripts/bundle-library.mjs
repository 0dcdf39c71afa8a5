// Bundles for the library, after tsc has written dist/:
// - @noble inlined into dist/crypto/noble-primitives.js: the package then has no runtime
//   dependency, and Node.js users, who never load it, install nothing for it;
// - @rgrove/parse-xml inlined into dist/duis/xml-parser.js for the same reason: the exact parser
//   version the tests ran with, in Node.js and in the browser alike;
// - CommonJS for require(): one bundle holding the three entry points, so that they share one
//   copy of every class (an OptionsError is an OptionsError whichever entry threw it), a small
//   file selecting each entry's exports, and the declarations again under dist/cjs/, where a
//   package.json says "commonjs", so that TypeScript reads them as CommonJS.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { licenceBanner } from './licence-banner.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const cjs = join(dist, 'cjs');
const BUNDLED = ['@noble/curves', '@noble/hashes', '@rgrove/parse-xml'];
const common = { bundle: true, sourcemap: false, logLevel: 'warning', banner: { js: licenceBanner(BUNDLED) } };

await build({ ...common, banner: { js: licenceBanner(['@noble/curves', '@noble/hashes']) }, entryPoints: ['src/crypto/noble-primitives.ts'], outfile: join(dist, 'crypto/noble-primitives.js'), allowOverwrite: true, format: 'esm', platform: 'neutral' });
// Its declarations would name @noble's types, which users do not have; no public declaration uses them.
rmSync(join(dist, 'crypto/noble-primitives.d.ts'));
// parse-xml is CommonJS with a "main" field, which the neutral platform does not read by default.
await build({ ...common, banner: { js: licenceBanner(['@rgrove/parse-xml']) }, entryPoints: ['src/duis/xml-parser.ts'], outfile: join(dist, 'duis/xml-parser.js'), allowOverwrite: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'] });

const ENTRIES = { core: 'index', node: 'node', web: 'web' };
await build({
  ...common,
  stdin: { contents: Object.entries(ENTRIES).map(([name, file]) => `export * as ${name} from './src/${file}.ts';`).join('\n'), resolveDir: '.', loader: 'ts' },
  outfile: join(cjs, 'smki-lint.cjs'),
  format: 'cjs',
  platform: 'node',
  target: 'node20',
});
for (const [name, file] of Object.entries(ENTRIES)) writeFileSync(join(cjs, `${file}.cjs`), `'use strict';\nmodule.exports = require('./smki-lint.cjs').${name};\n`);
writeFileSync(join(cjs, 'package.json'), '{ "type": "commonjs" }\n');

for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.d.ts') || file.startsWith('cjs/')) continue;
  mkdirSync(dirname(join(cjs, file)), { recursive: true });
  copyFileSync(join(dist, file), join(cjs, file));
}
