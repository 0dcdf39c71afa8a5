// What the DUIS reader takes from @rgrove/parse-xml: a maintained, conformance-tested XML 1.0
// parser with no dependencies that never loads a DTD and never expands an entity a DTD declares.
// Its tree is turned at once into the project's own (namespaces resolved, lines found), so the
// build can bundle this module with it (dist/duis/xml-parser.js): the package keeps no runtime
// dependency, and its declarations name only the types below.
import { parseXml, XmlCdata, XmlElement, XmlError, XmlText } from '@rgrove/parse-xml';

export interface XmlNode {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** The qualified name as written. */
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
  /** The character data of its text and CDATA children, references resolved. */
  text: string;
  /** 1-based line and column of the start tag. */
  line: number;
  column: number;
}

export type XmlParse = { ok: true; root: XmlNode } | { ok: false; message: string; line: number; column: number };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses a whole document with Namespaces in XML 1.0; refuses a DOCTYPE (a DUIS request has
 * none, and none is read) and an undeclared prefix. Never throws.
 */
export function parseXmlDocument(text: string): XmlParse {
  const lines = new LineIndex(text);
  let document;
  try {
    document = parseXml(text, { includeOffsets: true, preserveDocumentType: true });
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, message: error.message.split('\n')[0].replace(/ \(line \d+, column \d+\)$/, ''), ...lines.locate(error.pos) };
    return { ok: false, message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
  }
  if (document.children.some((c) => c.type === 'doctype')) return { ok: false, message: 'the document has a DOCTYPE declaration; a DUIS request has none, and none is read', line: 1, column: 1 };
  const root = document.root;
  if (!root) return { ok: false, message: 'the document has no root element', line: 1, column: 1 };
  try {
    return { ok: true, root: resolve(root, new Map([['xml', XML_NS]]), lines) };
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

function resolve(element: XmlElement, scope: ReadonlyMap<string, string>, lines: LineIndex): XmlNode {
  let here = scope;
  for (const attribute in element.attributes) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
      if (here === scope) here = new Map(scope);
      (here as Map<string, string>).set(attribute === 'xmlns' ? '' : attribute.slice(6), element.attributes[attribute]);
    }
  }
  const name = element.name;
  const colon = name.indexOf(':');
  const ns = here.get(colon < 0 ? '' : name.slice(0, colon));
  if (ns === undefined && colon >= 0) throw new UnboundPrefix(name.slice(0, colon), element.start);
  const children: XmlNode[] = [];
  let text = '';
  for (const child of element.children) {
    if (child instanceof XmlElement) children.push(resolve(child, here, lines));
    else if (child instanceof XmlText || child instanceof XmlCdata) text += child.text;
  }
  const { line, column } = lines.locate(element.start);
  return { ns: ns ?? '', local: colon < 0 ? name : name.slice(colon + 1), name, attributes: element.attributes, children, text, line, column };
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
