// smki-lint/web in a real browser: headless Chromium checks the whole sample PKI, signatures
// included, and gets exactly the results node:crypto gives on Node.js.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPaths, expandInputs } from '../src/node.js';
import { resultToJson } from '../src/report/result-json.js';
import { openPage } from './helpers/browser-page.js';
import type { OpenPage } from './helpers/browser-page.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';
import type { CheckFiles } from './pages/check-samples.js';

const { evaluationTime: at } = loadManifest();
let browser: OpenPage;
let files: string[];

beforeAll(async () => {
  // Paths relative to the working directory, as in the browser, so that messages naming them match.
  files = (await expandInputs([TEST_CERTS])).map((f) => relative('.', f));
  browser = await openPage(join(import.meta.dirname, 'pages', 'check-samples.ts'), new Map(files.map((f) => [`/${f}`, readFileSync(f)])));
});

afterAll(() => browser?.close());

describe('smki-lint/web in headless Chromium', () => {
  it('checks the sample PKI, signatures included, as node:crypto does on Node.js, by both paths', async () => {
    const inBrowser = await browser.page.evaluate(([f, t]) => (globalThis as unknown as { checkFiles: CheckFiles }).checkFiles(f, t), [files, at] as const);
    const onNode = (await checkPaths(files, { at })).map(resultToJson);
    expect(inBrowser.secureContext).toBe(true);
    expect(inBrowser.sync).toEqual(onNode);
    expect(inBrowser.async).toEqual(onNode);
    // The async path verified in WebCrypto: at least every distinct certificate's signature a result reports on (DUIS requests repeat certificates).
    const reported = new Set(onNode.filter((r) => (r.issuer as { signatureValid?: boolean } | undefined)?.signatureValid !== undefined).map((r) => r.sha256)).size;
    expect(reported).toBeGreaterThan(100);
    expect(inBrowser.webCryptoVerifications).toBeGreaterThanOrEqual(reported);

    const bySource = new Map(inBrowser.async.map((r) => [(r.source as { path: string }).path, r]));
    const valid = bySource.get('test-certs/valid/org-02-ds.pem')!;
    expect(valid.issuer).toMatchObject({ subject: 'OU=07, CN=T1', matchedBy: 'key-identifier', signatureValid: true });
    expect(valid.findings).toEqual([]);
    const forged = bySource.get('test-certs/defects/chain-signature-invalid.pem')!;
    expect(forged.issuer).toMatchObject({ signatureValid: false });
    expect((forged.findings as { ruleId: string }[]).map((f) => f.ruleId)).toEqual(['chain.signature.invalid']);
    expect(browser.errors).toEqual([]);
  });
});
