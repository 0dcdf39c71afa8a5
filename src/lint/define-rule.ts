import type { Rule, RuleMeta } from './types.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** Declares a rule; the id format and metadata are checked once, at load. */
export function defineRule(rule: Rule): Rule {
  assertMeta(rule);
  return Object.freeze(rule);
}

export function assertMeta(meta: RuleMeta): void {
  if (!ID.test(meta.id)) throw new Error(`rule id '${meta.id}' is not namespaced lower-case words (e.g. org.role.reserved)`);
  if (!meta.citation || !meta.description) throw new Error(`rule ${meta.id} needs a citation and a description`);
  for (const date of [meta.effective?.from, meta.effective?.until]) {
    if (date !== undefined && Number.isNaN(Date.parse(date))) throw new Error(`rule ${meta.id} has an invalid effective date '${date}'`);
  }
}
