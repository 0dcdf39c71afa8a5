// Bundles the CLI and its worker thread into two files: loading ~190 ES modules one by one costs
// more start-up time than checking thousands of certificates. The library stays unbundled in dist/.
import { build } from 'esbuild';
import { licenceBanner } from './licence-banner.mjs';

const common = { outdir: 'dist/bundle', bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: false, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  // commander is bundled, and CommonJS: give the bundle a require() for it.
  banner: { js: `${licenceBanner(['commander', '@rgrove/parse-xml'])}\nimport { createRequire as __smkiCreateRequire } from 'node:module'; const require = __smkiCreateRequire(import.meta.url);` },
});
// The worker reads DUIS requests too: it carries the XML parser's notice.
await build({ ...common, entryPoints: { worker: 'src/cli/worker.ts' }, banner: { js: licenceBanner(['@rgrove/parse-xml']) } });
