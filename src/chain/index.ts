export { IssuerStore } from './issuer-store.js';
export { resolveIssuer, issuerCandidate } from './resolve.js';
export { compareNames, normalisedNameKey } from './names.js';
export type { NameComparison } from './names.js';
export { verifySignature, signatureHashSupported } from './signature.js';
export { mayBeCaCertificate } from './prefilter.js';
