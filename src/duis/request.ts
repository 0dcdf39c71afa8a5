// Reading a DUIS service request (sr:Request): its header, the request type, the party whose
// credentials it carries, every certificate element the placement table names, and the issuer
// and serial its XML signature's KeyInfo names. Plain data throughout, so it can cross to a worker.
import { decodeBase64 } from '../input/base64.js';
import { childNamed, childrenNamed, parseXmlDocument } from './xml.js';
import type { XmlNode } from './xml.js';
import { DSIG_NS, DUIS_NS, placementOf } from './placements.js';
import type { CellSpec, RequestPlacement } from './placements.js';

/** Where something is in the request: its element path (canonical prefixes sr: and ds:) and line. */
export interface XmlLocation {
  /** e.g. "sr:Body/sr:UpdateSecurityCredentialsKRP/sr:ReplacementCertificates/..."; "" for the root. */
  element: string;
  line: number;
  column: number;
}

/** A value read from an element, with where it is. */
export interface XmlValue {
  text: string;
  at: XmlLocation;
}

export interface RequestId extends XmlValue {
  /** The sending DCC User's EUI-64 (upper case), when the value has the schema's form. */
  originator?: string;
  /** The target's EUI-64: the Device, or the DCC. */
  target?: string;
  counter?: string;
}

/** One certificate element of the request, in document order. */
export interface DuisCertificatePlace {
  at: XmlLocation;
  spec: CellSpec;
}

export interface DuisRequest {
  at: XmlLocation;
  schemaVersion?: string;
  requestId?: RequestId;
  serviceReference?: string;
  serviceReferenceVariant?: string;
  /** The body's request element (its local name) and where it is. */
  body?: XmlValue;
  /** The placement table's entry for the body element; absent for a request type that carries no certificate. */
  placement?: RequestPlacement;
  remotePartyRole?: XmlValue;
  certificates: DuisCertificatePlace[];
  /** The request's ds:Signature element, when it has one. */
  signature?: XmlLocation;
  /** ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509IssuerSerial, when present. */
  keyInfo?: { issuerName?: XmlValue; serialNumber?: XmlValue };
}

/** A certificate element's content: the DER, or why its base64 does not decode. */
export type CertificateContent = { der: Uint8Array } | { error: string };

export type DuisReading =
  | { kind: 'request'; request: DuisRequest; contents: CertificateContent[] }
  /** Well-formed XML that is not a DUIS service request (a response, another document). */
  | { kind: 'other'; description: string }
  | { kind: 'malformed'; message: string; line: number; column: number };

const EUI = '[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){7}';
const REQUEST_ID = new RegExp(`^(${EUI}):(${EUI}):([0-9]{1,20})$`);
const utf8 = new TextDecoder('utf-8', { fatal: true });
// Native, and a character outside ASCII becomes bytes the base64 decoder names as not base64.
const encoder = new TextEncoder();

/**
 * Reads text that may be a DUIS request: undefined when it is not XML naming the DUIS namespace
 * (so other detection goes on), else the request, or what the XML is instead, or why it cannot be read.
 */
export function readDuisRequest(bytes: Uint8Array, start: number): DuisReading | undefined {
  let i = start;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x3c) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(start));
  } catch {
    return namesDuisNamespace(bytes) ? { kind: 'malformed', message: 'the request is not UTF-8 text', line: 1, column: 1 } : undefined;
  }
  if (!text.includes(DUIS_NS)) return undefined;
  const parsed = parseXmlDocument(text);
  if (!parsed.ok) return { kind: 'malformed', message: parsed.message, line: parsed.line, column: parsed.column };
  const root = parsed.root;
  if (root.ns !== DUIS_NS || root.local !== 'Request') {
    const what = root.ns === DUIS_NS ? `a DUIS ${root.local === 'Response' ? 'response' : 'document'} (sr:${root.local})` : `an XML document whose root element is '${root.name}'`;
    return { kind: 'other', description: `${what}, not a DUIS service request (sr:Request)` };
  }
  return readRequest(root);
}

/** Whether bytes that are not UTF-8 still name the DUIS namespace (an encoding problem, not another format). */
function namesDuisNamespace(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes).includes(DUIS_NS);
}

