// The web page as built (dist/web/), in headless Chromium: opened from disk and over HTTP, with
// text pasted through the clipboard and files dropped. What it shows is what the library and the
// CLI give on Node.js. Screenshots go to artifacts/web/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyConfig, parseConfig } from '../src/check/config.js';
import { checkPaths } from '../src/node.js';
import { detectItems } from '../src/input/index.js';
import { resultDecodeView } from '../src/report/decode-view.js';
import type { CertificateResult } from '../src/check/result.js';
import { checked, dropFiles, openWebPage, paste, serveWebDist } from '../scripts/web-page.js';
import type { WebPage } from '../scripts/web-page.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

const ROOT = join(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'artifacts', 'web');
const { evaluationTime } = loadManifest();
const AT = evaluationTime.slice(0, 10);
const sample = (path: string) => join(TEST_CERTS, path);
const text = (path: string) => readFileSync(sample(path), 'utf8');
const ROLE_86 = 'defects/org-role-86-reserved.pem';
const ROLE_86_DER = detectItems(readFileSync(sample(ROLE_86))).items[0].der;

let web: WebPage;
let page: Page;
let work: string;

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The element (tag, length, content) that starts at offset, read here without the library. */
function elementAt(der: Uint8Array, offset: number): string {
  const first = der[offset + 1];
  const octets = first < 0x80 ? 0 : first & 0x7f;
  let length = first < 0x80 ? first : 0;
  for (let i = 0; i < octets; i++) length = length * 256 + der[offset + 2 + i];
  return Buffer.from(der.subarray(offset, offset + 2 + octets + length)).toString('hex').replace(/(..)(?!$)/g, '$1 ');
}

/** What the page shows for each item: heading, the SMKI view's rows, findings, and the marked bytes. */
function shown(p: Page) {
  return p.$$eval('#results article.item', (items) =>
    items.map((item) => ({
      heading: item.querySelector('h3')?.textContent ?? '',
      view: [...item.querySelectorAll(':scope > dl.view > *')].map((e) => `${e.tagName}:${e.textContent}`),
      findings: [...item.querySelectorAll('li.finding')].map((li) => ({
        ruleId: li.querySelector('a.rule')?.textContent,
        href: li.querySelector('a.rule')?.getAttribute('href'),
        message: li.querySelector('.message')?.textContent,
        where: li.querySelector('.where')?.textContent,
      })),
      groups: [...item.querySelectorAll('section.severity h4')].map((h) => h.textContent),
      marked: [...item.querySelectorAll('pre.hex mark')].map((m) => m.textContent).join(' '),
      ok: item.querySelector('p.ok')?.textContent,
    })),
  );
}

/** The rows the page should show: the decode view's, as dt/dd texts (a row without a label continues the one above). */
function expectedView(r: CertificateResult): string[] {
  return resultDecodeView(r)!.summary.flatMap((row) => [...(row.label ? [`DT:${row.label}`] : []), `DD:${row.value}`]);
}

