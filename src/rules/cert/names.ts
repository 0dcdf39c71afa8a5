import { OID } from '../../der/index.js';
import type { CertificateTarget, RequestTarget, RuleContext } from '../../lint/index.js';
import type { AttributeTypeAndValue, Name } from '../../x509/index.js';
import { PATH, pathsOf } from '../paths.js';

/** Which of a document's names an attribute is in. */
export type NameField = 'subject' | 'issuer';

// CN and OU are named as the other subject rules name them (PATH.subjectCn, PATH.subjectOu).
const PATH_NAMES: Record<string, string> = { [OID.commonName]: 'commonName', [OID.organizationalUnitName]: 'organizationalUnitName' };

/** "tbsCertificate.issuer.commonName": where a finding about one attribute points. */
export function attributePath(target: CertificateTarget | RequestTarget, field: NameField, a: AttributeTypeAndValue): string {
  const name = field === 'subject' ? pathsOf(target.document).subject : PATH.issuer;
  return `${name}.${PATH_NAMES[a.oid] ?? a.name ?? a.oid}`;
}

/**
 * Attribute types whose syntax is DirectoryString (RFC 5280 Appendix A: X520name, X520CommonName,
 * X520LocalityName, X520StateOrProvinceName, X520OrganizationName, X520OrganizationalUnitName,
 * X520Title, X520Pseudonym), by OID, with the upper bound of their length where RFC 5280 sets one
 * that the profiles' names can reach.
 */
const DIRECTORY_STRING_ATTRIBUTES: ReadonlyMap<string, DirectoryStringSyntax> = new Map([
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

/** The label and upper bound of an attribute type of DirectoryString syntax. */
export interface DirectoryStringSyntax {
  label: string;
  upperBound?: { value: number; name: string };
}

type Target = CertificateTarget | RequestTarget;

/** What a rule does with one attribute; it is handed the target and context (see forEachDirectoryString). */
export type DirectoryStringVisitor = (a: AttributeTypeAndValue, syntax: DirectoryStringSyntax, field: NameField, target: Target, ctx: RuleContext) => void;

/**
 * Visits every character-string attribute of DirectoryString syntax in the document's subject and
 * (a certificate's) issuer. Called for every document by three rules: nothing is built per
 * attribute until a rule has something to report, and the visitor is handed the target and
 * context rather than closing over them, so that no closure is made per rule and document.
 */
export function forEachDirectoryString(target: Target, ctx: RuleContext, visit: DirectoryStringVisitor): void {
  visitName(target.doc.subject, 'subject', target, ctx, visit);
  if (target.document === 'certificate') visitName(target.cert.issuer, 'issuer', target, ctx, visit);
}

function visitName(name: Name | undefined, field: NameField, target: Target, ctx: RuleContext, visit: DirectoryStringVisitor): void {
  if (!name) return;
  for (const rdn of name.rdns) {
    for (const a of rdn.attributes) {
      // Values that are no character string at all are the role and decode rules' findings.
      if (a.stringType === undefined) continue;
      const syntax = DIRECTORY_STRING_ATTRIBUTES.get(a.oid);
      if (syntax) visit(a, syntax, field, target, ctx);
    }
  }
}

/** "Subject CN", "Issuer OU": how a message names an attribute. */
export function shownName(field: NameField, syntax: DirectoryStringSyntax): string {
  return `${field === 'subject' ? 'Subject' : 'Issuer'} ${syntax.label}`;
}

/** The DirectoryString choices RFC 5280 4.1.2.4 lets a CA use for new names. */
export const PREFERRED_STRINGS: ReadonlySet<string> = new Set(['PrintableString', 'UTF8String']);
/** The other DirectoryString choices: allowed only for names established before (RFC 5280 4.1.2.4). */
export const LEGACY_STRINGS: ReadonlySet<string> = new Set(['TeletexString', 'BMPString', 'UniversalString']);
