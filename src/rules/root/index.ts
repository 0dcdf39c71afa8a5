import type { Rule } from '../../lint/index.js';
import notSelfSigned from './not-self-signed.js';
import role from './role.js';

/** Root OCA rules, in catalogue order. */
export const ROOT_RULES: readonly Rule[] = [role, notSelfSigned];
