import { OID } from '../../der/index.js';
import type { LintTarget } from '../../lint/index.js';
import type { AttributeTypeAndValue, Name } from '../../x509/index.js';
import { PATH, pathsOf } from '../paths.js';

/** A name the name rules read: a document's subject, and a certificate's issuer. */
export interface NamedField {
  which: 'subject' | 'issuer';
  name: Name;
  path: string;
}

function namesOf(target: LintTarget): NamedField[] {
  const out: NamedField[] = [];
  if (target.doc.subject) out.push({ which: 'subject', name: target.doc.subject, path: pathsOf(target.document).subject });
  if (target.document === 'certificate' && target.cert.issuer) out.push({ which: 'issuer', name: target.cert.issuer, path: PATH.issuer });
  return out;
}

// CN and OU are named as the other subject rules name them (PATH.subjectCn, PATH.subjectOu).
const PATH_NAMES: Record<string, string> = { [OID.commonName]: 'commonName', [OID.organizationalUnitName]: 'organizationalUnitName' };

/** "tbsCertificate.issuer.commonName": where a finding about one attribute points. */
function attributePath(field: NamedField, a: AttributeTypeAndValue): string {
  return `${field.path}.${PATH_NAMES[a.oid] ?? a.name ?? a.oid}`;
}

/**
 * Attribute types whose syntax is DirectoryString (RFC 5280 Appendix A: X520name, X520CommonName,
 * X520LocalityName, X520StateOrProvinceName, X520OrganizationName, X520OrganizationalUnitName,
 * X520Title, X520Pseudonym), by OID, with the upper bound of their length where RFC 5280 sets one
 * that the profiles' names can reach.
 */
const DIRECTORY_STRING_ATTRIBUTES: ReadonlyMap<string, { label: string; upperBound?: { value: number; name: string } }> = new Map([
  [OID.commonName, { label: 'CN', upperBound: { value: 64, name: 'ub-common-name' } }],
  [OID.organizationalUnitName, { label: 'OU', upperBound: { value: 64, name: 'ub-organizational-unit-name' } }],
  [OID.organizationName, { label: 'O' }],
  ['2.5.4.4', { label: 'surname' }],
  ['2.5.4.7', { label: 'L' }],
  ['2.5.4.8', { label: 'ST' }],
  ['2.5.4.12', { label: 'title' }],
  ['2.5.4.41', { label: 'name' }],
  ['2.5.4.42', { label: 'givenName' }],
  ['2.5.4.43', { label: 'initials' }],
  ['2.5.4.44', { label: 'generationQualifier' }],
  ['2.5.4.65', { label: 'pseudonym' }],
]);

/** An attribute of DirectoryString syntax whose value is a character string, with the name it is in. */
export interface DirectoryStringAttribute {
  field: NamedField;
  attribute: AttributeTypeAndValue;
  /** The attribute type's label and bound (DIRECTORY_STRING_ATTRIBUTES). */
  syntax: { label: string; upperBound?: { value: number; name: string } };
  /** Where a finding about it points. */
  path: string;
  /** "Subject CN", "Issuer OU": how a message names it. */
  shown: string;
}

/** Every character-string attribute of DirectoryString syntax in the document's subject and (a certificate's) issuer. */
export function directoryStringAttributes(target: LintTarget): DirectoryStringAttribute[] {
  const out: DirectoryStringAttribute[] = [];
  for (const field of namesOf(target)) {
    for (const rdn of field.name.rdns) {
      for (const attribute of rdn.attributes) {
        const syntax = DIRECTORY_STRING_ATTRIBUTES.get(attribute.oid);
        // Values that are no character string at all are the role and decode rules' findings.
        if (!syntax || !attribute.stringType) continue;
        const shown = `${field.which === 'subject' ? 'Subject' : 'Issuer'} ${syntax.label}`;
        out.push({ field, attribute, syntax, path: attributePath(field, attribute), shown });
      }
    }
  }
  return out;
}

/** The DirectoryString choices RFC 5280 4.1.2.4 lets a CA use for new names. */
export const PREFERRED_STRINGS: ReadonlySet<string> = new Set(['PrintableString', 'UTF8String']);
/** The other DirectoryString choices: allowed only for names established before (RFC 5280 4.1.2.4). */
export const LEGACY_STRINGS: ReadonlySet<string> = new Set(['TeletexString', 'BMPString', 'UniversalString']);
