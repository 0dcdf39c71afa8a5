import { bitString, contextConstructed, seq } from './der-writer.js';
import type { Ext } from './extensions.js';
import type { KeyPair } from './keys.js';
import { keyIdMethod2 } from './keys.js';

/**
 * A certificate as its encoded TBS fields. Profiles fill every field; a defect replaces one
 * field's bytes, and the TBS is signed afterwards so the signature stays correct.
 */
export interface CertParts {
  /** [0] EXPLICIT version, or null to omit it (v1). */
  version: Uint8Array | null;
  serial: Uint8Array;
  signature: Uint8Array;
  issuer: Uint8Array;
  validity: Uint8Array;
  subject: Uint8Array;
  spki: Uint8Array;
  /** issuerUniqueID / subjectUniqueID elements, normally none. */
  uniqueIds: Uint8Array[];
  /** null omits the [3] extensions field. */
  extensions: Ext[] | null;
  signatureAlgorithm: Uint8Array;
  /** The key whose public half is in spki. */
  subjectKey: KeyPair;
  /** The key that signs the TBS. */
  signer: KeyPair;
  /** Defects outside the signed bytes, applied to the finished certificate. */
  afterSigning?: (der: Uint8Array) => Uint8Array;
}

/** A finished certificate, usable as the issuer of others. */
export interface Built {
  der: Uint8Array;
  subject: Uint8Array;
  key: KeyPair;
  keyId: Uint8Array;
  serial: Uint8Array;
}

export function encodeTbs(parts: CertParts): Uint8Array {
  const fields = [
    ...(parts.version ? [parts.version] : []),
    parts.serial,
    parts.signature,
    parts.issuer,
    parts.validity,
    parts.subject,
    parts.spki,
    ...parts.uniqueIds,
  ];
  if (parts.extensions !== null) fields.push(contextConstructed(3, seq(...parts.extensions.map((e) => e.der))));
  return seq(...fields);
}

export function buildCertificate(parts: CertParts): Built {
  const tbs = encodeTbs(parts);
  const signed = seq(tbs, parts.signatureAlgorithm, bitString(parts.signer.sign(tbs)));
  return {
    der: parts.afterSigning ? parts.afterSigning(signed) : signed,
    subject: parts.subject,
    key: parts.subjectKey,
    keyId: keyIdMethod2(parts.subjectKey),
    serial: parts.serial,
  };
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Certificate or request parts: both hold a list of (requested) extensions. */
type WithExtensions = { extensions: Ext[] | null };

/** Replaces the extension with this id (in place, keeping the order). */
export function replaceExtension<T extends WithExtensions>(parts: T, id: string, ext: Ext): T {
  const list = parts.extensions ?? [];
  const at = list.findIndex((e) => e.id === id);
  if (at < 0) throw new Error(`no extension ${id}`);
  list[at] = ext;
  return parts;
}

export function removeExtension<T extends WithExtensions>(parts: T, id: string): T {
  parts.extensions = (parts.extensions ?? []).filter((e) => e.id !== id);
  return parts;
}

/** Inserts after the extension with this id, or at the end when `after` is null. */
export function addExtension<T extends WithExtensions>(parts: T, ext: Ext, after: string | null = null): T {
  const list = parts.extensions ?? [];
  const at = after === null ? list.length : list.findIndex((e) => e.id === after) + 1;
  list.splice(at, 0, ext);
  parts.extensions = list;
  return parts;
}
