import type { Rule } from '../../lint/index.js';
import pathLen from './path-len.js';
import role from './role.js';

/** Issuing OCA rules, in catalogue order. */
export const ISSUING_OCA_RULES: readonly Rule[] = [pathLen, role];
