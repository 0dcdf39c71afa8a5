import type { CryptoAdapter } from '../crypto/adapter.js';
import type { ChainInfo, IssuerCandidate } from '../lint/index.js';
import type { SmkiView } from '../smki/index.js';
import type { Certificate } from '../x509/index.js';
import { extensionValue, formatName } from '../x509/index.js';
import type { IssuerStore } from './issuer-store.js';
import { bytesEqual } from '../der/index.js';
import { verifySignature } from './signature.js';

/**
 * Finds the certificate that issued cert: itself when its own key verifies the signature (tried
 * only when it names itself, has no AKI, or its AKI is its own SKI), else candidates by AKI = SKI,
 * then by issuer name; the first whose key verifies the signature wins.
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
  info.candidates = byKey.length + byName.length;
  if (info.candidates === 0) return info;

  let fallback: { candidate: IssuerCandidate; matchedBy: 'key-identifier' | 'name'; valid: boolean | undefined } | undefined;
  for (const [list, matchedBy] of [
    [byKey, 'key-identifier'],
    [byName, 'name'],
  ] as const) {
    for (const candidate of list) {
      const key = candidate.cert.subjectPublicKeyInfo?.raw;
      const valid = key ? verifySignature(crypto, cert, key) : undefined;
      if (valid === true) {
        info.issuer = candidate;
        info.matchedBy = matchedBy;
        info.signatureValid = true;
        return info;
      }
      fallback ??= { candidate, matchedBy, valid };
    }
  }
  info.issuer = fallback!.candidate;
  info.matchedBy = fallback!.matchedBy;
  info.signatureValid = fallback!.valid;
  return info;
}

/** A decoded certificate as an issuer candidate. */
export function issuerCandidate(cert: Certificate, view: SmkiView, sha256: string): IssuerCandidate {
  return { cert, view, sha256, subject: formatName(cert.subject) };
}

