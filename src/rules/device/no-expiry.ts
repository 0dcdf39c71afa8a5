import type { TimeField } from '../../x509/index.js';

/** The notAfter RFC 5280 4.1.2.5 gives a certificate with no well-defined expiration, as GBCS requires of Device Certificates. */
export const NO_EXPIRY = '99991231235959Z';

/** Compared as text: the profile names this exact value, and a fraction or offset would be another encoding of it. */
export function hasNoExpiry(t: TimeField | undefined): boolean {
  return t?.encoding === 'GeneralizedTime' && t.text === NO_EXPIRY;
}
