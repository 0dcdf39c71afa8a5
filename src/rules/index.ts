import type { Rule, RuleMeta } from '../lint/index.js';
import { ENGINE_FINDINGS } from '../lint/index.js';
import { DER_RULES } from './der/index.js';
import { ORGANISATION_RULES } from './organisation/index.js';

/** Every built-in rule, in catalogue order. */
export const ALL_RULES: readonly Rule[] = [...DER_RULES, ...ORGANISATION_RULES];

/** The catalogue: the rules plus the findings the pipeline emits itself. */
export const CATALOGUE: readonly RuleMeta[] = [...ENGINE_FINDINGS, ...ALL_RULES];
