import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checker } from '../src/check/checker.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { certificateTarget, defineRule, Linter, matchesAny, sortFindings } from '../src/lint/index.js';
import type { Finding, Rule } from '../src/lint/index.js';
import { DEFAULT_ROLE_TABLE, smkiView, TEST_ENVIRONMENT } from '../src/smki/index.js';
import { decodeCertificate } from '../src/x509/index.js';
import { checkSampleFile, manifestChecker, TEST_CERTS } from './helpers/sample-pki.js';

const crypto = createNodeCrypto();
const options = { evaluationTime: Date.parse('2026-06-01'), environment: TEST_ENVIRONMENT, roles: DEFAULT_ROLE_TABLE, commonNameRoles: new Set(['02', '87']), crypto };

// A PEM file decoded the simple way, for engine tests that need a real model.
function pemTarget(file: string) {
  const text = readFileSync(join(TEST_CERTS, file), 'latin1');
  const der = new Uint8Array(Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
  const cert = decodeCertificate(der);
  return certificateTarget(cert, smkiView(cert, DEFAULT_ROLE_TABLE));
}

const rule = (over: Partial<Rule> & Pick<Rule, 'id'>): Rule =>
  defineRule({ severity: 'error', appliesTo: 'all', citation: 'test citation', description: 'test rule', source: 'adopted', check: () => {}, ...over });

describe('lint engine', () => {
  it('turns a rule that throws into an internal.rule-error finding and runs the other rules', () => {
    const linter = new Linter(
      [
        rule({ id: 'test.throws', check: () => { throw new Error('boom'); } }),
        rule({ id: 'test.reports', check: (_t, ctx) => ctx.report({ path: 'p', message: 'found' }) }),
      ],
      options,
    );
    const out = linter.lint(pemTarget('valid/org-02-ds.pem'));
    expect(out.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['internal.rule-error', 'rule test.throws failed: boom'],
      ['test.reports', 'found'],
    ]);
  });

  it('reports a rule outside its effective dates as not effective instead of running it', () => {
    let ran = 0;
    const linter = new Linter([rule({ id: 'test.future', effective: { from: '2030-01-01' }, check: () => void ran++ }), rule({ id: 'test.past', effective: { until: '2020-01-01' }, check: () => void ran++ }), rule({ id: 'test.now', effective: { from: '2020-01-01', until: '2030-01-01' }, check: () => void ran++ })], options);
    const out = linter.lint(pemTarget('valid/org-02-ds.pem'));
    expect(ran).toBe(1);
    expect(out.notEffective).toEqual([
      { ruleId: 'test.future', reason: 'certificate issued 2025-01-01, before the rule took effect on 2030-01-01' },
      { ruleId: 'test.past', reason: 'certificate issued 2025-01-01, after the rule ceased on 2020-01-01' },
    ]);
  });

  it('calls each check as a method of its rule, as a rule written with `this` expects', () => {
    const seen: unknown[] = [];
    const rules = [rule({ id: 'test.first', check() { seen.push(this); } }), rule({ id: 'test.second', check() { seen.push(this); } })];
    const linter = new Linter(rules, options);
    linter.lint(pemTarget('valid/org-02-ds.pem'));
    linter.lint(pemTarget('valid/org-02-ds.pem'));
    expect(seen).toEqual([rules[0], rules[1], rules[0], rules[1]]);
    expect(seen[0]).toBe(rules[0]);
  });

  it('runs only the rules for the certificate kind, and only encoding rules on a malformed certificate', () => {
    const seen: string[] = [];
    const rules = [
      rule({ id: 'test.org', appliesTo: ['organisation'], check: () => void seen.push('org') }),
      rule({ id: 'test.device', appliesTo: ['device'], check: () => void seen.push('device') }),
      rule({ id: 'test.encoding', onMalformed: true, check: () => void seen.push('encoding') }),
    ];
    new Linter(rules, options).lint(pemTarget('valid/org-02-ds.pem'));
    expect(seen).toEqual(['org', 'encoding']);
    seen.length = 0;
    new Linter(rules, options).lint(pemTarget('defects/der-truncated.pem'));
    expect(seen).toEqual(['encoding']);
  });

  it('selects rules by id or dotted prefix', () => {
    expect(matchesAny('org.role.reserved', ['org.role'])).toBe(true);
    expect(matchesAny('org.role.reserved', ['org.role.'])).toBe(true);
    expect(matchesAny('org.roles.x', ['org.role'])).toBe(false);
    expect(matchesAny('org.role.reserved', ['org.role.reserved'])).toBe(true);
    expect(matchesAny('cert.ku.missing', ['*'])).toBe(true);
    const linter = new Linter([rule({ id: 'a.one', check: (_t, c) => c.report({ path: '', message: '1' }) }), rule({ id: 'b.two', check: (_t, c) => c.report({ path: '', message: '2' }) })], { ...options, only: ['a'] });
    expect(linter.lint(pemTarget('valid/org-02-ds.pem')).findings.map((f) => f.ruleId)).toEqual(['a.one']);
  });

  it('orders findings worst first, then by offset, then by id', () => {
    const f = (ruleId: string, severity: Finding['severity'], offset?: number): Finding => ({ ruleId, severity, offset, message: '', path: '', citation: '' });
    const sorted = sortFindings([f('b', 'notice', 1), f('z', 'error'), f('c', 'error', 9), f('a', 'error', 9), f('w', 'warning', 0)]);
    expect(sorted.map((x) => x.ruleId)).toEqual(['a', 'c', 'z', 'w', 'b']);
  });

  it('refuses malformed rule metadata when a rule is defined', () => {
    expect(() => rule({ id: 'NoDots' })).toThrow('not namespaced');
    expect(() => rule({ id: 'x.y', citation: '' })).toThrow('citation');
    expect(() => rule({ id: 'x.y', effective: { from: 'soon' } })).toThrow('invalid effective date');
  });
});

describe('checker', () => {
  it('gives every item exactly one result, including items that are not certificates', () => {
    const results = checkSampleFile('defects/input-public-key.pem');
    expect(results).toHaveLength(1);
    expect(results[0].findings.map((f) => f.ruleId)).toEqual(['input.not-certificate']);
    expect(results[0].findings[0].message).toContain("labelled 'PUBLIC KEY'");
  });

  it('applies --kind to every certificate', () => {
    const checker = manifestChecker({ kind: 'root' });
    const [r] = checker.checkSource(new Uint8Array(readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem'))), 'x.pem');
    expect(r.kind).toBe('root');
    expect(r.kindReason).toBe('set by --kind');
  });

  it('rejects an unknown environment and an unreadable evaluation time', () => {
    expect(() => new Checker({ environment: 'production', crypto })).toThrow("unknown environment 'production'");
    expect(() => new Checker({ at: 'soon', crypto })).toThrow("'soon' is not an ISO 8601 date");
  });

  it('only accepts CA certificates as issuers found in a run, unless forced', () => {
    const checker = manifestChecker();
    const org = new Uint8Array(readFileSync(join(TEST_CERTS, 'valid/org-02-ds.pem')));
    const der = checker.decodeSource(org, 'x')[0].certificate!.der;
    expect(checker.addIssuer(der)).toBe(false);
    expect(checker.issuers.size).toBe(0);
    expect(checker.addIssuer(der, true)).toBe(true);
    expect(checker.issuers.size).toBe(1);
  });
});

