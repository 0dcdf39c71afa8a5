import { mayBeCaCertificate } from '../chain/prefilter.js';
import type { DuisRequest } from '../duis/request.js';
import { detectItems } from '../input/index.js';
import type { DetectedInput, DetectedRequest, InputProblemKind } from '../input/index.js';
import { classify, isCaKind } from '../smki/index.js';
import { decodeCertificate } from '../x509/index.js';
import type { DerDocumentKind } from '../x509/index.js';
import type { SourceRef } from './result.js';

/** One input item in order: bytes to check, or what made it unreadable. Plain data (worker-safe). */
export interface Entry {
  source: SourceRef;
  der?: Uint8Array;
  /** PEM label, when the item came from a PEM block. */
  label?: string;
  problem?: { kind: InputProblemKind; message: string };
  /**
   * A DUIS service request: a container. Its certificate elements are entries of their own (items
   * 1.. of the source, the request itself being item 0), checked as any certificate and then
   * together by the request's rules.
   */
  duis?: { request: DuisRequest; certificates: Entry[] };
}

/** Every item and every problem of one source, in file order. */
export function detectEntries(bytes: Uint8Array, path: string): Entry[] {
  return entriesOf(detectItems(bytes), path);
}

/** The entries of what was detected in (a part of) the source at path, in source order. */
export function entriesOf(detected: DetectedInput, path: string): Entry[] {
  if (detected.request) return [requestEntry(detected.request, path)];
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

function requestEntry({ request, contents }: DetectedRequest, path: string): Entry {
  const certificates = request.certificates.map((place, i): Entry => {
    const source: SourceRef = { path, index: i + 1, line: place.at.line, element: place.at.element };
    const content = contents[i];
    if ('der' in content) return { source, der: content.der };
    return { source, problem: { kind: 'invalid-encoding', message: `${path} (line ${place.at.line}): ${place.at.element}: ${content.error}` } };
  });
  return { source: { path, index: 0, line: request.at.line }, duis: { request, certificates } };
}

/** The entries themselves, with each DUIS request replaced by its certificate entries. */
export function documentEntries(entries: readonly Entry[]): Entry[] {
  return entries.flatMap((e) => e.duis?.certificates ?? [e]);
}

/** The entries in the order of their results: each DUIS request followed by its certificate entries. */
export function resultEntries(entries: readonly Entry[]): Entry[] {
  return entries.flatMap((e) => (e.duis ? [e, ...e.duis.certificates] : [e]));
}

/** How many results checking these entries gives: one each, and one more per certificate of a DUIS request. */
export function resultCount(entries: readonly Entry[]): number {
  let n = 0;
  for (const e of entries) n += 1 + (e.duis?.certificates.length ?? 0);
  return n;
}

const LABELS: ReadonlyMap<string, DerDocumentKind> = new Map([
  ['CERTIFICATE', 'certificate'],
  ['X509 CERTIFICATE', 'certificate'],
  ['CERTIFICATE REQUEST', 'csr'],
  ['NEW CERTIFICATE REQUEST', 'csr'],
]);

/** The document a PEM label announces; undefined without a label, null for a label of something else (a key, a CRL). */
export function labelledDocument(e: Entry): DerDocumentKind | undefined | null {
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
  for (const e of documentEntries(entries)) if (isCertificateEntry(e) && mayBeCaCertificate(e.der)) out.push(e.der);
  return out;
}

/**
 * The certificates among what was detected that can serve as issuers, in source order (a DUIS
 * request's certificate elements included): certificates classified as CAs, a cheap byte scan first.
 */
export function detectedIssuers(detected: DetectedInput): Uint8Array[] {
  const out: Uint8Array[] = [];
  const consider = (der: Uint8Array, label?: string) => {
    const certificate = label === undefined || LABELS.get(label) === 'certificate';
    if (certificate && mayBeCaCertificate(der) && isCaKind(classify(decodeCertificate(der)).kind)) out.push(der);
  };
  for (const item of detected.items) consider(item.der, item.label);
  for (const content of detected.request?.contents ?? []) if ('der' in content) consider(content.der);
  return out;
}
