import type { Rule } from '../../lint/index.js';
import unknown from './unknown.js';

/** Notices about how a certificate was classified. */
export const KIND_RULES: readonly Rule[] = [unknown];
