import {
  boolean,
  concat,
  contextConstructed,
  contextPrimitive,
  integer,
  oid,
  octetString,
  seq,
  tlv,
} from './der-writer.js';
import { OIDS } from './oids.js';

/** An encoded Extension with a short id, so defects can find, replace or drop it. */
export interface Ext {
  id: string;
  der: Uint8Array;
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
export function extension(id: string, type: string, value: Uint8Array, critical = false): Ext {
  return { id, der: critical ? seq(oid(type), boolean(true), octetString(value)) : seq(oid(type), octetString(value)) };
}

// The RFC 5280 bit order, written out again rather than taken from the decoder (see oids.ts).
const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_BITS)[number];

/** A named-bit BIT STRING in DER: trailing zero bits dropped, unused bits counted. */
export function keyUsageValue(names: KeyUsageName[]): Uint8Array {
  const positions = names.map((n) => KEY_USAGE_BITS.indexOf(n));
  const bitCount = Math.max(...positions) + 1;
  const content = new Uint8Array(Math.ceil(bitCount / 8));
  for (const p of positions) content[p >> 3] |= 0x80 >> (p & 7);
  return tlv(0x03, Uint8Array.of(content.length * 8 - bitCount, ...content));
}

export const keyUsage = (names: KeyUsageName[], critical = true) =>
  extension('ku', OIDS.keyUsage, keyUsageValue(names), critical);

export const subjectKeyIdentifier = (keyId: Uint8Array) =>
  extension('ski', OIDS.subjectKeyIdentifier, octetString(keyId));

export const authorityKeyIdentifier = (keyId: Uint8Array) =>
  extension('aki', OIDS.authorityKeyIdentifier, seq(contextPrimitive(0, keyId)));

export const policiesValue = (...policies: string[]) => seq(...policies.map((p) => seq(oid(p))));

export const certificatePolicies = (policies: string[], critical = true) =>
  extension('cp', OIDS.certificatePolicies, policiesValue(...policies), critical);

/** basicConstraints as the reference Issuing OCA: cA TRUE, and pathLen when given. */
export function caBasicConstraints(pathLen: number | null, critical = true): Ext {
  const parts = [boolean(true)];
  if (pathLen !== null) parts.push(integer(BigInt(pathLen)));
  return extension('bc', OIDS.basicConstraints, seq(...parts), critical);
}

/** otherName hardwareModuleName (RFC 4108): [0] { OID, [0] EXPLICIT SEQUENCE { hwType, hwSerialNum } }. */
export function hardwareModuleName(hwSerialNum: Uint8Array, hwType: string = OIDS.smkiHwType): Uint8Array {
  return contextConstructed(0, concat(oid(OIDS.hardwareModuleName), contextConstructed(0, seq(oid(hwType), octetString(hwSerialNum)))));
}

export const subjectAltName = (generalNames: Uint8Array[], critical = true) =>
  extension('san', OIDS.subjectAltName, seq(...generalNames), critical);

export const extKeyUsage = (...purposes: string[]) => extension('eku', OIDS.extKeyUsage, seq(...purposes.map((p) => oid(p))));
