// Bundles the benchmark into one plain JavaScript file, .bench/run.mjs, which node runs as is.
// Under tsx every module is rewritten on load, dist/ included, with esbuild's keepNames: a
// __name() call on each closure created in a hot loop doubled the library's measured time. The
// bundle keeps dist/ and the packages external, so the library runs exactly as users load it.
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/run.ts'],
  outfile: '.bench/run.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // .bench/ sits beside bench/, so '../dist/…' resolves to the same files from either.
  external: ['../dist/*'],
  logLevel: 'warning',
});
