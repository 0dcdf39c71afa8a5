import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../src/der/index.js';
import { createHash } from 'node:crypto';
import { issuersSharingSkiAndName, pem, runCli } from './helpers/hostile.js';
import type { Run } from './helpers/hostile.js';
import { Checker } from '../src/node.js';

const AT = '2026-06-01';
const sha = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

describe('issuer ties: several CA certificates share a key identifier and a name', () => {
  const tie = issuersSharingSkiAndName();

  it('the first candidate in input order whose key verifies wins; the others are named, each verified', () => {
    const checker = new Checker({ at: AT });
    // Input order: forged (does not verify), reissued (verifies), original (verifies).
    for (const ca of [tie.forged, tie.reissued, tie.original]) expect(checker.addIssuer(ca.der)).toBe(true);
    const [result] = checker.checkSource(new TextEncoder().encode(pem(tie.leaf)), 'leaf.pem');
    expect(result.issuer).toEqual({
      sha256: sha(tie.reissued.der),
      subject: 'OU=07, CN=T9',
      matchedBy: 'key-identifier',
      signatureValid: true,
      otherCandidates: [
        { sha256: sha(tie.forged.der), subject: 'OU=07, CN=T9', matchedBy: 'key-identifier', signatureValid: false },
        { sha256: sha(tie.original.der), subject: 'OU=07, CN=T9', matchedBy: 'key-identifier', signatureValid: true },
      ],
    });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('chain.signature.invalid');
  });

  it('when no candidate verifies, the first one is taken and its signature reported', () => {
    const checker = new Checker({ at: AT });
    checker.addIssuer(tie.forged.der);
    const [result] = checker.checkSource(new TextEncoder().encode(pem(tie.leaf)), 'leaf.pem');
    expect(result.issuer).toMatchObject({ sha256: sha(tie.forged.der), signatureValid: false });
    expect(result.issuer?.otherCandidates).toBeUndefined();
    expect(result.findings.map((f) => f.ruleId)).toContain('chain.signature.invalid');
  });

  describe('through the CLI, whatever the thread count and timing', () => {
    let dir: string;
    let reference: Run;
    const check = (jobs: string, env: Record<string, string> = {}) => runCli(['check', dir, '--at', AT, '--format', 'jsonl', '--jobs', jobs], { env });

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'smki-tie-'));
      // The CAs sort among the leaves, so every thread count spreads them over different units.
      const leaf = pem(tie.leaf);
      for (let i = 0; i < 1600; i++) writeFileSync(join(dir, `leaf-${String(i).padStart(4, '0')}.pem`), leaf);
      writeFileSync(join(dir, 'leaf-0100-forged-ca.pem'), pem(tie.forged.der));
      writeFileSync(join(dir, 'leaf-0700-reissued-ca.pem'), pem(tie.reissued.der));
      writeFileSync(join(dir, 'leaf-1500-original-ca.pem'), pem(tie.original.der));
      reference = check('1');
    });

    it('one thread chooses the first verifying CA in input order for every leaf', () => {
      const results = reference.stdout.trim().split('\n').map((l) => JSON.parse(l));
      const summary = results.pop();
      expect(summary.summary.inputs).toBe(1603);
      const leaves = results.filter((r) => r.source.path.endsWith('.pem') && !r.source.path.endsWith('-ca.pem'));
      expect(leaves).toHaveLength(1600);
      for (const r of leaves) {
        expect(r.issuer.sha256).toBe(toHex(createHash('sha256').update(tie.reissued.der).digest()));
        expect(r.issuer.otherCandidates.map((c: { sha256: string }) => c.sha256)).toEqual([sha(tie.forged.der), sha(tie.original.der)]);
      }
    });

    it.each([
      ['2', {}],
      ['4', {}],
      ['2', { SMKI_LINT_DEBUG_DELAY_MS: '40' }],
      ['4', { SMKI_LINT_DEBUG_DELAY_MS: '40' }],
      ['2', { SMKI_LINT_DEBUG_DELAY_MS: '15' }],
      // The main thread checks; node:crypto's thread pool verifies every candidate's signature.
      ['2', { SMKI_LINT_DEBUG_THREADS: '', SMKI_LINT_DEBUG_VERIFY_AHEAD: '1' }],
      ['2', { SMKI_LINT_DEBUG_THREADS: '', SMKI_LINT_DEBUG_VERIFY_AHEAD: '1', SMKI_LINT_DEBUG_DELAY_MS: '20' }],
    ])('--jobs %s %o gives the same bytes and exit code as --jobs 1', (jobs, env) => {
      const r = check(jobs, env);
      expect(r.code).toBe(reference.code);
      expect(r.stdout).toBe(reference.stdout);
    });
  });
  describe('one bundle, whatever the thread count, timing and how its reading is kept', () => {
    let bundle: string;
    let reference: Run;
    const check = (args: string[], env: Record<string, string> = {}) => runCli(['check', bundle, '--at', AT, '--format', 'jsonl', ...args], { env });

    beforeAll(() => {
      // The CAs come after leaves they issued, so units checked before the reading found them are checked again.
      const leaf = pem(tie.leaf);
      const items: string[] = [];
      for (let i = 0; i < 1600; i++) {
        if (i === 100) items.push(pem(tie.forged.der));
        if (i === 700) items.push(pem(tie.reissued.der));
        if (i === 1500) items.push(pem(tie.original.der));
        items.push(leaf);
      }
      bundle = join(mkdtempSync(join(tmpdir(), 'smki-tie-bundle-')), 'bundle.pem');
      writeFileSync(bundle, items.join(''));
      reference = check(['--jobs', '1']);
    });

    it('one thread reports every item of the bundle once, each leaf with the first verifying CA', () => {
      const results = reference.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(results.pop().summary.inputs).toBe(1603);
      expect(results.map((r) => r.source.index)).toEqual([...Array(1603).keys()]);
      expect(results.filter((r) => r.issuer?.sha256 === sha(tie.reissued.der))).toHaveLength(1600);
    });

    it.each([
      ['--jobs 2, the bundle handed to the workers in slices', ['--jobs', '2'], {}],
      ['--jobs 2, answers out of order', ['--jobs', '2'], { SMKI_LINT_DEBUG_DELAY_MS: '30' }],
      ['--jobs 2, nothing kept: workers read their slices again', ['--jobs', '2'], { SMKI_LINT_DEBUG_KEEP_BYTES: '0', SMKI_LINT_DEBUG_DELAY_MS: '15' }],
      ['--jobs 2, a bundle larger than the item size limit read in pieces', ['--jobs', '2', '--max-item-size', '65536'], {}],
      ['--jobs 2, read in pieces and nothing kept', ['--jobs', '2', '--max-item-size', '65536'], { SMKI_LINT_DEBUG_KEEP_BYTES: '0' }],
      ['--jobs 2, signatures verified beside the main thread', ['--jobs', '2'], { SMKI_LINT_DEBUG_THREADS: '', SMKI_LINT_DEBUG_VERIFY_AHEAD: '1' }],
      ['--jobs 2, verdicts out of order, nothing kept', ['--jobs', '2'], { SMKI_LINT_DEBUG_THREADS: '', SMKI_LINT_DEBUG_VERIFY_AHEAD: '1', SMKI_LINT_DEBUG_DELAY_MS: '20', SMKI_LINT_DEBUG_KEEP_BYTES: '0' }],
    ])('%s gives the same bytes and exit code as --jobs 1', (_, args, env) => {
      const r = check(args as string[], env as Record<string, string>);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(reference.code);
      expect(r.stdout).toBe(reference.stdout);
    });
  });
});
