// npm run bench:browser: the browser entry's crypto in headless Chromium. Pure JavaScript
// (@noble) against WebCrypto for hashing and P-256 verification, then whole checks of a corpus of
// distinct Organisation Certificates against their Issuing OCA by the synchronous and the async
// path. BENCH_BROWSER_COUNT sets the corpus size (default 1,000).
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromiumVersion } from '../scripts/chromium.js';
import { openPage } from '../tests/helpers/browser-page.js';
import type { Run } from './browser-page.js';
import { buildCorpus } from './corpus.js';

const COUNT = Number(process.env.BENCH_BROWSER_COUNT ?? 1000);
const ROUNDS = 3;

const corpus = buildCorpus(COUNT);
const framed = Buffer.concat(
  corpus.organisations.flatMap((der) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(der.length);
    return [length, der];
  }),
);
const page = await openPage(
  join(import.meta.dirname, 'browser-page.ts'),
  new Map([
    ['/corpus.bin', framed],
    ['/issuer.der', corpus.oca],
  ]),
);
try {
  const version = chromiumVersion();
  const { count, firstVerifyMs, figures } = await page.page.evaluate((rounds) => (globalThis as unknown as { run: Run }).run(rounds), ROUNDS);
  if (page.errors.length > 0) throw new Error(page.errors.join('\n'));
  console.log(`smki-lint browser benchmark · ${cpus()[0]?.model ?? 'cpu'} · headless ${version} · ${count} certificates, best of ${ROUNDS}\n`);
  for (const f of figures) console.log(`${f.label.padEnd(62)}${f.microseconds.toFixed(1).padStart(10)} µs${Math.round(1e6 / f.microseconds).toLocaleString('en').padStart(10)}/s`);
  console.log(`\nfirst pure-JavaScript verification (tables built on first use): ${firstVerifyMs.toFixed(1)} ms`);
} finally {
  await page.close();
}
