/**
 * A cheap byte scan for certificates that may be CAs (a basicConstraints extension, or a keyUsage
 * with keyCertSign), so a large batch only fully decodes the few that can serve as issuers.
 * False positives are fine (they are decoded and classified); false negatives are not.
 */
export function mayBeCaCertificate(der: Uint8Array): boolean {
  for (let i = 0; i + 4 < der.length; i++) {
    // OBJECT IDENTIFIER 2.5.29.x: 06 03 55 1D xx
    if (der[i] !== 0x06 || der[i + 1] !== 0x03 || der[i + 2] !== 0x55 || der[i + 3] !== 0x1d) continue;
    const ext = der[i + 4];
    if (ext === 0x13) return true;
    if (ext === 0x0f && keyUsageHasCertSign(der, i + 5)) return true;
  }
  return false;
}

/** After the keyUsage OID: optional critical BOOLEAN, OCTET STRING header, BIT STRING 03 len unused bits. */
function keyUsageHasCertSign(der: Uint8Array, at: number): boolean {
  const end = Math.min(der.length - 3, at + 12);
  for (let i = at; i < end; i++) {
    if (der[i] === 0x03 && (der[i + 1] === 0x02 || der[i + 1] === 0x03)) return (der[i + 3] & 0x04) !== 0;
  }
  return true;
}
