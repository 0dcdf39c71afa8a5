// A parsed XML document as the DUIS reader needs it: elements with their namespace resolved
// (Namespaces in XML 1.0) and the line and column where each starts.
import { parseRawXml } from './xml-parser.js';
import type { RawXmlElement } from './xml-parser.js';

export interface XmlNode {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** The qualified name as written. */
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
  text: string;
  /** 1-based line and column of the start tag. */
  line: number;
  column: number;
}

export type XmlParse = { ok: true; root: XmlNode } | { ok: false; message: string; line: number; column: number };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Parses a document, resolving namespaces; refuses a DOCTYPE (no DUIS request has one). Never throws. */
export function parseXmlDocument(text: string): XmlParse {
  const lines = new LineIndex(text);
  const raw = parseRawXml(text);
  if (!raw.ok) return { ok: false, message: raw.message, ...lines.locate(raw.offset) };
  if (raw.hasDoctype) return { ok: false, message: 'the document has a DOCTYPE declaration; a DUIS request has none, and none is read', line: 1, column: 1 };
  try {
    return { ok: true, root: resolve(raw.root, new Map([['xml', XML_NS]]), lines) };
  } catch (error) {
    if (error instanceof UnboundPrefix) return { ok: false, message: error.message, ...lines.locate(error.offset) };
    throw error;
  }
}

class UnboundPrefix extends Error {
  constructor(
    prefix: string,
    readonly offset: number,
  ) {
    super(`the namespace prefix '${prefix}' is not declared`);
  }
}

function resolve(raw: RawXmlElement, scope: ReadonlyMap<string, string>, lines: LineIndex): XmlNode {
  let inner: Map<string, string> | undefined;
  for (const [attribute, value] of Object.entries(raw.attributes)) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) (inner ??= new Map(scope)).set(attribute === 'xmlns' ? '' : attribute.slice(6), value);
  }
  const here = inner ?? scope;
  const colon = raw.name.indexOf(':');
  const prefix = colon < 0 ? '' : raw.name.slice(0, colon);
  const ns = here.get(prefix);
  if (ns === undefined && prefix !== '') throw new UnboundPrefix(prefix, raw.start);
  const { line, column } = lines.locate(raw.start);
  return {
    ns: ns ?? '',
    local: colon < 0 ? raw.name : raw.name.slice(colon + 1),
    name: raw.name,
    attributes: raw.attributes,
    children: raw.children.map((c) => resolve(c, here, lines)),
    text: raw.text,
    line,
    column,
  };
}

/** Line starts found once, so each element's line is a binary search. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/** The element children of node in a namespace with this local name. */
export function childrenNamed(node: XmlNode, ns: string, local: string): XmlNode[] {
  return node.children.filter((c) => c.ns === ns && c.local === local);
}

export function childNamed(node: XmlNode, ns: string, local: string): XmlNode | undefined {
  return node.children.find((c) => c.ns === ns && c.local === local);
}
