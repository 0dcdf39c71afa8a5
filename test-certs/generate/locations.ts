import type { CertParts } from './certificate.js';
import { encodeTbs } from './certificate.js';
import { contextConstructed, seq } from './der-writer.js';
import type { RequestParts } from './request.js';
import { encodeRequestInfo, extensionRequest } from './request.js';

// Where each finding of a sample must point: the generator knows every byte it wrote, so it
// computes the offset of the field a defect changed from the parts it encoded, never by asking
// the checker. A layout is checked against the finished bytes before any offset is taken from it.

/** A run of bytes at an offset of the item's DER. */
export interface Region {
  offset: number;
  bytes: Uint8Array;
}

/** The golden form of a finding, as the manifest lists it. */
export interface ExpectedFinding {
  ruleId: string;
  path: string;
  /** Byte offset in the item's DER, where the rule gives one. */
  offset?: number;
  /** Line and column of an XML element (a DUIS request's findings). */
  line?: number;
  column?: number;
  /** The item of a file that holds several (0 first), given only for such files. */
  item?: number;
}

/** The manifest's order of findings: by item, then where they point, then rule and path. */
export function compareFindings(a: ExpectedFinding, b: ExpectedFinding): number {
  return (a.item ?? 0) - (b.item ?? 0) || (a.offset ?? -1) - (b.offset ?? -1) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId) || a.path.localeCompare(b.path);
}

/** An expected finding as a defect states it: the offset is computed from the sample's layout. */
export interface Expected {
  rule: string;
  /** The field path; a function of the offset for the DER rules, whose path is "der@<offset>". */
  path: string | ((offset: number) => string);
  at?: Locate;
}

export type Locate = (layout: Layout) => number;

/** Header length of the TLV at `at` (definite lengths, or 0x80 for an indefinite one). */
export function headerLength(der: Uint8Array, at = 0): number {
  const first = der[at + 1];
  return first <= 0x80 ? 2 : 2 + (first & 0x7f);
}

/** The TLVs one after another in `content`, as regions at `offset`. */
export function children(region: Region): Region[] {
  const out: Region[] = [];
  const content = region.bytes.subarray(headerLength(region.bytes));
  let at = 0;
  while (at < content.length) {
    const h = headerLength(content, at);
    const first = content[at + 1];
    const length = first < 0x80 ? first : content.subarray(at + 2, at + h).reduce((n, b) => n * 256 + b, 0);
    out.push({ offset: region.offset + headerLength(region.bytes) + at, bytes: content.subarray(at, at + h + length) });
    at += h + length;
  }
  return out;
}

/** Index of the one occurrence of needle in haystack; anything else is a mistake in a locator. */
export function indexOfUnique(haystack: Uint8Array, needle: Uint8Array, what: string): number {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let j = 0;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) found.push(i);
  }
  if (found.length !== 1) throw new Error(`${what}: the bytes occur ${found.length} times, not once`);
  return found[0];
}

/** The regions of one finished certificate or request, by field name and extension id. */
export class Layout {
  constructor(
    readonly der: Uint8Array,
    private readonly fields: ReadonlyMap<string, Region>,
    private readonly extensions: ReadonlyMap<string, Region>,
  ) {
    for (const [name, r] of [...fields, ...extensions]) {
      const actual = der.subarray(r.offset, r.offset + r.bytes.length);
      if (actual.length !== r.bytes.length || actual.some((b, i) => b !== r.bytes[i])) throw new Error(`layout of ${name} does not match the finished bytes`);
    }
  }

  field(name: string): Region {
    const r = this.fields.get(name);
    if (!r) throw new Error(`the sample has no field ${name}`);
    return r;
  }

  extension(id: string): Region {
    const r = this.extensions.get(id);
    if (!r) throw new Error(`the sample has no extension ${id}`);
    return r;
  }
}

/** Adds a field and, for the fields that rules look inside, its parts. */
function addField(fields: Map<string, Region>, name: string, region: Region): void {
  fields.set(name, region);
  if (name === 'validity') {
    const [notBefore, notAfter] = children(region);
    if (notBefore) fields.set('notBefore', notBefore);
    if (notAfter) fields.set('notAfter', notAfter);
  }
  if (name === 'spki') {
    const [algorithm, key] = children(region);
    fields.set('spkiAlgorithm', algorithm);
    if (key) fields.set('publicKey', key);
  }
}

