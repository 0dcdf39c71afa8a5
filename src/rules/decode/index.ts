import type { Rule } from '../../lint/index.js';
import malformed from './malformed.js';

/** Findings about a document that does not decode as its ASN.1 structure. */
export const DECODE_RULES: readonly Rule[] = [malformed];
