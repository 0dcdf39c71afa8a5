import type { Rule } from '../../lint/index.js';
import akiMismatch from './aki-mismatch.js';
import issuerNameMismatch from './issuer-name-mismatch.js';
import issuerNameStringType from './issuer-name-string-type.js';
import issuerNotCa from './issuer-not-ca.js';
import issuerRole from './issuer-role.js';
import issuerUnavailable from './issuer-unavailable.js';
import notChecked from './not-checked.js';
import policyInconsistent from './policy-inconsistent.js';
import selfSignedNotRoot from './self-signed-not-root.js';
import signatureInvalid from './signature-invalid.js';
import signatureUnverifiable from './signature-unverifiable.js';
import validityOutsideIssuer from './validity-outside-issuer.js';

/** Rules that compare a certificate with the certificate that issued it (they need the chain stage). */
export const CHAIN_RULES: readonly Rule[] = [
  notChecked,
  issuerUnavailable,
  signatureInvalid,
  signatureUnverifiable,
  issuerNameMismatch,
  issuerNameStringType,
  akiMismatch,
  validityOutsideIssuer,
  issuerNotCa,
  issuerRole,
  policyInconsistent,
  selfSignedNotRoot,
];