function readRequest(root: XmlNode): DuisReading {
  const request: DuisRequest = { at: located(root, ''), certificates: [] };
  let contents: CertificateContent[] = [];
  if (root.attributes.schemaVersion !== undefined) request.schemaVersion = root.attributes.schemaVersion;
  const header = childNamed(root, DUIS_NS, 'Header');
  if (header) {
    const id = childNamed(header, DUIS_NS, 'RequestID');
    if (id) request.requestId = requestId(id, 'sr:Header/sr:RequestID');
    const reference = childNamed(header, DUIS_NS, 'ServiceReference');
    if (reference) request.serviceReference = reference.text.trim();
    const variant = childNamed(header, DUIS_NS, 'ServiceReferenceVariant');
    if (variant) request.serviceReferenceVariant = variant.text.trim();
  }
  const bodyElement = childNamed(root, DUIS_NS, 'Body')?.children.find((c) => c.ns === DUIS_NS);
  if (bodyElement) {
    const bodyPath = `sr:Body/sr:${bodyElement.local}`;
    request.body = { text: bodyElement.local, at: located(bodyElement, bodyPath) };
    const placement = placementOf(bodyElement.local);
    if (placement) {
      request.placement = placement;
      const role = childNamed(bodyElement, DUIS_NS, 'RemotePartyRole');
      if (role) request.remotePartyRole = { text: role.text.trim(), at: located(role, `${bodyPath}/sr:RemotePartyRole`) };
      const found = placement.cells.flatMap((spec) => descend(bodyElement, bodyPath, spec.path).map(({ node, path }) => ({ place: { at: located(node, path), spec }, text: node.text })));
      // Document order, whatever order the table lists the places in.
      found.sort((a, b) => a.place.at.line - b.place.at.line || a.place.at.column - b.place.at.column);
      request.certificates = found.map((f) => f.place);
      contents = found.map((f) => certificateContent(f.text));
    }
  }
  return { kind: 'request', request: withKeyInfo(request, root), contents };
}

function withKeyInfo(request: DuisRequest, root: XmlNode): DuisRequest {
  const signature = childNamed(root, DSIG_NS, 'Signature');
  if (signature) request.signature = located(signature, 'ds:Signature');
  const serial = ['KeyInfo', 'X509Data', 'X509IssuerSerial'].reduce<XmlNode | undefined>((node, local) => node && childNamed(node, DSIG_NS, local), signature);
  if (!serial) return request;
  const base = 'ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509IssuerSerial';
  const name = childNamed(serial, DSIG_NS, 'X509IssuerName');
  const number = childNamed(serial, DSIG_NS, 'X509SerialNumber');
  request.keyInfo = {};
  if (name) request.keyInfo.issuerName = { text: name.text.trim(), at: located(name, `${base}/ds:X509IssuerName`) };
  if (number) request.keyInfo.serialNumber = { text: number.text.trim(), at: located(number, `${base}/ds:X509SerialNumber`) };
  return request;
}

function requestId(node: XmlNode, path: string): RequestId {
  const text = node.text.trim();
  const id: RequestId = { text, at: located(node, path) };
  const m = REQUEST_ID.exec(text);
  if (m) {
    id.originator = m[1].toUpperCase();
    id.target = m[2].toUpperCase();
    id.counter = m[3];
  }
  return id;
}

/** Every element at the end of `names` below node, with its path (a [n] index where siblings share a name). */
function descend(node: XmlNode, path: string, names: readonly string[], depth = 0, out: { node: XmlNode; path: string }[] = []): { node: XmlNode; path: string }[] {
  if (depth === names.length) {
    out.push({ node, path });
    return out;
  }
  const matches = childrenNamed(node, DUIS_NS, names[depth]);
  for (let i = 0; i < matches.length; i++) descend(matches[i], `${path}/sr:${names[depth]}${matches.length > 1 ? `[${i + 1}]` : ''}`, names, depth + 1, out);
  return out;
}

function certificateContent(text: string): CertificateContent {
  const decoded = decodeBase64(encoder.encode(text));
  if (!decoded.ok) return { error: `its content is not base64 (xs:base64Binary): ${decoded.reason}` };
  if (decoded.bytes.length === 0) return { error: 'it is empty' };
  return { der: decoded.bytes };
}

function located(node: XmlNode, element: string): XmlLocation {
  return { element, line: node.line, column: node.column };
}
