/** Object identifiers the SMKI profiles and the rendering need, by name. */
export const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  rsaEncryption: '1.2.840.113549.1.1.1',
  commonName: '2.5.4.3',
  organizationalUnitName: '2.5.4.11',
  organizationName: '2.5.4.10',
  countryName: '2.5.4.6',
  x500UniqueIdentifier: '2.5.4.45',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  hardwareModuleName: '1.3.6.1.5.5.7.8.4',
  extensionRequest: '1.2.840.113549.1.9.14',
} as const;

const NAMED: Record<string, string> = {
  [OID.ecdsaWithSha256]: 'ecdsa-with-SHA256',
  [OID.ecdsaWithSha384]: 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  [OID.ecPublicKey]: 'id-ecPublicKey',
  [OID.prime256v1]: 'prime256v1',
  [OID.secp384r1]: 'secp384r1',
  '1.3.132.0.35': 'secp521r1',
  '1.3.101.112': 'Ed25519',
  [OID.rsaEncryption]: 'rsaEncryption',
  [OID.commonName]: 'CN',
  [OID.organizationalUnitName]: 'OU',
  [OID.organizationName]: 'O',
  [OID.countryName]: 'C',
  '2.5.4.5': 'serialNumber',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  [OID.x500UniqueIdentifier]: 'x500UniqueIdentifier',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  [OID.subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [OID.keyUsage]: 'keyUsage',
  [OID.subjectAltName]: 'subjectAltName',
  '2.5.29.18': 'issuerAltName',
  [OID.basicConstraints]: 'basicConstraints',
  '2.5.29.30': 'nameConstraints',
  '2.5.29.31': 'cRLDistributionPoints',
  [OID.certificatePolicies]: 'certificatePolicies',
  [OID.authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [OID.extKeyUsage]: 'extKeyUsage',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess',
  [OID.hardwareModuleName]: 'hardwareModuleName',
  [OID.extensionRequest]: 'extensionRequest',
  '1.2.840.113549.1.9.7': 'challengePassword',
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
};

// A Map rather than the object: an object with this many keys is a dictionary, and every
// lookup in it takes V8's slowest (megamorphic) path.
const NAMES: ReadonlyMap<string, string> = new Map(Object.entries(NAMED));

/** Short name of a known OID, or undefined. */
export function oidName(oid: string): string | undefined {
  return NAMES.get(oid);
}

/** "name (oid)" for known OIDs, the bare OID otherwise. */
export function describeOid(oid: string): string {
  const name = NAMES.get(oid);
  return name ? `${name} (${oid})` : oid;
}
