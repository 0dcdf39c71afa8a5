import { latin1, toHex } from '../der/index.js';
import type { IssuerCandidate } from '../lint/index.js';
import type { Certificate } from '../x509/index.js';
import { extensionValue } from '../x509/index.js';
import { normalisedNameKey } from './names.js';

/** CA certificates available as issuers, indexed by subject key identifier and by subject name. */
export class IssuerStore {
  private readonly bySki = new Map<string, IssuerCandidate[]>();
  private readonly byName = new Map<string, IssuerCandidate[]>();
  private readonly byNormalisedName = new Map<string, IssuerCandidate[]>();
  private readonly seen = new Set<string>();

  get size(): number {
    return this.seen.size;
  }

  /** Adds a candidate once (by its SHA-256). */
  add(candidate: IssuerCandidate): void {
    if (this.seen.has(candidate.sha256)) return;
    this.seen.add(candidate.sha256);
    const ski = extensionValue(candidate.cert, 'subjectKeyIdentifier');
    if (ski) push(this.bySki, toHex(ski), candidate);
    const subject = candidate.cert.subject;
    if (subject) {
      push(this.byName, latin1(subject.raw, 0, subject.raw.length), candidate);
      push(this.byNormalisedName, normalisedNameKey(subject), candidate);
    }
  }

  /** Candidates whose SKI equals the certificate's AKI keyIdentifier. */
  byKeyIdentifier(cert: Certificate): IssuerCandidate[] {
    const aki = extensionValue(cert, 'authorityKeyIdentifier')?.keyIdentifier;
    return aki ? (this.bySki.get(toHex(aki)) ?? NONE) : NONE;
  }

  /** Candidates whose subject equals the certificate's issuer name, byte for byte or after normalising. */
  byIssuerName(cert: Certificate): IssuerCandidate[] {
    const issuer = cert.issuer;
    if (!issuer) return NONE;
    const exact = this.byName.get(latin1(issuer.raw, 0, issuer.raw.length)) ?? NONE;
    // Normalised matches only matter when the exact form found nothing (they are a superset).
    if (exact.length > 0) return exact;
    return this.byNormalisedName.get(normalisedNameKey(issuer)) ?? NONE;
  }
}

const NONE: IssuerCandidate[] = [];

function push(map: Map<string, IssuerCandidate[]>, key: string, value: IssuerCandidate): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
