import type { RuleMeta } from '../lint/index.js';
import { CATALOGUE } from '../rules/index.js';

/** Every dotted prefix of the ids ('org', 'org.role' for 'org.role.reserved'), sorted. */
function prefixesOf(ids: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const id of ids) {
    for (let dot = id.indexOf('.'); dot > 0; dot = id.indexOf('.', dot + 1)) prefixes.add(id.slice(0, dot));
  }
  return [...prefixes].sort();
}

const union = (values: readonly string[]) => values.map((v) => `\n  | '${v}'`).join('');

/** src/rules/rule-id.ts: the rule ids as TypeScript types, generated from rule metadata. */
export function renderRuleIdSource(catalogue: readonly RuleMeta[] = CATALOGUE): string {
  const ids = catalogue.map((r) => r.id);
  return [
    '// Generated from the rule metadata by `npm run docs`; do not edit by hand. A test keeps it current.',
    '',
    '/** The id of every rule in the catalogue, including the findings the checker itself emits. */',
    `export type RuleId =${union(ids)};`,
    '',
    "/** A dotted prefix of rule ids, which selects a group of rules ('org.role', 'chain'). */",
    `export type RuleIdPrefix =${union(prefixesOf(ids))};`,
    '',
    '/** What `only` and `ignore` accept: a rule id, or a dotted prefix with or without its final dot. */',
    'export type RuleSelector = RuleId | RuleIdPrefix | `${RuleIdPrefix}.`;',
    '',
  ].join('\n');
}
