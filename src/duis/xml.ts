// A parsed XML document as the DUIS reader needs it (see xml-parser.ts), and finding children in it.
import type { XmlNode } from './xml-parser.js';

export { parseXmlDocument } from './xml-parser.js';
export type { XmlNode, XmlParse } from './xml-parser.js';

/** The element children of node in a namespace with this local name. */
export function childrenNamed(node: XmlNode, ns: string, local: string): XmlNode[] {
  return node.children.filter((c) => c.ns === ns && c.local === local);
}

export function childNamed(node: XmlNode, ns: string, local: string): XmlNode | undefined {
  return node.children.find((c) => c.ns === ns && c.local === local);
}
