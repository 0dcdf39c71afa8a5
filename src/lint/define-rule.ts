import type { DocumentKind, DocumentTargets, Rule, RuleContext, RuleMeta } from './types.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** A rule as written: `documents` defaults to certificates only. */
export type RuleDefinition<D extends DocumentKind> = Omit<RuleMeta, 'documents'> & {
  documents?: readonly D[];
  check(target: DocumentTargets[D], ctx: RuleContext): void;
};

/**
 * Declares a rule; the id format and metadata are checked once, at load. The check receives the
 * target of the documents declared: a rule over certificates and CSRs reads what both share
 * (`doc`, `view`), a certificate rule may also read `cert` and `chain`.
 */
export function defineRule<D extends DocumentKind = 'certificate'>(rule: RuleDefinition<D>): Rule<D> {
  const full = { ...rule, documents: rule.documents ?? (['certificate'] as unknown as readonly D[]) } as Rule<D>;
  assertMeta(full);
  return Object.freeze(full);
}

export function assertMeta(meta: RuleMeta): void {
  if (!ID.test(meta.id)) throw new Error(`rule id '${meta.id}' is not namespaced lower-case words (e.g. org.role.reserved)`);
  if (!meta.citation || !meta.description) throw new Error(`rule ${meta.id} needs a citation and a description`);
  if (meta.documents.length === 0) throw new Error(`rule ${meta.id} applies to no document`);
  for (const date of [meta.effective?.from, meta.effective?.until]) {
    if (date !== undefined && Number.isNaN(Date.parse(date))) throw new Error(`rule ${meta.id} has an invalid effective date '${date}'`);
  }
}
