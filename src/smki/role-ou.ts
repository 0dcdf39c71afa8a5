import { OID } from '../der/index.js';
import type { AttributeTypeAndValue, Name } from '../x509/index.js';

/**
 * The one reading of "the role OU" used everywhere (classification, the SMKI view, every rule): the
 * subject's first organizationalUnitName whose value is a character string. A value of another
 * type (an OCTET STRING, say) is shown as hex and is never read as a role code; the role rules
 * report such an OU themselves.
 */
export function roleAttribute(subject: Name | undefined): AttributeTypeAndValue | undefined {
  if (!subject) return undefined;
  for (const rdn of subject.rdns) {
    for (const a of rdn.attributes) if (a.oid === OID.organizationalUnitName && a.stringType !== undefined) return a;
  }
  return undefined;
}
