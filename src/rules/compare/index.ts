import type { Rule } from '../../lint/index.js';
import keyMismatch from './key-mismatch.js';
import keyUsageMismatch from './key-usage-mismatch.js';
import sanMismatch from './san-mismatch.js';
import subjectMismatch from './subject-mismatch.js';
import subjectNotByteEqual from './subject-not-byte-equal.js';

/** The acceptance check: a certificate against the request it answers (run by `compare` only), in catalogue order. */
export const COMPARE_RULES: readonly Rule[] = [keyMismatch, subjectMismatch, subjectNotByteEqual, keyUsageMismatch, sanMismatch];
