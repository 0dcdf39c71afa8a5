import { bitString, concat, contextConstructed, integer, oid, seq, setOf } from './der-writer.js';
import type { Ext } from './extensions.js';
import type { KeyPair } from './keys.js';
import { OIDS } from './oids.js';

/**
 * A PKCS#10 request as its encoded fields, like CertParts: a defect replaces one field's bytes and
 * the certificationRequestInfo is signed afterwards, so the self-signature stays correct.
 */
export interface RequestParts {
  version: Uint8Array;
  subject: Uint8Array;
  spki: Uint8Array;
  /** The requested extensions, placed in one extensionRequest attribute; null for no extensionRequest. */
  extensions: Ext[] | null;
  /** Attributes after the extensionRequest (a challengePassword, a second extensionRequest...). */
  extraAttributes: Uint8Array[];
  /** Replaces the whole [0] attributes field (or drops it when an empty array is given). */
  attributesRaw?: Uint8Array;
  signatureAlgorithm: Uint8Array;
  /** The key that signs: the requester's own, unless a defect says otherwise. */
  signer: KeyPair;
  /** Defects outside the signed bytes, applied to the finished request. */
  afterSigning?: (der: Uint8Array) => Uint8Array;
  /** Signs the info; defaults to the signer's ecdsa-with-SHA256. */
  sign?: (info: Uint8Array) => Uint8Array;
}

/** Attribute ::= SEQUENCE { type, values SET OF ANY }. */
export const requestAttribute = (type: string, ...values: Uint8Array[]) => seq(oid(type), setOf(...values));

export const extensionRequest = (extensions: Ext[]) => requestAttribute(OIDS.extensionRequest, seq(...extensions.map((e) => e.der)));

export function encodeRequestInfo(parts: RequestParts): Uint8Array {
  const attributes = parts.attributesRaw ?? contextConstructed(0, concat(...[...(parts.extensions ? [extensionRequest(parts.extensions)] : []), ...parts.extraAttributes]));
  return seq(parts.version, parts.subject, parts.spki, attributes);
}

export function buildRequest(parts: RequestParts): Uint8Array {
  const info = encodeRequestInfo(parts);
  const signature = (parts.sign ?? parts.signer.sign)(info);
  const der = seq(info, parts.signatureAlgorithm, bitString(signature));
  return parts.afterSigning ? parts.afterSigning(der) : der;
}

export const V1 = integer(0n);

