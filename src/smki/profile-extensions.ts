import { OID } from '../der/index.js';
import type { SmkiKind } from './kinds.js';

const CA_EXTENSIONS = [OID.keyUsage, OID.basicConstraints, OID.certificatePolicies, OID.subjectKeyIdentifier, OID.authorityKeyIdentifier];

/**
 * The extensions a certificate of each SMKI kind carries: GBCS section 12 for Device Certificates,
 * and the reference PKI's certificates for the others (no Organisation or CA profile text was
 * available). An extension outside its kind's list is reported by the extension rules.
 */
export const PROFILE_EXTENSIONS: Readonly<Record<SmkiKind, readonly string[]>> = {
  organisation: [OID.keyUsage, OID.subjectKeyIdentifier, OID.certificatePolicies, OID.authorityKeyIdentifier],
  device: [OID.keyUsage, OID.subjectKeyIdentifier, OID.subjectAltName, OID.certificatePolicies, OID.authorityKeyIdentifier],
  'issuing-oca': CA_EXTENSIONS,
  root: CA_EXTENSIONS,
  'device-ca': CA_EXTENSIONS,
};
