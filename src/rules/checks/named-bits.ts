/**
 * Why a named-bit-list BIT STRING's content (unused-bits octet first) is not as DER writes it
 * (X.690 11.2.2: trailing 0 bits removed, so the last bit is a 1, and an empty list is 03 01 00),
 * or undefined when it is. keyUsage is such a list in every document that holds or requests one.
 */
export function namedBitsProblem(content: Uint8Array): string | undefined {
  if (content.length < 1) return undefined; // no unused-bits octet: the DER reader reports it
  const unused = content[0];
  if (content.length === 1) return undefined;
  const last = content[content.length - 1];
  // Non-zero padding bits are der.bitstring.padding's; here the last used bit must be a 1.
  if ((last >> unused) & 1) return undefined;
  const trailing = countTrailingZeros(content, unused);
  const minimal = content.length - 1 - Math.floor((trailing + unused) / 8);
  const unusedMinimal = (trailing + unused) % 8;
  if (minimal === 0) return `no bit is set, yet the BIT STRING holds ${content.length - 1} octet${content.length === 2 ? '' : 's'}; an empty named bit list is encoded as 03 01 00`;
  return `the BIT STRING ends in ${trailing} zero bit${trailing === 1 ? '' : 's'} (unused bits ${unused}); DER removes them: ${minimal} octet${minimal === 1 ? '' : 's'} with ${unusedMinimal} unused bit${unusedMinimal === 1 ? '' : 's'}`;
}

/** Zero bits after the last 1 bit, not counting the declared unused bits. */
function countTrailingZeros(content: Uint8Array, unused: number): number {
  let zeros = 0;
  for (let i = content.length - 1; i >= 1; i--) {
    const skip = i === content.length - 1 ? unused : 0;
    for (let bit = skip; bit < 8; bit++) {
      if ((content[i] >> bit) & 1) return zeros;
      zeros++;
    }
  }
  return zeros;
}