/** Sets options as a user does; leaving a changed field checks again what is there to check. */
async function setOptions(p: Page, options: { issuers?: string; at?: string }): Promise<void> {
  if (!(await p.$eval('#options', (d) => (d as HTMLDetailsElement).open))) await p.click('#options > summary');
  if (options.at !== undefined) await p.fill('#at', options.at);
  if (options.issuers !== undefined) {
    await p.fill('#issuers', options.issuers);
    await p.locator('#issuers').blur();
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'smki-lint-web-'));
  web = await openWebPage();
  page = web.page;
  await web.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await web?.browser.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the web page, opened from disk (file://)', () => {
  it('says that nothing leaves the machine, and its policy forbids every connection', async () => {
    expect(await page.textContent('#privacy')).toContain('Nothing leaves this machine.');
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    // A request the page might try is refused by the browser: the server never sees it.
    const server = await serveWebDist();
    try {
      const outcome = await page.evaluate((url) => fetch(url).then(() => 'fetched', () => 'refused'), `${server.url}probe`);
      expect(outcome).toBe('refused');
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
    web.errors.length = 0;
  });

  it('a valid certificate pasted, with its issuer: the SMKI view, the signature verified, no findings', async () => {
    await setOptions(page, { at: AT, issuers: text('valid/issuing-oca.pem') });
    await checked(page, () => paste(page, '#input', text('valid/org-02-ds.pem')));
    const [node] = await checkPaths([sample('valid/org-02-ds.pem')], { at: AT, issuers: [sample('valid/issuing-oca.pem')] });
    const [item] = await shown(page);
    expect(item.heading).toBe("pasted text [0]  Organisation Certificate  role 0x02 = 2 (supplier)  EUI-64 90-B3-D5-1F-33-01-00-01  CN 'SAMPLESUPPLIER'".replace('90-B3-D5-1F-33-01-00-01', node.subject!.eui64!));
    expect(item.view).toEqual(expectedView(node));
    expect(item.view.join('\n')).toMatch(/DT:Kind\nDD:Organisation Certificate[^]*DT:Role\nDD:0x02 = 2 \(supplier[^]*DT:EUI-64[^]*DT:Key usage\nDD:digitalSignature\nDT:Policy\nDD:1\.2\.826\.0\.1\.8641679\.1\.2\.1\.4\nDT:Valid from[^]*DT:Valid until/);
    expect(item.findings).toEqual([]);
    expect(item.ok).toBe('No findings.');
    expect(await page.textContent('#results .issued-by')).toBe('Issued by OU=07, CN=T1 (matched by key-identifier, signature verified)');
    expect(await page.textContent('#results-heading')).toBe('1 item checked, 1 clean · 0 errors, 0 warnings, 0 notices');
    await shot(page, 'valid-certificate');
  });

  it('the 0x86 sample dropped as a DER file: org.role.reserved with the erratum, its rule linked, its bytes marked', async () => {
    // Leaving the emptied issuers field checks the valid certificate again, without its issuer.
    await checked(page, () => setOptions(page, { issuers: '' }));
    await checked(page, () => dropFiles(page, '#input', [{ name: 'org-role-86-reserved.der', bytes: ROLE_86_DER }]));
    const [node] = await checkPaths([sample(ROLE_86)], { at: AT });
    const [item] = await shown(page);
    expect(item.heading).toMatch(/^org-role-86-reserved\.der \[0\]  Organisation Certificate  role 0x86 = 134 \(centralisedSwitchingService\)/);
    expect(item.view).toEqual(expectedView(node));
    expect(item.groups).toEqual(['Errors (1)', 'Notices (1)']);
    const reserved = item.findings[0];
    const expected = node.findings.find((f) => f.ruleId === 'org.role.reserved')!;
    expect(reserved.ruleId).toBe('org.role.reserved');
    expect(reserved.message).toBe(expected.message);
    expect(reserved.message).toContain('The June 2020 draft of the OCP wrote "86" where "87" was meant; BEIS corrected it for the November 2020 SEC Release.');
    expect(reserved.where).toBe(`at tbsCertificate.subject.organizationalUnitName, offset ${expected.offset} (4 bytes) · ${expected.citation}`);
    expect(reserved.href).toBe('https://github.com/smki-lint/smki-lint/blob/HEAD/docs/rules.md#org.role.reserved');
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toContain('<a id="org.role.reserved"></a>');
    // The first finding's bytes are marked: the OU value, UTF8String '86'.
    expect(item.marked).toBe(elementAt(ROLE_86_DER, expected.offset!));
    expect(item.marked).toBe('0c 02 38 36');
    expect(await page.textContent('#file-list')).toBe(`Files: org-role-86-reserved.der (${ROLE_86_DER.length} bytes)`);
    await shot(page, 'role-86-dropped');
  });

  it('marks the bytes of the finding chosen', async () => {
    const notice = page.locator('#results li.finding.notice button.show-bytes');
    await notice.click();
    expect(await notice.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#results li.finding.error button.show-bytes').getAttribute('aria-pressed')).toBe('false');
    const [node] = await checkPaths([sample(ROLE_86)], { at: AT });
    const offset = node.findings.find((f) => f.ruleId === 'chain.not-checked')!.offset!;
    const [item] = await shown(page);
    // chain.not-checked is about the issuer name: a SEQUENCE of 28 bytes.
    expect(item.marked).toBe(elementAt(ROLE_86_DER, offset));
    expect(item.marked.split(' ')).toHaveLength(28);
  });

  it('downloads the JSON and SARIF reports the CLI writes for the same file', async () => {
    for (const [link, format] of [['#download-json', 'json'], ['#download-sarif', 'sarif']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(link)]);
      const saved = join(work, download.suggestedFilename());
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe(`smki-lint-report.${format}`);
      const ours = readFileSync(saved, 'utf8');
      // The CLI reads the DER file under the name the page gave the dropped file.
      const dir = mkdtempSync(join(work, 'cli-'));
      writeFileSync(join(dir, 'org-role-86-reserved.der'), ROLE_86_DER);
      const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'smki-lint.js'), 'check', 'org-role-86-reserved.der', '--at', AT, '--format', format], { cwd: dir, encoding: 'utf8' });
      expect(cli.status).toBe(1);
      expect(ours).toBe(cli.stdout);
      const report = JSON.parse(ours);
      if (format === 'json') expect(report.results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['org.role.reserved', 'chain.not-checked']);
      else {
        // A run with no issuer at all: SARIF gives chain.not-checked once, as a run-level notification.
        expect(report.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['org.role.reserved']);
        const notifications = report.runs[0].invocations[0].toolExecutionNotifications;
        expect(notifications.map((n: { associatedRule: { id: string } }) => n.associatedRule.id)).toEqual(['chain.not-checked']);
      }
    }
  });

  it('a CSR pasted: what decode shows, and its findings', async () => {
    const file = 'request-defects/csr-role-86-reserved.csr';
    await checked(page, () => paste(page, '#input', text(file)));
    const [node] = await checkPaths([sample(file)], { at: AT });
    const [item] = await shown(page);
    expect(node.document).toBe('csr');
    expect(item.heading).toMatch(/^pasted text \[0\]  Organisation CSR  role 0x86 = 134/);
    expect(item.view).toEqual(expectedView(node));
    expect(item.view).toContain('DT:Requested key usage');
    expect(item.findings.map((f) => f.ruleId)).toEqual(node.findings.map((f) => f.ruleId));
    expect(item.findings.map((f) => f.message)).toEqual(node.findings.map((f) => f.message));
    const csrDer = detectItems(readFileSync(sample(file))).items[0].der;
    expect(item.marked).toBe(elementAt(csrDer, node.findings[0].offset!));
    await shot(page, 'csr-pasted');
  });

  it('a DUIS request pasted: its header, then each certificate at its element, the request findings at their lines', async () => {
    const file = 'duis/defects/network-operator-in-supplier.xml';
    await checked(page, () => paste(page, '#input', text(file)));
    const node = await checkPaths([sample(file)], { at: AT });
    const items = await shown(page);
    expect(items.map((i) => i.findings.map((f) => f.ruleId))).toEqual(node.map((r) => r.findings.map((f) => f.ruleId)));
    expect(items.map((i) => i.view)).toEqual(node.map(expectedView));
    expect(items[0].heading).toMatch(/^pasted text \[0\]  DUIS request 6\.15\.1 Update Security Credentials \(KRP\)/);
    expect(items[0].view).toContain('DT:Request type');
    expect(items[0].findings[0].where).toContain('line 15');
    expect(items[1].heading).toContain('sr:Body/sr:UpdateSecurityCredentialsKRP/sr:ReplacementCertificates/sr:SupplierOrNetworkOperatorCertificates/sr:DigitalSigningCertificate (line 15)');
    // The request's own findings are about XML, so it has no hex view; its certificates have theirs.
    expect(await page.$$eval('#results article.item', (a) => a.map((i) => i.querySelector('pre.hex') !== null))).toEqual([false, ...node.slice(1).map(() => true)]);
    await shot(page, 'duis-request-pasted');
  });

  it('checks DUIS requests with their signer, says plainly what is wrong with a signer, and reads a configuration file', async () => {
    const request = 'duis/defects/wrong-signer.xml';
    const signer = readFileSync(sample('duis/signers/supplier-ds.pem'));
    await checked(page, async () => {
      await page.fill('#signer', signer.toString('utf8'));
      await page.locator('#signer').blur();
    });
    await checked(page, () => paste(page, '#input', text(request)));
    const withSigner = await checkPaths([sample(request)], { at: AT, signer });
    expect(withSigner[0].findings.map((f) => f.ruleId)).toContain('duis.signer.role');
    expect((await shown(page)).map((i) => i.findings.map((f) => f.message))).toEqual(withSigner.map((r) => r.findings.map((f) => f.message)));

    // Two certificates where one is wanted: the check does not run, and the page says why.
    await checked(page, async () => {
      await page.fill('#signer', signer.toString('utf8') + text('valid/issuing-oca.pem'));
      await page.locator('#signer').blur();
    });
    expect(await page.textContent('#status')).toBe('the signer (pasted signer) must hold exactly one certificate (the XML signing certificate that will sign the requests); it holds 2');
    expect(await page.getAttribute('#status', 'class')).toBe('problem');
    expect(await page.$$('#results article.item')).toEqual([]);
    await page.fill('#signer', '');

    // A configuration file's environment, chosen by default, whose policy the sample does not carry.
    const config = { environment: 'production', environments: [{ name: 'production', policies: { organisation: ['1.2.826.0.1.8641679.1.2.1.9'] } }] };
    await page.setInputFiles('#config', { name: 'smki-lint.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(config)) });
    await page.waitForFunction(() => (document.getElementById('environment') as HTMLSelectElement).value === 'production');
    expect(await page.$$eval('#environment option', (o) => o.map((e) => e.textContent))).toEqual(['test', 'production']);
    await checked(page, () => paste(page, '#input', text('valid/org-02-ds.pem')));
    const [node] = await checkPaths([sample('valid/org-02-ds.pem')], applyConfig({ at: AT }, parseConfig(config, 'smki-lint.json')));
    expect(node.findings.map((f) => f.ruleId)).toContain('cert.policies.unexpected-oid');
    expect((await shown(page))[0].findings.map((f) => f.message)).toEqual(node.findings.map((f) => f.message));
    expect(await page.textContent('#results .run-info')).toContain('environment production');
    await page.setInputFiles('#config', []);
  });

  it('loads nothing but its own files, and reports no error', async () => {
    expect(web.requests.every((u) => u.startsWith('file://') || u.startsWith('data:') || u.startsWith('blob:'))).toBe(true);
    expect(web.requests.filter((u) => u.startsWith('file://')).map((u) => u.replace(/.*dist\/web\//, '').replace(/-[\w-]+\./, '.')).sort()).toEqual(['assets/index.js', 'assets/style.css', 'index.html']);
    expect(web.errors).toEqual([]);
    // The third-party code the script inlines carries its licence notices.
    const script = web.requests.find((u) => u.endsWith('.js'))!;
    const head = readFileSync(new URL(script), 'utf8').slice(0, 6000);
    for (const name of ['@noble/curves', '@noble/hashes', '@rgrove/parse-xml']) expect(head).toContain(`${name} `);
  });
});

describe('the web page, used from the keyboard, on a narrow screen and over HTTP', () => {
  it('is operated with the keyboard alone, its focus visible', async () => {
    const w = await openWebPage();
    try {
      const p = w.page;
      const active = () =>
        p.evaluate(() => {
          const a = document.activeElement!;
          return { id: a.id, tag: a.tagName, button: [...document.querySelectorAll('button.show-bytes')].indexOf(a), outline: getComputedStyle(a).outlineStyle };
        });
      const tabTo = async (wanted: (a: Awaited<ReturnType<typeof active>>) => boolean) => {
        for (let i = 0; i < 80; i++) {
          await p.keyboard.press('Tab');
          const a = await active();
          if (wanted(a)) return a;
        }
        throw new Error('not reached with Tab');
      };
      expect((await tabTo((a) => a.id === 'input')).outline).toBe('solid');
      await p.keyboard.insertText(text('request-defects/csr-role-86-reserved.csr'));
      // The options open from the keyboard.
      expect((await tabTo((a) => a.tag === 'SUMMARY')).outline).toBe('solid');
      await p.keyboard.press('Enter');
      expect(await p.$eval('#options', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await tabTo((a) => a.id === 'at');
      await p.fill('#at', AT);
      await tabTo((a) => a.id === 'check');
      await checked(p, () => p.keyboard.press('Enter'));
      const [node] = await checkPaths([sample('request-defects/csr-role-86-reserved.csr')], { at: AT });
      const buttons = p.locator('#results button.show-bytes');
      expect(await buttons.count()).toBe(node.findings.length);
      expect(await buttons.nth(1).getAttribute('aria-pressed')).toBe('false');
      // To the second finding's button, and press it with the space bar.
      expect((await tabTo((a) => a.button === 1)).outline).toBe('solid');
      await p.keyboard.press(' ');
      expect(await buttons.nth(1).getAttribute('aria-pressed')).toBe('true');
      const der = detectItems(readFileSync(sample('request-defects/csr-role-86-reserved.csr'))).items[0].der;
      expect((await shown(p))[0].marked).toBe(elementAt(der, node.findings[1].offset!));
      // Ctrl+Enter in the text box checks again.
      await p.focus('#input');
      await checked(p, () => p.keyboard.press('Control+Enter'));
      await shot(p, 'keyboard');
      expect(w.errors).toEqual([]);
    } finally {
      await w.browser.close();
    }
  });

  it('is readable 320 pixels wide, with no horizontal scrolling of the page', async () => {
    const w = await openWebPage(undefined, { width: 320, height: 700 });
    try {
      const p = w.page;
      await w.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await setOptions(p, { at: AT });
      await checked(p, () => paste(p, '#input', text('duis/defects/role-86.xml')));
      expect((await shown(p)).length).toBe(3);
      const widths = await p.evaluate(() => ({
        viewport: document.documentElement.clientWidth,
        page: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
      }));
      expect(widths.viewport).toBe(320);
      expect(widths.page).toBeLessThanOrEqual(320);
      expect(widths.body).toBeLessThanOrEqual(320);
      expect(widths.widest).toBeLessThanOrEqual(320);
      await shot(p, 'narrow-320');
      expect(w.errors).toEqual([]);
    } finally {
      await w.browser.close();
    }
  });

  it('works served over HTTP, fetching only its own files', async () => {
    const server = await serveWebDist();
    const w = await openWebPage(server.url);
    try {
      const p = w.page;
      await setOptions(p, { at: AT });
      await checked(p, () => dropFiles(p, '#input', [{ name: 'org-role-86-reserved.pem', bytes: readFileSync(sample(ROLE_86)) }]));
      const [item] = await shown(p);
      expect(item.findings.map((f) => f.ruleId)).toEqual(['org.role.reserved', 'chain.not-checked']);
      expect(item.marked).toBe('0c 02 38 36');
      expect(server.requests.map((u) => u.replace(/-[\w-]+\./, '.')).sort()).toEqual(['/', '/assets/index.js', '/assets/style.css']);
      expect(w.errors).toEqual([]);
    } finally {
      await w.browser.close();
      await server.close();
    }
  });
});
