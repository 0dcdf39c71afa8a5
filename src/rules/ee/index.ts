import type { Rule } from '../../lint/index.js';
import basicConstraintsCa from './basic-constraints-ca.js';
import basicConstraintsPresent from './basic-constraints-present.js';
import keyUsageNotDsXorKa from './key-usage-not-ds-xor-ka.js';

/** Rules shared by the end-entity kinds (Organisation and Device Certificates), in catalogue order. */
export const END_ENTITY_RULES: readonly Rule[] = [keyUsageNotDsXorKa, basicConstraintsCa, basicConstraintsPresent];
