import { OID } from '../der/index.js';
import { extensionValue, firstAttribute } from '../x509/index.js';
import type { Certificate, CertificationRequest, DocumentModel } from '../x509/index.js';
import { classify, classifyRequest, namesItselfAsIssuer } from './classify.js';
import type { Classification } from './classify.js';
import { formatEui64 } from './eui64.js';
import type { CertificateKind } from './kinds.js';
import { readRoleCode } from './role-code.js';
import type { RoleReading } from './role-code.js';
import type { RoleTable } from './roles.js';
import { roleAttribute } from './role-ou.js';

/** How an SMKI engineer reads a certificate: kind, role, Entity Identifier, CN. */
export interface SmkiView {
  kind: CertificateKind;
  kindReason: string;
  /** The role read from the first subject OU. */
  role?: RoleReading;
  /** EUI-64 as 90-B3-D5-1F-30-01-00-00, from x500UniqueIdentifier (organisation) or hwSerialNum (device). */
  eui64?: string;
  eui64Source?: 'x500UniqueIdentifier' | 'hwSerialNum';
  commonName?: string;
  keyUsage: string[];
  policies: string[];
  selfIssued: boolean;
}

export function smkiView(cert: Certificate, roles: RoleTable, kindOverride?: CertificateKind): SmkiView {
  return readDocument(cert, roles, kindOverride ? { kind: kindOverride, reason: 'set by --kind' } : classify(cert), namesItselfAsIssuer(cert));
}

/** The same reading of a certification request: the role, EUI-64, CN and key usage it asks for. */
export function requestView(csr: CertificationRequest, roles: RoleTable, kindOverride?: CertificateKind): SmkiView {
  return readDocument(csr, roles, kindOverride ? { kind: kindOverride, reason: 'set by --kind' } : classifyRequest(csr), false);
}

function readDocument(doc: DocumentModel, roles: RoleTable, { kind, reason }: Classification, selfIssued: boolean): SmkiView {
  const ou = roleAttribute(doc.subject);
  const view: SmkiView = {
    kind,
    kindReason: reason,
    role: ou ? readRoleCode(ou.value, roles) : undefined,
    commonName: firstAttribute(doc.subject, OID.commonName)?.value,
    keyUsage: extensionValue(doc, 'keyUsage')?.names ?? [],
    policies: extensionValue(doc, 'certificatePolicies')?.map((p) => p.oid) ?? [],
    selfIssued,
  };
  const uid = firstAttribute(doc.subject, OID.x500UniqueIdentifier);
  if (uid && uid.valueType === 'BIT STRING' && uid.valueBytes.length > 1) {
    view.eui64 = formatEui64(uid.valueBytes.subarray(1));
    view.eui64Source = 'x500UniqueIdentifier';
  } else {
    const hw = extensionValue(doc, 'subjectAltName')?.find((n) => n.hardwareModuleName)?.hardwareModuleName;
    if (hw) {
      view.eui64 = formatEui64(hw.hwSerialNum);
      view.eui64Source = 'hwSerialNum';
    }
  }
  return view;
}
