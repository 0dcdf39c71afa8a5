import { OID } from '../der/index.js';
import { attributesOf, firstAttribute } from '../x509/index.js';
import type { AttributeTypeAndValue, DocumentModel } from '../x509/index.js';
import type { RoleDefinition } from '../smki/index.js';

/** Subject OU attributes: where the Remote Party Role Code lives. */
export function subjectOus(cert: DocumentModel): readonly AttributeTypeAndValue[] {
  return attributesOf(cert.subject, OID.organizationalUnitName);
}

/** The first subject OU (the role code, when there is one), without making a list. */
export function firstSubjectOu(cert: DocumentModel): AttributeTypeAndValue | undefined {
  return firstAttribute(cert.subject, OID.organizationalUnitName);
}

export function firstSubjectCn(cert: DocumentModel): AttributeTypeAndValue | undefined {
  return firstAttribute(cert.subject, OID.commonName);
}

/** "OU '87' (0x87 = 135, xmlSigning)". */
export function describeRole(role: RoleDefinition): string {
  return `0x${role.hex} = ${role.code} (${role.name})`;
}

export const ISO_DAY = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** "an Organisation Certificate", "a Device CSR". */
export function withArticle(title: string): string {
  return `${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title}`;
}
