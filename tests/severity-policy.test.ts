import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES, SEVERITY_POLICY_EXCEPTIONS } from '../src/lint/index.js';
import type { RuleMeta } from '../src/lint/index.js';
import { checkPaths } from '../src/node.js';
import { CATALOGUE } from '../src/rules/index.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

// The severity policy docs/rules.md states: error = a MUST of a text the project has read and
// cites (source spec); warning = a SHOULD, observed practice or an adopted reading; notice =
// information. One severity per rule id.

/** Texts the project has read; an error cites at least one of them. */
const READ_TEXTS = /X\.690|X\.680|RFC \d+|GBCS|SEC Appendix M|SEC Section L|DUIS 5\.4 XML schema|W3C XML Signature/;
const docs = readFileSync(join(import.meta.dirname, '..', 'docs', 'rules.md'), 'utf8');

describe('severity policy', () => {
  it('makes an error only of a MUST of a text the project has read (source spec), the checker-failure finding aside', () => {
    const offenders = CATALOGUE.filter((r) => r.severity === 'error' && r.source !== 'spec' && !SEVERITY_POLICY_EXCEPTIONS.includes(r.id)).map((r) => `${r.id} (${r.source})`);
    expect(offenders).toEqual([]);
    for (const id of SEVERITY_POLICY_EXCEPTIONS) expect(CATALOGUE.find((r) => r.id === id)?.severity, id).toBe('error');
  });

  it('has every error cite a text the project has read', () => {
    const errors = CATALOGUE.filter((r) => r.severity === 'error' && !SEVERITY_POLICY_EXCEPTIONS.includes(r.id));
    expect(errors.filter((r) => !READ_TEXTS.test(r.citation)).map((r) => `${r.id}: ${r.citation}`)).toEqual([]);
  });

  it('says so wherever a citation names the Organisation Certificate Policy, which the project has not read', () => {
    const unread = CATALOGUE.filter((r) => /Appendix B|OCP/.test(r.citation) && !/(was )?not available/.test(r.citation));
    expect(unread.map((r) => `${r.id}: ${r.citation}`)).toEqual([]);
  });

  it("gives every finding of a whole run its rule's severity", async () => {
    const manifest = loadManifest();
    const results = await checkPaths([TEST_CERTS], { at: manifest.evaluationTime, environment: manifest.environment });
    const severities = new Map(CATALOGUE.map((r) => [r.id, r.severity]));
    const findings = results.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(200);
    expect(findings.filter((f) => f.severity !== severities.get(f.ruleId)).map((f) => `${f.ruleId}: ${f.severity}`)).toEqual([]);
  });

  it('is stated in docs/rules.md with the count of rules per source and severity', () => {
    expect(docs).toContain('## Severity policy');
    expect(docs).toMatch(/\*\*error\*\*: a MUST or MUST NOT of a text the project has read and cites/);
    expect(docs).toMatch(/\*\*warning\*\*: a SHOULD; practice seen in DCC's test PKI/);
    expect(docs).toContain('A rule has one severity');
    const count = (rules: readonly RuleMeta[], severity?: string) => rules.filter((r) => !severity || r.severity === severity).length;
    for (const source of ['spec', 'dcc', 'seen', 'adopted'] as const) {
      const rules = CATALOGUE.filter((r) => r.source === source);
      const row = `| ${source} | ${SEVERITIES.map((s) => count(rules, s)).join(' | ')} | ${rules.length} |`;
      if (rules.length > 0) expect(docs, source).toContain(row);
      else expect(docs).not.toContain(`| ${source} |`);
    }
    expect(docs).toContain(`| all | ${SEVERITIES.map((s) => count(CATALOGUE, s)).join(' | ')} | ${CATALOGUE.length} |`);
  });
});
