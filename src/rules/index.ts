import type { Rule, RuleMeta } from '../lint/index.js';
import { ENGINE_FINDINGS } from '../lint/index.js';
import { CA_RULES } from './ca/index.js';
import { CERTIFICATE_RULES } from './cert/index.js';
import { CHAIN_RULES } from './chain/index.js';
import { COMPARE_RULES } from './compare/index.js';
import { REQUEST_RULES } from './csr/index.js';
import { DECODE_RULES } from './decode/index.js';
import { DER_RULES } from './der/index.js';
import { DEVICE_CA_RULES } from './device-ca/index.js';
import { DEVICE_RULES } from './device/index.js';
import { DUIS_RULES } from './duis/index.js';
import { END_ENTITY_RULES } from './ee/index.js';
import { ISSUING_OCA_RULES } from './ica/index.js';
import { KIND_RULES } from './kind/index.js';
import { ORGANISATION_RULES } from './org/index.js';
import { ROOT_RULES } from './root/index.js';

/**
 * Every built-in rule, area by area, in catalogue order. An area is a folder of src/rules/ named
 * after the first segment of its rule ids, with an index.ts that lists its rules.
 */
export const ALL_RULES: readonly Rule[] = [
  ...DER_RULES,
  ...DECODE_RULES,
  ...CERTIFICATE_RULES,
  ...END_ENTITY_RULES,
  ...ORGANISATION_RULES,
  ...DEVICE_RULES,
  ...CA_RULES,
  ...ISSUING_OCA_RULES,
  ...ROOT_RULES,
  ...DEVICE_CA_RULES,
  ...KIND_RULES,
  ...CHAIN_RULES,
  ...REQUEST_RULES,
  ...COMPARE_RULES,
  ...DUIS_RULES,
];

/** The catalogue: the rules plus the findings the pipeline emits itself. */
export const CATALOGUE: readonly RuleMeta[] = [...ENGINE_FINDINGS, ...ALL_RULES];