/** Places the fields one after another from `at`; returns where the last one ends. */
function place(fields: Map<string, Region>, at: number, list: [string, Uint8Array | null][]): number {
  for (const [name, bytes] of list) {
    if (!bytes || bytes.length === 0) continue;
    addField(fields, name, { offset: at, bytes });
    at += bytes.length;
  }
  return at;
}

/** The outer SEQUENCE's signatureAlgorithm and signature after its first element. */
function placeSignature(fields: Map<string, Region>, der: Uint8Array, at: number, signatureAlgorithm: Uint8Array): void {
  addField(fields, 'signatureAlgorithm', { offset: at, bytes: signatureAlgorithm });
  const bitString = at + signatureAlgorithm.length;
  const h = headerLength(der, bitString);
  const length = der[bitString + 1] < 0x80 ? der[bitString + 1] : der.subarray(bitString + 2, bitString + h).reduce((n, b) => n * 256 + b, 0);
  // The value after the unused-bits octet: what the ECDSA-Sig-Value rules read.
  fields.set('signatureValue', { offset: bitString + h + 1, bytes: der.subarray(bitString + h + 1, bitString + h + length) });
}

export function certificateLayout(parts: CertParts, der: Uint8Array): Layout {
  const fields = new Map<string, Region>();
  const extensions = new Map<string, Region>();
  const tbs = encodeTbs(parts);
  const tbsAt = headerLength(der);
  fields.set('tbs', { offset: tbsAt, bytes: tbs });
  const list: [string, Uint8Array | null][] = [
    ['version', parts.version],
    ['serial', parts.serial],
    ['signature', parts.signature],
    ['issuer', parts.issuer],
    ['validity', parts.validity],
    ['subject', parts.subject],
    ['spki', parts.spki],
    ...parts.uniqueIds.map((u, i): [string, Uint8Array] => [`uniqueId${i}`, u]),
  ];
  let at = place(fields, tbsAt + headerLength(tbs), list);
  if (parts.extensions !== null) {
    const inner = seq(...parts.extensions.map((e) => e.der));
    const outer = contextConstructed(3, inner);
    fields.set('extensions', { offset: at, bytes: outer });
    let e = at + headerLength(outer) + headerLength(inner);
    for (const ext of parts.extensions) {
      extensions.set(ext.id, { offset: e, bytes: ext.der });
      e += ext.der.length;
    }
  }
  placeSignature(fields, der, tbsAt + tbs.length, parts.signatureAlgorithm);
  return new Layout(der, fields, extensions);
}

export function requestLayout(parts: RequestParts, der: Uint8Array): Layout {
  const fields = new Map<string, Region>();
  const extensions = new Map<string, Region>();
  const info = encodeRequestInfo(parts);
  const infoAt = headerLength(der);
  fields.set('info', { offset: infoAt, bytes: info });
  const attributes = children({ offset: infoAt, bytes: info })[3];
  place(fields, infoAt + headerLength(info), [
    ['version', parts.version],
    ['subject', parts.subject],
    ['spki', parts.spki],
    ['attributes', attributes?.bytes ?? null],
  ]);
  if (parts.extensions && !parts.attributesRaw) {
    // [0] { SEQUENCE { extensionRequest OID, SET { SEQUENCE { extensions } } } ... }
    const attribute = { offset: attributes.offset + headerLength(attributes.bytes), bytes: extensionRequest(parts.extensions) };
    fields.set('extensionRequest', attribute);
    const list = children(children(attribute)[1])[0];
    let e = list.offset + headerLength(list.bytes);
    for (const ext of parts.extensions) {
      extensions.set(ext.id, { offset: e, bytes: ext.der });
      e += ext.der.length;
    }
  }
  placeSignature(fields, der, infoAt + info.length, parts.signatureAlgorithm);
  return new Layout(der, fields, extensions);
}

/** A layout for finished bytes whose parts are unknown: only the whole item and its start. */
export function bytesLayout(der: Uint8Array): Layout {
  return new Layout(der, new Map([['item', { offset: 0, bytes: der }]]), new Map());
}

