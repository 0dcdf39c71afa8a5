import { bytesEqual } from '../der/index.js';
import type { Name } from '../x509/index.js';

export type NameComparison =
  | { equal: 'bytes' }
  | { equal: 'normalised'; differences: string[] }
  | { equal: 'no'; reason: string };

const ISSUER_LABELS = { a: 'the issuer name', b: "the issuer's subject" };

/**
 * Compares an issuer name with a CA's subject: byte for byte first (what RFC 5280 path building
 * and most verifiers do), then after normalising string types and case and white space
 * (RFC 5280 7.1), saying which attributes differ only in how they are encoded. Any two names can
 * be compared so (a request's subject and its certificate's): `labels` name them in the differences.
 */
export function compareNames(issuer: Name | undefined, subject: Name | undefined, labels: { a: string; b: string } = ISSUER_LABELS): NameComparison {
  if (!issuer || !subject) return { equal: 'no', reason: 'a name is unreadable' };
  if (bytesEqual(issuer.raw, subject.raw)) return { equal: 'bytes' };
  if (issuer.rdns.length !== subject.rdns.length) return { equal: 'no', reason: `${issuer.rdns.length} RDNs against ${subject.rdns.length}` };
  const differences: string[] = [];
  for (let i = 0; i < issuer.rdns.length; i++) {
    const a = issuer.rdns[i].attributes;
    const b = subject.rdns[i].attributes;
    if (a.length !== b.length) return { equal: 'no', reason: `RDN ${i + 1} has ${a.length} attributes against ${b.length}` };
    for (let k = 0; k < a.length; k++) {
      const x = a[k];
      const y = b[k];
      const label = x.name ?? x.oid;
      if (x.oid !== y.oid) return { equal: 'no', reason: `RDN ${i + 1} is ${label} against ${y.name ?? y.oid}` };
      if (normalise(x.value) !== normalise(y.value)) return { equal: 'no', reason: `${label} '${x.value}' against '${y.value}'` };
      if (x.valueType !== y.valueType) differences.push(`${label} is ${x.valueType} in ${labels.a} but ${y.valueType} in ${labels.b}`);
      else if (x.value !== y.value) differences.push(`${label} '${x.value}' differs from '${y.value}' only in case or spacing`);
    }
  }
  return { equal: 'normalised', differences };
}

function normalise(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A key for indexing names by their normalised content. */
export function normalisedNameKey(name: Name | undefined): string {
  if (!name) return '';
  return name.rdns.map((r) => r.attributes.map((a) => `${a.oid}=${normalise(a.value)}`).join('+')).join(',');
}
