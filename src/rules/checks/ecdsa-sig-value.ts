import { Tag, parseDer } from '../../der/index.js';

/**
 * Why a signature value is not a DER ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
 * (RFC 5480 2.2 via RFC 5758 3.2) with r and s positive, or undefined when it is one. Checked on
 * the bytes alone, without any key: a certificate's or a request's signature alike.
 */
export function ecdsaSigValueProblem(sig: Uint8Array): string | undefined {
  if (isShortDerPair(sig)) return undefined;
  if (sig.length === 0) return 'it is empty';
  const parsed = parseDer(sig);
  const root = parsed.root;
  if (root === null || !root.is(Tag.Sequence) || root.children === null) return `it does not start with a SEQUENCE (first octet 0x${sig[0].toString(16).padStart(2, '0')})`;
  const first = parsed.violations[0];
  if (first) return `its encoding is not DER: ${first.message} (offset ${first.offset} within the signature value)`;
  const k = root.children;
  if (k.length !== 2 || !k[0].is(Tag.Integer) || !k[1].is(Tag.Integer)) return `the SEQUENCE holds ${k.length} element${k.length === 1 ? '' : 's'}, not two INTEGERs r and s`;
  for (const [name, node] of [['r', k[0]], ['s', k[1]]] as const) {
    const lead = sig[node.valueOffset];
    const zero = node.length === 1 && lead === 0;
    if (node.length === 0 || zero || (lead & 0x80) !== 0) return `${name} is ${zero ? 'zero' : 'negative'}; ECDSA's r and s are in [1, n-1]`;
  }
  return undefined;
}

/**
 * The usual case, read without building a tree: 30 LL 02 ll r 02 ll s with short lengths that add
 * up, and r, s positive and minimally encoded. Anything else goes through the DER reader, which
 * says what is wrong.
 */
function isShortDerPair(sig: Uint8Array): boolean {
  if (sig.length < 8 || sig[0] !== 0x30 || sig[1] !== sig.length - 2) return false;
  let at = 2;
  for (let k = 0; k < 2; k++) {
    const length = sig[at + 1];
    if (sig[at] !== 0x02 || length === 0 || length >= 0x80 || at + 2 + length > sig.length) return false;
    const first = sig[at + 2];
    if (first & 0x80) return false;
    if (first === 0 && (length === 1 || (sig[at + 3] & 0x80) === 0)) return false;
    at += 2 + length;
  }
  return at === sig.length;
}

/**
 * The DER form of a signature value that is an ECDSA-Sig-Value in all but its encoding (long-form
 * lengths, redundant leading octets on r or s, bytes after it), or undefined when it holds no two
 * positive INTEGERs. With it, a non-DER signature can be tried under the issuer's key: whether it
 * was made by that key is then known, though strict verifiers reject the encoding.
 */
export function reencodeEcdsaSigValue(sig: Uint8Array): Uint8Array | undefined {
  const root = parseDer(sig, 0, sig.length, { reportTrailing: false }).root;
  const k = root?.is(Tag.Sequence) ? root.children : null;
  if (!k || k.length !== 2 || !k[0].is(Tag.Integer) || !k[1].is(Tag.Integer)) return undefined;
  const r = minimalPositive(sig.subarray(k[0].valueOffset, k[0].end));
  const s = minimalPositive(sig.subarray(k[1].valueOffset, k[1].end));
  if (!r || !s || r.length > 126 || s.length > 126) return undefined;
  return Uint8Array.of(0x30, r.length + s.length + 4, 0x02, r.length, ...r, 0x02, s.length, ...s);
}

/** A positive INTEGER's content with redundant leading zero octets dropped; undefined for zero or a negative value. */
function minimalPositive(content: Uint8Array): Uint8Array | undefined {
  if (content.length === 0 || content[0] & 0x80) return undefined;
  let start = 0;
  while (start < content.length - 1 && content[start] === 0 && (content[start + 1] & 0x80) === 0) start++;
  if (start === content.length - 1 && content[start] === 0) return undefined;
  return content.subarray(start);
}
