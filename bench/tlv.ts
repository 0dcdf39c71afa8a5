// Walking DER by its TLV headers only, for the benches' floors: no decoding beyond the lengths.

/** Where the content of the element at `at` starts and ends. */
export function tlvHeader(der: Uint8Array, at: number): [body: number, end: number] {
  const l = der[at + 1];
  if (l < 0x80) return [at + 2, at + 2 + l];
  let v = 0;
  for (let k = 0; k < (l & 0x7f); k++) v = v * 256 + der[at + 2 + k];
  return [at + 2 + (l & 0x7f), at + 2 + (l & 0x7f) + v];
}
