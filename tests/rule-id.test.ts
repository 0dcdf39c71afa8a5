import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RuleId, RuleIdPrefix, RuleSelector } from '../src/index.js';
import { renderRuleIdSource } from '../src/report/rule-id-source.js';
import { CATALOGUE } from '../src/rules/index.js';

describe('the RuleId type', () => {
  it('is the one generated from rule metadata (run npm run docs after adding or renaming a rule)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'src', 'rules', 'rule-id.ts'), 'utf8');
    expect(committed).toBe(renderRuleIdSource());
  });

  it('names every catalogue id once, and every dotted prefix of one', () => {
    const text = renderRuleIdSource([
      { id: 'org.role.reserved', severity: 'error', appliesTo: 'all', documents: ['certificate'], citation: 'c', description: 'd', source: 'spec' },
      { id: 'org.cn.not-permitted-for-role', severity: 'error', appliesTo: 'all', documents: ['certificate'], citation: 'c', description: 'd', source: 'spec' },
      { id: 'kind.unknown', severity: 'notice', appliesTo: 'all', documents: ['certificate'], citation: 'c', description: 'd', source: 'adopted' },
    ]);
    expect(text).toContain("export type RuleId =\n  | 'org.role.reserved'\n  | 'org.cn.not-permitted-for-role'\n  | 'kind.unknown';");
    expect(text).toContain("export type RuleIdPrefix =\n  | 'kind'\n  | 'org'\n  | 'org.cn'\n  | 'org.role';");
    const generated = renderRuleIdSource();
    for (const { id } of CATALOGUE) expect(generated.split(`| '${id}'`).length - 1, id).toBe(1);
  });

  it('makes a mistyped rule id a type error (checked by npm run typecheck)', () => {
    expectTypeOf<'org.role.reserved'>().toExtend<RuleId>();
    expectTypeOf<'input.no-certificate'>().toExtend<RuleId>();
    expectTypeOf<'org.role.reserverd'>().not.toExtend<RuleId>();
    expectTypeOf<'org.role'>().not.toExtend<RuleId>();
    expectTypeOf<'org.role'>().toExtend<RuleIdPrefix>();
    expectTypeOf<'chain.'>().toExtend<RuleSelector>();
    expectTypeOf<'chain.signature.invalid'>().toExtend<RuleSelector>();
    expectTypeOf<'chains'>().not.toExtend<RuleSelector>();
    // What a user's waiver list looks like.
    const waived: RuleId[] = ['org.role.key-usage-unusual'];
    // @ts-expect-error: no such rule
    waived.push('org.role.key-usage-unusal');
    expect(waived).toHaveLength(2);
  });
});