// Locators: the offset a finding gives, in the terms of the parts a defect changed.
export const at = {
  /** Where a field's TLV starts (a time, a name, an AlgorithmIdentifier, the serial...). */
  field: (name: string): Locate => (l) => l.field(name).offset,
  /** Where the one occurrence of `needle` inside a field starts (an attribute value, a bad byte). */
  inField: (name: string, needle: Uint8Array): Locate => (l) => {
    const r = l.field(name);
    return r.offset + indexOfUnique(r.bytes, needle, `${name} locator`);
  },
  /** Where the value of the one attribute (AttributeTypeAndValue) `attribute` in a name field starts. */
  attributeValue: (name: string, attribute: Uint8Array): Locate => (l) => {
    const r = l.field(name);
    const [type] = children({ offset: r.offset + indexOfUnique(r.bytes, attribute, `${name} attribute locator`), bytes: attribute });
    return type.offset + type.bytes.length;
  },
  /** Where the n-th element (from 0) inside a field starts. */
  child: (name: string, n: number): Locate => (l) => children(l.field(name))[n].offset,
  /** Where a field's content starts (after its tag and length). */
  content: (name: string): Locate => (l) => l.field(name).offset + headerLength(l.field(name).bytes),
  /** The first byte after a field: where bytes that follow it start. */
  after: (name: string): Locate => (l) => l.field(name).offset + l.field(name).bytes.length,
  /** Where an extension's SEQUENCE starts. */
  extension: (id: string): Locate => (l) => l.extension(id).offset,
  /** Where an extension's value (the extnValue OCTET STRING's content) starts. */
  extensionValue: (id: string): Locate => (l) => {
    const r = l.extension(id);
    const value = children(r)[children(r).length - 1];
    return value.offset + headerLength(value.bytes);
  },
  /** Where the n-th element (from 0) of an extension's value, a SEQUENCE OF, starts: a policy, a GeneralName. */
  extensionItem: (id: string, n: number): Locate => (l) => {
    const r = l.extension(id);
    const value = children(r)[children(r).length - 1];
    const list = { offset: value.offset + headerLength(value.bytes), bytes: value.bytes.subarray(headerLength(value.bytes)) };
    return children(list)[n].offset;
  },
  /** Where a request's n-th attribute (from 0) starts. */
  attribute: (n: number): Locate => (l) => children(l.field('attributes'))[n].offset,
  /** Where the one occurrence of `needle` inside an extension starts. */
  inExtension: (id: string, needle: Uint8Array): Locate => (l) => {
    const r = l.extension(id);
    return r.offset + indexOfUnique(r.bytes, needle, `extension ${id} locator`);
  },
  /** Where the element `depth` levels inside an extension's value starts, by first children (deep nesting). */
  nestedInExtension: (id: string, depth: number): Locate => (l) => {
    const r = l.extension(id);
    const value = children(r)[children(r).length - 1];
    let node: Region = { offset: value.offset + headerLength(value.bytes), bytes: value.bytes.subarray(headerLength(value.bytes)) };
    for (let i = 0; i < depth; i++) node = children(node)[0];
    return node.offset;
  },
  /** `locate`'s offset moved by `delta` octets: a byte inside an element another locator finds. */
  plus: (locate: Locate, delta: number): Locate => (l) => locate(l) + delta,
  /** An offset within the item found from its finished bytes alone (for defects built as bytes). */
  inItem: (needle: Uint8Array): Locate => (l) => indexOfUnique(l.der, needle, 'item locator'),
  start: (): Locate => () => 0,
};

/** The golden findings of a sample: each expectation with its path and offset resolved, in a stable order. */
export function resolveExpected(expected: readonly Expected[], layout: Layout | undefined): ExpectedFinding[] {
  const out = expected.map((e) => {
    if (e.at && !layout) throw new Error(`${e.rule}: a located expectation needs the sample's layout`);
    const offset = e.at ? e.at(layout!) : undefined;
    const path = typeof e.path === 'function' ? e.path(offset!) : e.path;
    return offset === undefined ? { ruleId: e.rule, path } : { ruleId: e.rule, path, offset };
  });
  return out.sort(compareFindings);
}

/** The rule ids of a sample's expectations, once each, in the order first stated. */
export function ruleIds(expected: readonly Expected[]): string[] {
  return [...new Set(expected.map((e) => e.rule))];
}
