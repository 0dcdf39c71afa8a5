import type { CryptoAdapter } from '../crypto/adapter.js';
import type { ChainInfo, IssuerCandidate, IssuerMatch } from '../lint/index.js';
import type { SmkiView } from '../smki/index.js';
import type { Certificate } from '../x509/index.js';
import { extensionValue, formatName } from '../x509/index.js';
import type { IssuerStore } from './issuer-store.js';
import { bytesEqual } from '../der/index.js';
import { verifySignature } from './signature.js';

/**
 * Finds the certificate that issued cert: itself when its own key verifies the signature (tried
 * only when it names itself, has no AKI, or its AKI is its own SKI); else the candidates whose
 * SKI equals its AKI, then those whose subject equals its issuer name, each list in the store's
 * order (issuers named by the user first, then the run's CA certificates in input order). The
 * first candidate whose key verifies the signature wins; when none does, the first candidate.
 * With several candidates every one is verified, and the others are named in the result.
 */
export function resolveIssuer(
  cert: Certificate,
  view: SmkiView,
  sha256: string,
  store: IssuerStore,
  crypto: CryptoAdapter,
  requireIssuer: boolean,
): ChainInfo {
  const info: ChainInfo = { storeSize: store.size, candidates: 0, requireIssuer };
  const spki = cert.subjectPublicKeyInfo?.raw;
  const aki = extensionValue(cert, 'authorityKeyIdentifier')?.keyIdentifier;
  const ski = extensionValue(cert, 'subjectKeyIdentifier');
  if (spki && (view.selfIssued || aki === undefined || bytesEqual(aki, ski))) {
    if (verifySignature(crypto, cert, spki) === true) {
      info.issuer = { cert, view, sha256, subject: formatName(cert.subject) };
      info.matchedBy = 'self';
      info.signatureValid = true;
      return info;
    }
  }
  if (store.size === 0) return info;
  const byKey = store.byKeyIdentifier(cert).filter((c) => c.sha256 !== sha256);
  const byName = store.byIssuerName(cert).filter((c) => c.sha256 !== sha256 && !byKey.includes(c));
  const considered: IssuerMatch[] = [
    ...byKey.map((issuer): IssuerMatch => ({ issuer, matchedBy: 'key-identifier' })),
    ...byName.map((issuer): IssuerMatch => ({ issuer, matchedBy: 'name' })),
  ];
  info.candidates = considered.length;
  if (considered.length === 0) return info;
  let chosen: IssuerMatch | undefined;
  for (const match of considered) {
    const key = match.issuer.cert.subjectPublicKeyInfo?.raw;
    const valid = key ? verifySignature(crypto, cert, key) : undefined;
    if (valid !== undefined) match.signatureValid = valid;
    if (valid === true) chosen ??= match;
  }
  chosen ??= considered[0];
  info.issuer = chosen.issuer;
  info.matchedBy = chosen.matchedBy;
  info.signatureValid = chosen.signatureValid;
  if (considered.length > 1) info.otherCandidates = considered.filter((m) => m !== chosen);
  return info;
}

/** A decoded certificate as an issuer candidate. */
export function issuerCandidate(cert: Certificate, view: SmkiView, sha256: string): IssuerCandidate {
  return { cert, view, sha256, subject: formatName(cert.subject) };
}

