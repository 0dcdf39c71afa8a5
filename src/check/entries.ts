import { mayBeCaCertificate } from '../chain/prefilter.js';
import { detectItems } from '../input/index.js';
import type { DetectedInput, InputItem, InputProblemKind } from '../input/index.js';
import { classify, isCaKind } from '../smki/index.js';
import { decodeCertificate } from '../x509/index.js';
import type { SourceRef } from './result.js';

/** One input item in order: bytes to check, or what made it unreadable. Plain data (worker-safe). */
export interface Entry {
  source: SourceRef;
  der?: Uint8Array;
  /** PEM label, when the item came from a PEM block. */
  label?: string;
  problem?: { kind: InputProblemKind; message: string };
}

/** Every item and every problem of one source, in file order. */
export function detectEntries(bytes: Uint8Array, path: string): Entry[] {
  return entriesOf(detectItems(bytes), path);
}

/** The entries of what was detected in (a part of) the source at path, in source order. */
export function entriesOf(detected: DetectedInput, path: string): Entry[] {
  const out: Entry[] = [];
  for (const p of detected.problems) {
    const where = p.line !== undefined ? ` (line ${p.line})` : '';
    out.push({ source: p.line !== undefined ? { path, index: p.index, line: p.line } : { path, index: p.index }, problem: { kind: p.kind, message: `${path}${where}: ${p.message}` } });
  }
  for (const item of detected.items) {
    const e: Entry = { source: item.line !== undefined ? { path, index: item.index, line: item.line } : { path, index: item.index }, der: item.der };
    if (item.label !== undefined) e.label = item.label;
    out.push(e);
  }
  return out.sort((a, b) => a.source.index - b.source.index);
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);

/** Whether an entry holds bytes to read as a certificate (not a problem, not another PEM label). */
export function isCertificateEntry(e: Entry): e is Entry & { der: Uint8Array } {
  return e.der !== undefined && (e.label === undefined || CERTIFICATE_LABELS.has(e.label));
}

/** Whether an item can serve as an issuer: a certificate classified as a CA (a cheap byte scan first). */
export function isIssuerItem(item: InputItem): boolean {
  const certificate = item.label === undefined || CERTIFICATE_LABELS.has(item.label);
  return certificate && mayBeCaCertificate(item.der) && isCaKind(classify(decodeCertificate(item.der)).kind);
}
