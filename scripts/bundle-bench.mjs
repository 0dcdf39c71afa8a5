// Bundles a benchmark (bench/<name>.ts) into one plain JavaScript file, .bench/<name>.mjs, which
// node runs as is. Under tsx every module is rewritten on load, dist/ included, with esbuild's
// keepNames: a __name() call on each closure created in a hot loop doubled the library's measured
// time. The bundle keeps dist/ and the packages external, so the library runs as users load it.
import { build } from 'esbuild';

const name = process.argv[2];
if (!name) throw new Error('usage: node scripts/bundle-bench.mjs <name of a bench/*.ts file>');
await build({
  entryPoints: [`bench/${name}.ts`],
  outfile: `.bench/${name}.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // .bench/ sits beside bench/, so '../dist/…' resolves to the same files from either.
  external: ['../dist/*'],
  logLevel: 'warning',
});
