import { toHex } from '../../der/index.js';
import type { ChainInfo, IssuerCandidate } from '../../lint/index.js';
import { KIND_TITLES } from '../../smki/index.js';
import type { SmkiView } from '../../smki/index.js';
import { extensionValue, formatName } from '../../x509/index.js';
import type { Certificate } from '../../x509/index.js';

/**
 * The issuer when it is another certificate. A self-signed certificate is its own issuer, and
 * comparing it with itself says nothing; chain.self-signed.not-root covers that case.
 */
export function otherIssuer(chain: ChainInfo | undefined): IssuerCandidate | undefined {
  return chain?.issuer && chain.matchedBy !== 'self' ? chain.issuer : undefined;
}

/** How the chain stage found the issuer, seen from the issuer. */
const HOW: Record<NonNullable<ChainInfo['matchedBy']>, string> = {
  'key-identifier': 'matched by its subjectKeyIdentifier',
  name: 'matched by its subject name',
  self: 'the certificate itself',
};

/** "issuer 'OU=07, CN=T1' (Issuing OCA Certificate, SHA-256 e4c7a373e4e28faa…, matched by its subjectKeyIdentifier)". */
export function describeIssuer(issuer: IssuerCandidate, chain: ChainInfo): string {
  const how = chain.matchedBy ? `, ${HOW[chain.matchedBy]}` : '';
  return `issuer '${issuer.subject}' (${KIND_TITLES[issuer.view.kind]}, SHA-256 ${issuer.sha256.slice(0, 16)}…${how})`;
}

/** Key identifiers are shown in upper-case hex, as certificate viewers show them. */
export function keyIdHex(bytes: Uint8Array): string {
  return toHex(bytes).toUpperCase();
}

/**
 * Why no issuer was found for the certificate, or undefined when one was (or when a root that names
 * itself failed its own key: root.not-self-signed says why).
 */
export function issuerUnavailable(cert: Certificate, view: SmkiView, chain: ChainInfo): string | undefined {
  if (chain.issuer || (view.kind === 'root' && view.selfIssued)) return undefined;
  const unchecked = 'signature, issuer name, authorityKeyIdentifier, validity and policies were not checked against an issuer';
  if (chain.storeSize === 0) return `no issuer certificates were available, so its ${unchecked}; pass --issuer <file|dir> or include the CA certificates in the run`;
  const aki = extensionValue(cert, 'authorityKeyIdentifier')?.keyIdentifier;
  const issuerName = `the subject '${formatName(cert.issuer)}' (this certificate's issuer name)`;
  const lookedFor = aki
    ? `subjectKeyIdentifier ${keyIdHex(aki)} (this certificate's authorityKeyIdentifier) and for ${issuerName}`
    : `${issuerName}; this certificate has no authorityKeyIdentifier keyIdentifier to look for`;
  const self = view.selfIssued ? '; it names itself as its issuer, but its own key does not verify its signature' : '';
  const count = chain.storeSize === 1 ? 'the 1 issuer certificate' : `the ${chain.storeSize} issuer certificates`;
  return `none of ${count} available matches: looked for ${lookedFor}${self}. So its ${unchecked}`;
}
