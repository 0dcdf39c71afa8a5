import { describe, expect, it } from 'vitest';
import type { CertificateResult } from '../../src/check/result.js';
import type { Finding, Rule } from '../../src/lint/index.js';
import { checkSampleFile, entriesExpecting, loadManifest, manifestChecker, validEntries } from './sample-pki.js';

const checker = manifestChecker();
const checked = new Map<string, CertificateResult[]>();

/** Every item of a sample file, checked once per test file. */
export function sampleResults(file: string): CertificateResult[] {
  let r = checked.get(file);
  if (!r) {
    r = checkSampleFile(file, checker);
    checked.set(file, r);
  }
  return r;
}

export function findingsOf(file: string, ruleId: string): Finding[] {
  return sampleResults(file).flatMap((r) => r.findings.filter((f) => f.ruleId === ruleId));
}

/** Valid samples (valid/ and the bundle of valid certificates) of the kinds a rule applies to. */
export function validSamplesFor(rule: Rule): string[] {
  const kinds = rule.appliesTo === 'all' ? undefined : rule.appliesTo;
  const bundles = loadManifest().files.filter((f) => f.file.startsWith('bundles/') && f.expect.length === 0 && (!kinds || kinds.includes(f.kind as never)));
  return [...validEntries(kinds), ...bundles].map((e) => e.file);
}

/**
 * For each certificate rule: a sample certificate expects it, every such sample yields it, every valid
 * sample of its kinds does not. (Rules over requests are covered in tests/requests.test.ts.)
 */
export function describeSampleCoverage(rules: readonly Rule[]): void {
  const forCertificates = rules.filter((r) => r.documents.includes('certificate'));
  describe.each(forCertificates.map((rule) => ({ id: rule.id, rule })))('$id', ({ id, rule }) => {
    const expecting = entriesExpecting(id).map((e) => e.file);

    it('has a sample certificate in the manifest that expects it', () => {
      expect(expecting, `no manifest entry expects ${id}: add a defect sample for it`).not.toEqual([]);
    });

    it.each(expecting)('reports %s', (file) => {
      expect(findingsOf(file, id).length, `${file} should yield ${id}`).toBeGreaterThan(0);
    });

    it.each(validSamplesFor(rule))('is silent on %s', (file) => {
      expect(findingsOf(file, id)).toEqual([]);
    });
  });
}
