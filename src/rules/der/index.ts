import type { Rule } from '../../lint/index.js';
import decodeMalformed from './decode-malformed.js';
import { DER_VIOLATION_RULES } from './violation-rules.js';

export const DER_RULES: readonly Rule[] = [...DER_VIOLATION_RULES, decodeMalformed];
