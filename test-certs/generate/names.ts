import { bitString, oid, printableString, seq, setOf, utf8String } from './der-writer.js';
import { OIDS } from './oids.js';

// Names are built from encoded pieces so a defect can swap one attribute's type or value.

export const attribute = (type: string, value: Uint8Array) => seq(oid(type), value);

/** A relative distinguished name; several attributes make it multi-valued (sorted, as DER needs). */
export const rdn = (...attributes: Uint8Array[]) => setOf(...attributes);

export const name = (...rdns: Uint8Array[]) => seq(...rdns);

export const ou = (value: Uint8Array) => attribute(OIDS.organizationalUnitName, value);
export const cn = (value: Uint8Array) => attribute(OIDS.commonName, value);
export const euiAttribute = (eui: Uint8Array) => attribute(OIDS.x500UniqueIdentifier, bitString(eui));

/** CA names as the reference Root and Issuing OCA write them: OU then CN, PrintableString. */
export function caName(role: string | null, commonName: string): Uint8Array {
  const rdns = role === null ? [] : [rdn(ou(printableString(role)))];
  return name(...rdns, rdn(cn(printableString(commonName))));
}

/** Organisation subject as the reference supplier certificates: [CN], OU, x500UniqueIdentifier. */
export function organisationName(opts: { commonName?: string; role: string; eui: Uint8Array }): Uint8Array {
  const rdns: Uint8Array[] = [];
  if (opts.commonName !== undefined) rdns.push(rdn(cn(utf8String(opts.commonName))));
  rdns.push(rdn(ou(utf8String(opts.role))), rdn(euiAttribute(opts.eui)));
  return name(...rdns);
}
