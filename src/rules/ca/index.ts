import type { Rule } from '../../lint/index.js';
import basicConstraintsMissing from './basic-constraints-missing.js';
import basicConstraintsNotCa from './basic-constraints-not-ca.js';
import basicConstraintsNotCritical from './basic-constraints-not-critical.js';
import extensionUnexpected from './extension-unexpected.js';
import keyCertSignMissing from './key-cert-sign-missing.js';
import keyUsage from './key-usage.js';

/** Rules every CA kind (Root OCA, Issuing OCA, Device CA) must meet, in catalogue order. */
export const CA_RULES: readonly Rule[] = [keyCertSignMissing, keyUsage, basicConstraintsMissing, basicConstraintsNotCritical, basicConstraintsNotCa, extensionUnexpected];
