import { mayBeCaCertificate } from '../chain/prefilter.js';
import { detectItems } from '../input/index.js';
import type { DetectedInput, InputItem, InputProblemKind } from '../input/index.js';
import { classify, isCaKind } from '../smki/index.js';
import { decodeCertificate } from '../x509/index.js';
import type { DocumentKind } from '../x509/index.js';
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

const LABELS: ReadonlyMap<string, DocumentKind> = new Map([
  ['CERTIFICATE', 'certificate'],
  ['X509 CERTIFICATE', 'certificate'],
  ['CERTIFICATE REQUEST', 'csr'],
  ['NEW CERTIFICATE REQUEST', 'csr'],
]);

/** The document a PEM label announces; undefined without a label, null for a label of something else (a key, a CRL). */
export function labelledDocument(e: Entry): DocumentKind | undefined | null {
  return e.label === undefined ? undefined : (LABELS.get(e.label) ?? null);
}

/** Whether an entry holds bytes to read as a certificate or request (not a problem, not another PEM label). */
export function isDocumentEntry(e: Entry): e is Entry & { der: Uint8Array } {
  return e.der !== undefined && labelledDocument(e) !== null;
}

/** Whether an entry may hold a certificate: unlabelled, or labelled as one. */
export function isCertificateEntry(e: Entry): e is Entry & { der: Uint8Array } {
  return e.der !== undefined && (e.label === undefined || LABELS.get(e.label) === 'certificate');
}

/** Certificates of a run that may serve as issuers (cheap byte prefilter; the checker classifies them). */
export function possibleIssuers(entries: readonly Entry[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const e of entries) if (isCertificateEntry(e) && mayBeCaCertificate(e.der)) out.push(e.der);
  return out;
}

/** Whether an item can serve as an issuer: a certificate classified as a CA (a cheap byte scan first). */
export function isIssuerItem(item: InputItem): boolean {
  const certificate = item.label === undefined || LABELS.get(item.label) === 'certificate';
  return certificate && mayBeCaCertificate(item.der) && isCaKind(classify(decodeCertificate(item.der)).kind);
}
