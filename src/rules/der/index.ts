import type { Rule } from '../../lint/index.js';
import { DER_VIOLATION_RULES } from './violation-rules.js';

/** One rule per DER violation kind of the strict reader. */
export const DER_RULES: readonly Rule[] = DER_VIOLATION_RULES;
