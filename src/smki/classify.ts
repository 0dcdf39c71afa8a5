import { bytesEqual, OID } from '../der/index.js';
import { attributesOf, extensionValue } from '../x509/index.js';
import type { Certificate } from '../x509/index.js';
import type { CertificateKind } from './kinds.js';

export interface Classification {
  kind: CertificateKind;
  /** Why, in the words of the profile: "subject OU=07 with basicConstraints cA=TRUE". */
  reason: string;
}

/** Bytes-equal issuer and subject: the certificate names itself as its issuer. */
export function namesItselfAsIssuer(cert: Certificate): boolean {
  return bytesEqual(cert.issuer?.raw, cert.subject?.raw);
}

/**
 * Guesses the SMKI kind from content alone: the subject's role OU, whether it is a CA
 * (basicConstraints cA or keyCertSign), an empty subject or a hardwareModuleName.
 */
export function classify(cert: Certificate): Classification {
  // Guessing from a partly read certificate would apply a profile to fields that are not there.
  if (cert.problems.length > 0) return { kind: 'unknown', reason: 'the certificate could not be fully decoded' };
  const ou = attributesOf(cert.subject, OID.organizationalUnitName)[0]?.value;
  const bc = extensionValue(cert, 'basicConstraints');
  const ku = extensionValue(cert, 'keyUsage');
  const caBy = bc?.cA ? 'basicConstraints cA=TRUE' : ku?.keyCertSign ? 'keyUsage keyCertSign' : undefined;
  const selfNamed = namesItselfAsIssuer(cert);
  const subjectEmpty = cert.subject !== undefined && cert.subject.rdns.length === 0;
  const hwName = extensionValue(cert, 'subjectAltName')?.some((n) => n.hardwareModuleName !== undefined) ?? false;
  const hasUid = attributesOf(cert.subject, OID.x500UniqueIdentifier).length > 0;

  if (caBy && ou === '00') return { kind: 'root', reason: `subject OU=00 (root) with ${caBy}` };
  if (caBy && ou === '07') return { kind: 'issuing-oca', reason: `subject OU=07 (issuingAuthority) with ${caBy}` };
  if (!caBy && (subjectEmpty || hwName)) {
    return { kind: 'device', reason: subjectEmpty ? 'empty subject on an end-entity certificate' : 'subjectAltName holds a hardwareModuleName' };
  }
  if (ou !== undefined || hasUid) {
    return { kind: 'organisation', reason: ou !== undefined ? `subject OU='${ou}' (where the Remote Party Role Code is held)${caBy ? ` despite ${caBy}` : ''}` : 'subject holds an x500UniqueIdentifier (Entity Identifier)' };
  }
  if (caBy && selfNamed) return { kind: 'root', reason: `self-signed with ${caBy}, though without OU=00` };
  if (caBy && !subjectEmpty) return { kind: 'device-ca', reason: `${caBy} with a subject that has no role OU` };
  if (subjectEmpty) return { kind: 'device', reason: 'empty subject' };
  return { kind: 'unknown', reason: 'no role OU, no Entity Identifier, no hardwareModuleName and not a CA' };
}
