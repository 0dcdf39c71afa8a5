/**
 * Object identifiers the sample PKI writes. Kept apart from the decoder's table on purpose: a wrong
 * entry there must make the golden test fail, not make the fixtures agree with it.
 */
export const OIDS = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  ed25519: '1.3.101.112',
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  x500UniqueIdentifier: '2.5.4.45',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  nameConstraints: '2.5.29.30',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  /** id-qt-cps, the CPS pointer policy qualifier. */
  cpsQualifier: '1.3.6.1.5.5.7.2.1',
  hardwareModuleName: '1.3.6.1.5.5.7.8.4',
  extensionRequest: '1.2.840.113549.1.9.14',
  challengePassword: '1.2.840.113549.1.9.7',
  /** hwType of the reference test data's device certificates. */
  smkiHwType: '1.2.826.0.1.8641679.1.2.2.1',
  /** The test environment's organisation / OCA / root policy (spec section 6). */
  policyOrganisation: '1.2.826.0.1.8641679.1.2.1.4',
  /** The test environment's other device policy (spec section 6). */
  policyDevice: '1.2.826.0.1.1800000.1.2.1.4',
} as const;
