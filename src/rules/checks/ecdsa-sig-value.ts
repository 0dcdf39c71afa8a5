import { Tag, parseDer } from '../../der/index.js';

/**
 * Why a signature value is not a DER ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
 * (RFC 5480 2.2 via RFC 5758 3.2) with r and s positive, or undefined when it is one. Checked on
 * the bytes alone, without any key: a certificate's or a request's signature alike.
 */
export function ecdsaSigValueProblem(sig: Uint8Array): string | undefined {
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
