import { toHex } from '../../der/index.js';
import type { ChainInfo, IssuerCandidate } from '../../lint/index.js';
import { KIND_TITLES } from '../../smki/index.js';

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
