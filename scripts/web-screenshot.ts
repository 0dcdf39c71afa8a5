// docs/web-page.png, the README's picture of the web page: the built page opened from disk, the
// sample certificate with OU '86' dropped on it with its Issuing OCA as issuer, evaluated on the
// sample PKI's date. Run `npm run screenshot:web` after changing the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checked, dropFiles, openWebPage } from './web-page.js';

const ROOT = join(import.meta.dirname, '..');
const certs = join(ROOT, 'test-certs');
const { evaluationTime } = JSON.parse(readFileSync(join(certs, 'manifest.json'), 'utf8')) as { evaluationTime: string };

const web = await openWebPage(undefined, { width: 1000, height: 1500 });
try {
  const { page } = web;
  await page.click('#options > summary');
  await page.fill('#at', evaluationTime.slice(0, 10));
  await page.fill('#issuers', readFileSync(join(certs, 'valid', 'issuing-oca.pem'), 'utf8'));
  await page.click('#options > summary');
  await checked(page, () => dropFiles(page, '#input', [{ name: 'org-role-86-reserved.pem', bytes: readFileSync(join(certs, 'defects', 'org-role-86-reserved.pem')) }]));
  await page.screenshot({ path: join(ROOT, 'docs', 'web-page.png') });
  if (web.errors.length > 0) throw new Error(`the page reported errors: ${web.errors.join('; ')}`);
  console.log('docs/web-page.png written');
} finally {
  await web.browser.close();
}
