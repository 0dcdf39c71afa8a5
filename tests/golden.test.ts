import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateResult } from '../src/check/result.js';
import { ENGINE_FINDINGS } from '../src/lint/index.js';
import { checkDuisRequest, checkPaths } from '../src/node.js';
import { ALL_RULES } from '../src/rules/index.js';
import { located, loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

// Rules no sample certificate can trigger in a one-run check of test-certs/, and where each is tested instead.
const COVERED_ELSEWHERE: Record<string, string> = {
  'internal.rule-error': 'tests/engine.test.ts (a rule that throws)',
  'config.waiver-expired': 'tests/waivers.test.ts (a waiver past its expires date)',
  'config.waiver-unused': 'tests/waivers.test.ts (a waiver that matches nothing)',
  'input.too-large': 'tests/hostile-input.test.ts (inputs beyond --max-item-size)',
  'input.unreadable': 'tests/hostile-input.test.ts (a file that vanishes or cannot be read)',
  'der.length.invalid': 'tests/der-reader.test.ts',
  'der.oid.invalid': 'tests/der-reader.test.ts',
  'der.string.numeric': 'tests/der-reader.test.ts',
  'der.string.visible': 'tests/der-reader.test.ts',
  'der.string.bmp': 'tests/der-reader.test.ts',
  'der.string.universal': 'tests/der-reader.test.ts',
  'chain.issuer.not-ca': 'tests/rules-chain.test.ts (an explicit non-CA issuer)',
  'chain.issuer.unavailable': 'tests/rules-chain.test.ts (--require-issuer)',
  'compare.certificate.missing': 'tests/compare.test.ts (the pairs/ folders compared as batches)',
  'compare.request.missing': 'tests/compare.test.ts (the pairs/ folders compared as batches)',
  'compare.certificate.duplicate': 'tests/compare.test.ts (the pairs/ folders compared as batches)',
};

const manifest = loadManifest();
let byFile: Map<string, CertificateResult[]>;

beforeAll(async () => {
  const results = await checkPaths([TEST_CERTS], { at: manifest.evaluationTime, environment: manifest.environment });
  byFile = new Map();
  for (const r of results) {
    const file = relative(TEST_CERTS, r.source.path);
    byFile.set(file, [...(byFile.get(file) ?? []), r]);
  }
});

describe('golden results: one run over the whole sample PKI', () => {
  it('checks every manifest file, and only those', () => {
    expect([...byFile.keys()].sort()).toEqual(manifest.files.map((f) => f.file).sort());
  });

  for (const entry of manifest.files) {
    it(`${entry.file}: ${entry.description}`, () => {
      const results = byFile.get(entry.file) ?? [];
      expect(results.length).toBeGreaterThan(0);
      const actual = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
      const expected = new Set(entry.expect);
      const missing = [...expected].filter((id) => !actual.has(id));
      const unexpected = [...actual].filter((id) => !expected.has(id));
      const details = results.flatMap((r) => r.findings.map((f) => `${f.ruleId}: ${f.message}`));
      expect({ missing, unexpected }, details.join('\n')).toEqual({ missing: [], unexpected: [] });
      // A DUIS request holds certificates of several kinds.
      if (entry.document !== 'duis-request') for (const r of results) if (entry.kind !== 'unknown' || r.kind !== undefined) expect(r.kind ?? 'unknown').toBe(entry.kind);
      expect(results.length).toBe(entry.items ?? 1);
      // Where each finding points: the same rule, path and offset as the generator computed from the bytes it wrote.
      expect(located(results), details.join('\n')).toEqual(entry.findings);
    });
  }

  it('gives every valid sample certificate no error and no warning', () => {
    for (const entry of manifest.files.filter((f) => f.file.startsWith('valid/') || f.file.startsWith('bundles/'))) {
      for (const r of byFile.get(entry.file)!) {
        expect(r.findings.filter((f) => f.severity !== 'notice'), entry.file).toEqual([]);
      }
    }
  });

  it('verifies every valid issued certificate against its issuer in the run', () => {
    for (const entry of manifest.files.filter((f) => f.file.startsWith('valid/'))) {
      for (const r of byFile.get(entry.file)!) {
        expect(r.issuer?.signatureValid, entry.file).toBe(true);
        expect(r.issuer?.matchedBy, entry.file).toBe(entry.kind === 'root' ? 'self' : 'key-identifier');
      }
    }
  });
});

describe('golden results: DUIS requests checked with the certificate that will sign them', () => {
  const read = (file: string) => new Uint8Array(readFileSync(join(TEST_CERTS, file)));
  const issuers = ['valid/root-oca.pem', 'valid/issuing-oca.pem', 'valid/device-ca.pem'].map(read);
  const signed = manifest.files.filter((f) => f.signer !== undefined);

  it('names a signer for every DUIS request sample that decodes', () => {
    expect(signed.length).toBeGreaterThan(20);
  });

  for (const entry of signed) {
    it(`${entry.file} signed with ${entry.signer}`, () => {
      const { request, certificates } = checkDuisRequest(read(entry.file), { at: manifest.evaluationTime, environment: manifest.environment, signer: read(entry.signer!), issuers, path: entry.file });
      const signerFindings = request.findings.filter((f) => f.ruleId.startsWith('duis.signer.'));
      expect(new Set(signerFindings.map((f) => f.ruleId)), signerFindings.map((f) => f.message).join('\n')).toEqual(new Set(entry.expectSigner));
      expect(1 + certificates.length).toBe(entry.items);
    });
  }
});

describe('rule coverage', () => {
  it('has a sample certificate that fails every rule (or a named test elsewhere)', () => {
    // The comparison rules' samples are the manifest's pairs.
    const expected = new Set([...manifest.files, ...manifest.pairs].flatMap((f) => f.expect).concat(manifest.files.flatMap((f) => f.expectSigner ?? [])));
    const ids = [...ENGINE_FINDINGS, ...ALL_RULES].map((r) => r.id);
    const uncovered = ids.filter((id) => !expected.has(id) && !(id in COVERED_ELSEWHERE));
    expect(uncovered).toEqual([]);
  });

  it('locates every expected finding of every area, and offsets wherever a rule gives one', () => {
    const entries = [...manifest.files, ...manifest.pairs];
    for (const e of entries) expect(e.findings.map((f) => f.ruleId).sort(), e.description).toEqual(expect.arrayContaining([...e.expect].sort()));
    for (const e of entries) for (const f of e.findings) expect(e.expect, `${e.description}: ${f.ruleId}`).toContain(f.ruleId);
    const withOffset = new Set(entries.flatMap((e) => e.findings.filter((f) => f.offset !== undefined).map((f) => f.ruleId.split('.')[0])));
    for (const area of ['der', 'cert', 'ee', 'org', 'device', 'ca', 'ica', 'root', 'chain', 'csr', 'compare']) expect(withOffset, area).toContain(area);
    // A DUIS request's own findings are at XML elements: a line and column.
    const withLine = new Set(entries.flatMap((e) => e.findings.filter((f) => f.line !== undefined).map((f) => f.ruleId.split('.')[0])));
    expect([...withLine]).toEqual(['duis']);
  });

  it('expects only rule ids that exist', () => {
    const ids = new Set([...ENGINE_FINDINGS, ...ALL_RULES].map((r) => r.id));
    expect([...manifest.files, ...manifest.pairs].flatMap((f) => f.expect).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('names only rules that exist among those covered elsewhere', () => {
    const ids = new Set([...ENGINE_FINDINGS, ...ALL_RULES].map((r) => r.id));
    expect(Object.keys(COVERED_ELSEWHERE).filter((id) => !ids.has(id))).toEqual([]);
  });
});
