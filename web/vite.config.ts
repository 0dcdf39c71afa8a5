// The web page: `npm run build:web` builds web/ into dist/web/, which `smki-lint serve` serves and
// which works opened from disk. Browsers refuse module scripts and crossorigin fetches from file://
// pages, so the page is one classic script (an IIFE) and one stylesheet, at relative paths.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { licenceBanner } from '../scripts/licence-banner.mjs';

/** Vite writes <script type="module" crossorigin>: a classic deferred script loads from file:// too. */
function classicScript(): Plugin {
  return {
    name: 'smki-lint-classic-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" crossorigin src=/g, '<script defer src=').replace(/ crossorigin(?=[ >])/g, ''),
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [classicScript()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    reportCompressedSize: false,
    // The page inlines @noble (MIT) and @rgrove/parse-xml (ISC): their notices travel with it.
    rolldownOptions: { output: { format: 'iife', postBanner: licenceBanner(['@noble/curves', '@noble/hashes', '@rgrove/parse-xml']) } },
  },
  preview: { host: '127.0.0.1' },
});
