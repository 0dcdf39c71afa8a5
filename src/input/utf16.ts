// Text saved as UTF-16 (PowerShell's default for '>' and Out-File) holding only ASCII: narrowed to
// one byte per character so the usual detection applies.

/** The ASCII bytes of BOM-marked UTF-16 that holds only ASCII characters, else undefined. */
export function narrowUtf16(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const little = bytes[0] === 0xff && bytes[1] === 0xfe;
  const big = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!little && !big) return undefined;
  const low = little ? 0 : 1;
  const out = new Uint8Array(bytes.length / 2 - 1);
  for (let i = 2, n = 0; i < bytes.length; i += 2, n++) {
    const char = bytes[i + low];
    if (bytes[i + 1 - low] !== 0 || char >= 0x80) return undefined;
    out[n] = char;
  }
  return out;
}
