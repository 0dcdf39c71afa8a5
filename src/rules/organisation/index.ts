import type { Rule } from '../../lint/index.js';
import roleReserved from './role-reserved.js';

export const ORGANISATION_RULES: readonly Rule[] = [roleReserved];
