import { Checker } from '../check/checker.js';
import { compareRequests } from '../check/compare.js';
import { applyConfig } from '../check/config.js';
import type { CheckConfig } from '../check/config.js';
import { documentEntries, entriesOf as detectedEntries, isCertificateEntry, possibleIssuers, resultCount } from '../check/entries.js';
import type { Entry } from '../check/entries.js';
import { OptionsError } from '../check/options.js';
import type { CheckOptions } from '../check/options.js';
import { createNodeCrypto } from '../crypto/node.js';
import { streamParts } from '../input/node.js';
import { badRequest, HttpError } from './http-error.js';
import type { ServiceLimits } from './limits.js';
import type { EndpointShape, NamedBytes, Payload } from './payload.js';
import { FORMAT_TYPES, renderReport } from './report.js';

export const CHECK_SHAPE: EndpointShape = {
  lists: [
    { key: 'documents', field: 'document' },
    { key: 'issuers', field: 'issuer' },
    { key: 'signer', field: 'signer', single: true },
  ],
  raw: 'documents',
  options: ['at', 'environment', 'only', 'ignore', 'kind', 'requireIssuer', 'format'],
};

export const COMPARE_SHAPE: EndpointShape = {
  lists: [
    { key: 'requests', field: 'request' },
    { key: 'certificates', field: 'certificate' },
    { key: 'issuers', field: 'issuer' },
  ],
  options: ['at', 'environment', 'only', 'ignore', 'requireIssuer', 'format'],
};

export interface Report {
  body: string;
  type: string;
}

/** `smki-lint check` on the documents of one request: the same results, in the same report. */
export async function checkPayload(payload: Payload, config: CheckConfig | undefined, limits: ItemLimits): Promise<Report> {
  const { documents, issuers, signer } = payload.lists;
  if (documents.length === 0) throw badRequest("no document was sent: send a certificate, CSR or DUIS request as the body, or in 'documents' (JSON) or 'document' parts (multipart)");
  const o = payload.options;
  const checker = newChecker({ at: o.at, environment: o.environment, only: o.only, ignore: o.ignore, kind: o.kind, signer: signer[0]?.bytes }, config);
  const entries = await entriesOf(documents, limits.maxItemSize);
  const named = await namedIssuers(issuers, limits.maxItemSize);
  limitItems(resultCount(entries) + named.length, limits.maxItems);
  // As the CLI: issuers named explicitly count whatever they are, then the CA certificates among the documents.
  for (const der of named) checker.addIssuer(der, true);
  for (const der of possibleIssuers(entries)) checker.addIssuer(der);
  // As the CLI, a run with no issuer at all gives SARIF's chain.not-checked once.
  return report(o.format, checker, checker.checkEntries(entries, o.requireIssuer === true), checker.issuers.size === 0);
}

/** `smki-lint compare` on the requests and certificates of one request. */
export async function comparePayload(payload: Payload, config: CheckConfig | undefined, limits: ItemLimits): Promise<Report> {
  const { requests, certificates, issuers } = payload.lists;
  if (requests.length === 0 || certificates.length === 0) throw badRequest("compare needs requests and certificates: send 'requests' and 'certificates' (JSON) or 'request' and 'certificate' parts (multipart)");
  const o = payload.options;
  const checker = newChecker({ at: o.at, environment: o.environment, only: o.only, ignore: o.ignore }, config);
  const requestEntries = await entriesOf(requests, limits.maxItemSize);
  const certificateEntries = await entriesOf(certificates, limits.maxItemSize);
  const named = await namedIssuers(issuers, limits.maxItemSize);
  limitItems(resultCount(requestEntries) + resultCount(certificateEntries) + named.length, limits.maxItems);
  for (const der of named) checker.addIssuer(der, true);
  return report(o.format, checker, compareRequests(checker, { requests: requestEntries, certificates: certificateEntries, requireIssuer: o.requireIssuer === true }));
}

function newChecker(options: Omit<CheckOptions, 'crypto'>, config: CheckConfig | undefined): Checker {
  try {
    return new Checker(applyConfig({ ...options, crypto: createNodeCrypto() }, config));
  } catch (error) {
    if (error instanceof OptionsError) throw badRequest(error.message);
    throw error;
  }
}

export type ItemLimits = Pick<ServiceLimits, 'maxItems' | 'maxItemSize'>;

/** The entries of each document, read as the CLI reads standard input: an item over maxItemSize is a finding, not read. */
async function entriesOf(documents: readonly NamedBytes[], maxItemSize: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const d of documents) {
    for await (const part of streamParts(once(d.bytes), maxItemSize)) for (const e of detectedEntries(part.detected, d.name)) entries.push(e);
  }
  return entries;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function namedIssuers(issuers: readonly NamedBytes[], maxItemSize: number): Promise<Uint8Array[]> {
  return documentEntries(await entriesOf(issuers, maxItemSize))
    .filter(isCertificateEntry)
    .map((e) => e.der);
}

function limitItems(count: number, maxItems: number): void {
  if (count > maxItems) throw new HttpError(413, 'too-many-items', `the request holds ${count} items (certificates, CSRs, DUIS requests and their certificates, issuers); this service checks at most ${maxItems} per request (--max-items): split the batch`);
}

function report(format: Payload['options']['format'], checker: Checker, results: Parameters<typeof renderReport>[1], noIssuers = false): Report {
  const name = format ?? 'json';
  return { body: renderReport(name, results, checker.options.evaluationTime, checker.options.environment.name, noIssuers), type: FORMAT_TYPES[name] };
}
