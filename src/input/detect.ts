// Finds the DER items in a source's bytes: PEM blocks (bundles, any surrounding text), raw DER,
// bare base64 or hex. Browser-safe: bytes in, items and problems out, never throws.
import { asBytes } from '../der/bytes.js';
import type { BytesLike } from '../der/bytes.js';
import { scanBare } from './bare.js';
import { describeNoCertificate } from './describe.js';
import { detectDuisRequest } from './duis.js';
import { scanPem } from './pem.js';
import { isText } from './text.js';
import type { DetectedInput } from './types.js';
import { narrowUtf16 } from './utf16.js';

export type { DetectedInput, DetectedRequest, InputItem, InputProblem, InputProblemKind, ItemEncoding } from './types.js';

/** How many results what was detected gives: one per item and problem; a DUIS request one, and one per certificate. */
export function detectedCount(detected: DetectedInput): number {
  const request = detected.request ? 1 + detected.request.contents.length : 0;
  return detected.items.length + detected.problems.length + request;
}

/**
 * Every item in `bytes`, with one shared index sequence for items and problems in source order.
 * When nothing is found, exactly one 'no-certificate' problem says what the bytes held.
 */
export function detectItems(input: BytesLike): DetectedInput {
  const bytes = asBytes(input, 'detectItems: bytes');
  // A DER SEQUENCE that is not text; text starting with '0' (e.g. '0x3082...') is read below.
  if (bytes.length > 0 && bytes[0] === 0x30 && !isText(bytes)) {
    return { items: [{ index: 0, der: bytes, encoding: 'der' }], problems: [] };
  }
  const narrowed = narrowUtf16(bytes);
  if (narrowed) return detectInText(narrowed, 0);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return detectInText(bytes, bom);
}

function detectInText(bytes: Uint8Array, start: number): DetectedInput {
  const duis = detectDuisRequest(bytes, start);
  if (duis) return duis;
  // PEM first: text around armour is never read as bare base64.
  const pem = scanPem(bytes, start);
  if (pem) return pem;
  const bare = scanBare(bytes, start);
  if (bare.result) return bare.result;
  const message = describeNoCertificate(bytes, start, bare.hint);
  return { items: [], problems: [{ index: 0, message, kind: 'no-certificate' }] };
}
