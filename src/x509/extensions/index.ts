import { OID } from '../../der/index.js';
import { readDer } from '../../der/parse.js';
import type { DerViolation } from '../../der/index.js';
import type { Extension, ExtensionValues, KnownExtensionName } from '../types.js';
import { decodeBasicConstraints } from './basic-constraints.js';
import { decodeCertificatePolicies } from './certificate-policies.js';
import { decodeExtKeyUsage } from './ext-key-usage.js';
import { decodeGeneralNames } from './general-names.js';
import { decodeAuthorityKeyIdentifier, decodeSubjectKeyIdentifier } from './key-identifiers.js';
import { decodeKeyUsage } from './key-usage.js';

/** Extension OID -> the name under which its typed value is known. */
export const KNOWN_EXTENSIONS: Record<string, KnownExtensionName> = {
  [OID.keyUsage]: 'keyUsage',
  [OID.basicConstraints]: 'basicConstraints',
  [OID.subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [OID.authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [OID.certificatePolicies]: 'certificatePolicies',
  [OID.subjectAltName]: 'subjectAltName',
  [OID.extKeyUsage]: 'extKeyUsage',
};

/** KNOWN_EXTENSIONS as a Map, for the reason oidName uses one. */
const KNOWN: ReadonlyMap<string, KnownExtensionName> = new Map(Object.entries(KNOWN_EXTENSIONS));

/**
 * Decodes an extension's value in place (parsed or error). The value's own DER violations are
 * added to the certificate's, with offsets in the certificate's bytes.
 */
export function decodeExtensionValue(bytes: Uint8Array, ext: Extension, violations: DerViolation[]): void {
  const known = KNOWN.get(ext.oid);
  if (known) ext.known = known;
  const start = ext.valueOffset;
  const end = start + ext.value.length;
  // Its violations go straight into the certificate's list, offsets and all.
  const parsed = readDer(bytes, start, end, violations, false);
  // An extnValue holds exactly one DER encoding: bytes after it are said to be inside the extension.
  if (parsed.root !== null && parsed.root.end < end) {
    const at = parsed.root.end;
    violations.push({
      kind: 'trailing-bytes',
      offset: at,
      message: `${end - at} byte(s) follow the end of the ${ext.name ?? (ext.oid || 'unnamed')} extension's value at offset ${at}; an extnValue OCTET STRING holds exactly one DER encoding`,
    });
  }
  if (!known) return;
  const root = parsed.root;
  if (root === null || parsed.incomplete) {
    ext.error = `${known} value is not a complete DER element`;
    return;
  }
  let value: ExtensionValues[KnownExtensionName] | string;
  switch (known) {
    case 'keyUsage':
      value = decodeKeyUsage(bytes, root);
      break;
    case 'basicConstraints':
      value = decodeBasicConstraints(bytes, root, violations);
      break;
    case 'subjectKeyIdentifier':
      value = decodeSubjectKeyIdentifier(bytes, root);
      break;
    case 'authorityKeyIdentifier':
      value = decodeAuthorityKeyIdentifier(bytes, root);
      break;
    case 'certificatePolicies':
      value = decodeCertificatePolicies(bytes, root);
      break;
    case 'subjectAltName':
      value = decodeGeneralNames(bytes, root);
      break;
    case 'extKeyUsage':
      value = decodeExtKeyUsage(bytes, root);
      break;
  }
  if (typeof value === 'string') ext.error = value;
  else ext.parsed = value;
}
