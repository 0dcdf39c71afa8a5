import { bytesEqual, OID } from '../der/index.js';
import { extensionValue, firstAttribute } from '../x509/index.js';
import type { Certificate, CertificationRequest, DocumentModel } from '../x509/index.js';
import type { CertificateKind } from './kinds.js';
import { roleAttribute } from './role-ou.js';

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
  const ou = roleAttribute(cert.subject)?.value;
  const bc = extensionValue(cert, 'basicConstraints');
  const ku = extensionValue(cert, 'keyUsage');
  const caBy = bc?.cA ? 'basicConstraints cA=TRUE' : ku?.keyCertSign ? 'keyUsage keyCertSign' : undefined;
  const selfNamed = namesItselfAsIssuer(cert);
  const { subjectEmpty, hwName, hasUid, otherOu } = subjectEvidence(cert);

  if (caBy && ou === '00') return { kind: 'root', reason: `subject OU=00 (root) with ${caBy}` };
  if (caBy && ou === '07') return { kind: 'issuing-oca', reason: `subject OU=07 (issuingAuthority) with ${caBy}` };
  if (!caBy && (subjectEmpty || hwName)) {
    return { kind: 'device', reason: subjectEmpty ? 'empty subject on an end-entity certificate' : 'subjectAltName holds a hardwareModuleName' };
  }
  if (ou !== undefined || otherOu || hasUid) return organisation(ou, otherOu, caBy ? ` despite ${caBy}` : '');
  if (caBy && selfNamed) return { kind: 'root', reason: `self-signed with ${caBy}, though without OU=00` };
  if (caBy && !subjectEmpty) return { kind: 'device-ca', reason: `${caBy} with a subject that has no role OU` };
  if (subjectEmpty) return { kind: 'device', reason: 'empty subject' };
  return { kind: 'unknown', reason: 'no role OU, no Entity Identifier, no hardwareModuleName and not a CA' };
}

/**
 * A request's kind, from its subject and requested subjectAltName: SMKI participants request
 * Organisation and Device Certificates only (SEC Appendix M, Appendix F).
 */
export function classifyRequest(csr: CertificationRequest): Classification {
  if (csr.problems.length > 0) return { kind: 'unknown', reason: 'the request could not be fully decoded' };
  const ou = roleAttribute(csr.subject)?.value;
  const { subjectEmpty, hwName, hasUid, otherOu } = subjectEvidence(csr);
  if (subjectEmpty || hwName) return { kind: 'device', reason: subjectEmpty ? 'empty subject' : 'the requested subjectAltName holds a hardwareModuleName' };
  if (ou !== undefined || otherOu || hasUid) return organisation(ou, otherOu, '');
  return { kind: 'unknown', reason: 'no role OU, no Entity Identifier and no hardwareModuleName' };
}

function subjectEvidence(doc: DocumentModel) {
  return {
    subjectEmpty: doc.subject !== undefined && doc.subject.rdns.length === 0,
    hwName: extensionValue(doc, 'subjectAltName')?.some((n) => n.hardwareModuleName !== undefined) ?? false,
    hasUid: firstAttribute(doc.subject, OID.x500UniqueIdentifier) !== undefined,
    // An OU that is not a character string holds no role code, but still marks an organisation's subject.
    otherOu: firstAttribute(doc.subject, OID.organizationalUnitName),
  };
}

function organisation(ou: string | undefined, otherOu: { valueType: string } | undefined, despite: string): Classification {
  if (ou !== undefined) return { kind: 'organisation', reason: `subject OU='${ou}' (where the Remote Party Role Code is held)${despite}` };
  if (otherOu) return { kind: 'organisation', reason: `subject has an OU (a ${otherOu.valueType}, where the Remote Party Role Code is held)${despite}` };
  return { kind: 'organisation', reason: 'subject holds an x500UniqueIdentifier (Entity Identifier)' };
}
