// Bundles the CLI and its worker thread into two files: loading ~190 ES modules one by one costs
// more start-up time than checking thousands of certificates. The library stays unbundled in dist/.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  // commander is CommonJS: give the bundle a require() for it.
  banner: { js: "import { createRequire as __smkiCreateRequire } from 'node:module'; const require = __smkiCreateRequire(import.meta.url);" },
});
