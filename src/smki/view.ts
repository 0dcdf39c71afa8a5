import { OID } from '../der/index.js';
import { attributesOf, extensionValue } from '../x509/index.js';
import type { Certificate } from '../x509/index.js';
import { classify, namesItselfAsIssuer } from './classify.js';
import { formatEui64 } from './eui64.js';
import type { CertificateKind } from './kinds.js';
import { readRoleCode } from './role-code.js';
import type { RoleReading } from './role-code.js';
import type { RoleTable } from './roles.js';

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
  const { kind, reason } = kindOverride ? { kind: kindOverride, reason: 'set by --kind' } : classify(cert);
  // Only text can hold the two hex characters; another type is reported, not read as a code.
  const ou = attributesOf(cert.subject, OID.organizationalUnitName).find((a) => a.stringType !== undefined);
  const view: SmkiView = {
    kind,
    kindReason: reason,
    role: ou ? readRoleCode(ou.value, roles) : undefined,
    commonName: attributesOf(cert.subject, OID.commonName)[0]?.value,
    keyUsage: extensionValue(cert, 'keyUsage')?.names ?? [],
    policies: extensionValue(cert, 'certificatePolicies')?.map((p) => p.oid) ?? [],
    selfIssued: namesItselfAsIssuer(cert),
  };
  const uid = attributesOf(cert.subject, OID.x500UniqueIdentifier)[0];
  if (uid && uid.valueType === 'BIT STRING' && uid.valueBytes.length > 1) {
    view.eui64 = formatEui64(uid.valueBytes.subarray(1));
    view.eui64Source = 'x500UniqueIdentifier';
  } else {
    const hw = extensionValue(cert, 'subjectAltName')?.find((n) => n.hardwareModuleName)?.hardwareModuleName;
    if (hw) {
      view.eui64 = formatEui64(hw.hwSerialNum);
      view.eui64Source = 'hwSerialNum';
    }
  }
  return view;
}
