import type { DuisRequest } from '../../duis/request.js';
import type { Report } from '../../lint/index.js';
import type { Name } from '../../x509/index.js';
import { at } from './support.js';

/** Where signer findings point: the request's ds:Signature, else the request itself. */
export function signatureAt(request: DuisRequest): Pick<Report, 'path' | 'line' | 'column'> {
  return request.signature ? at(request.signature) : { ...at(request.at), path: 'sr:Request' };
}

/** The key of one attribute for comparing names whatever their order: type (as written, upper case) and value (case and spacing folded). */
function key(type: string, value: string): string {
  return `${type.toUpperCase()}=${value.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/**
 * Whether an RFC 4514 distinguished name string (ds:X509IssuerName) names the same attributes as
 * a certificate's Name, in any order (writers differ in RDN order), comparing values after case and
 * spacing folding. Attribute types are accepted by short name (CN, OU) or dotted OID.
 */
export function sameDistinguishedName(text: string, name: Name | undefined): boolean {
  if (!name) return false;
  const parsed = parseDn(text);
  if (!parsed) return false;
  const attributes = name.rdns.flatMap((r) => r.attributes);
  if (attributes.length !== parsed.length) return false;
  const remaining = parsed.map(([t, v]) => key(t, v));
  for (const a of attributes) {
    const found = remaining.findIndex((k) => k === key(a.name ?? a.oid, a.value) || k === key(a.oid, a.value));
    if (found < 0) return false;
    remaining.splice(found, 1);
  }
  return true;
}

/** type=value pairs of an RFC 4514 string (',' and '+' separate them; backslash escapes a character); undefined when malformed. */
function parseDn(text: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  let current = '';
  const pairs: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) current += text[++i];
    else if (ch === ',' || ch === '+') {
      pairs.push(current);
      current = '';
    } else current += ch;
  }
  pairs.push(current);
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    out.push([pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()]);
  }
  return out;
}
