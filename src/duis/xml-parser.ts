// What the DUIS reader takes from @rgrove/parse-xml: a maintained, conformance-tested XML 1.0
// parser with no dependencies that never loads a DTD and never expands an entity a DTD declares.
// The build bundles this module with it (dist/duis/xml-parser.js), so the package keeps no runtime
// dependency; its declarations name only the project's own types below.
import { parseXml, XmlElement, XmlError, XmlText, XmlCdata } from '@rgrove/parse-xml';

/** An element as written: its qualified name, attributes, element children and text, and where its start tag begins. */
export interface RawXmlElement {
  /** The qualified name as written, e.g. "sr:Body". */
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: RawXmlElement[];
  /** The character data of its text and CDATA children, references resolved. */
  text: string;
  /** Character offset of the start tag's '<'. */
  start: number;
}

export type RawXmlParse = { ok: true; root: RawXmlElement; hasDoctype: boolean } | { ok: false; message: string; offset: number };

/** Parses a whole document; never throws. */
export function parseRawXml(text: string): RawXmlParse {
  let document;
  try {
    document = parseXml(text, { includeOffsets: true, preserveDocumentType: true });
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, message: error.message.split('\n')[0].replace(/ \(line \d+, column \d+\)$/, ''), offset: error.pos };
    return { ok: false, message: error instanceof Error ? error.message : String(error), offset: 0 };
  }
  const root = document.root;
  if (!root) return { ok: false, message: 'the document has no root element', offset: 0 };
  const hasDoctype = document.children.some((c) => c.type === 'doctype');
  return { ok: true, root: convert(root), hasDoctype };
}

function convert(element: XmlElement): RawXmlElement {
  const children: RawXmlElement[] = [];
  let text = '';
  for (const child of element.children) {
    if (child instanceof XmlElement) children.push(convert(child));
    else if (child instanceof XmlText || child instanceof XmlCdata) text += child.text;
  }
  return { name: element.name, attributes: element.attributes, children, text, start: element.start };
}
