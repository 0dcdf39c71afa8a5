import type { Rule } from '../../lint/index.js';
import basicConstraintsMissing from './basic-constraints-missing.js';
import basicConstraintsNotCa from './basic-constraints-not-ca.js';
import basicConstraintsNotCritical from './basic-constraints-not-critical.js';
import deviceCaProfileUnavailable from './device-ca-profile-unavailable.js';
import icaPathLen from './ica-path-len.js';
import icaRole from './ica-role.js';
import keyUsage from './key-usage.js';
import rootNotSelfSigned from './root-not-self-signed.js';
import rootRole from './root-role.js';

/** Root OCA, Issuing OCA and Device CA rules, in catalogue order. */
export const CA_RULES: readonly Rule[] = [
  keyUsage,
  basicConstraintsMissing,
  basicConstraintsNotCritical,
  basicConstraintsNotCa,
  icaPathLen,
  icaRole,
  rootRole,
  rootNotSelfSigned,
  deviceCaProfileUnavailable,
];
