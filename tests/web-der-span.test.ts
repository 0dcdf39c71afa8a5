// The web page marks a finding's bytes: the DER element at the finding's offset, looked for inside
// extension values too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectItems } from '../src/input/index.js';
import { derSpan } from '../web/src/der-span.js';
import { checkSampleFile, TEST_CERTS } from './helpers/sample-pki.js';

const der = (file: string) => detectItems(readFileSync(join(TEST_CERTS, file))).items[0].der;
const hex = (bytes: Uint8Array, span: { start: number; end: number }) => Buffer.from(bytes.subarray(span.start, span.end)).toString('hex');

/** The offset of the one finding of a rule on a sample. */
function offsetOf(file: string, ruleId: string): number {
  const finding = checkSampleFile(file)[0].findings.find((f) => f.ruleId === ruleId);
  if (finding?.offset === undefined) throw new Error(`${file}: no ${ruleId} finding with an offset`);
  return finding.offset;
}

describe('derSpan: the bytes a finding is about', () => {
  it('is the element that starts at the offset: the OU value of the 0x86 sample', () => {
    const bytes = der('defects/org-role-86-reserved.pem');
    const span = derSpan(bytes, offsetOf('defects/org-role-86-reserved.pem', 'org.role.reserved'));
    expect(hex(bytes, span)).toBe('0c023836');
  });

  it('looks inside the OCTET STRING of an extension value: the keyUsage BIT STRING, the subjectKeyIdentifier', () => {
    const ku = der('defects/cert-ku-not-der-minimal.pem');
    expect(hex(ku, derSpan(ku, offsetOf('defects/cert-ku-not-der-minimal.pem', 'cert.ku.not-der-minimal')))).toBe('03020080');
    const ski = der('defects/cert-ski-length-sha1.pem');
    const span = derSpan(ski, offsetOf('defects/cert-ski-length-sha1.pem', 'cert.ski.length'));
    // An OCTET STRING of 20 octets: a SHA-1 key identifier where the profile wants 8.
    expect(hex(ski, span).slice(0, 4)).toBe('0414');
    expect(span.end - span.start).toBe(22);
  });

  it('is the innermost element holding an offset that starts none, and one byte outside every element', () => {
    const bytes = der('defects/org-role-86-reserved.pem');
    const start = offsetOf('defects/org-role-86-reserved.pem', 'org.role.reserved');
    expect(derSpan(bytes, start + 1)).toEqual({ start, end: start + 4 });
    const trailing = der('defects/der-trailing-bytes.pem');
    const offset = offsetOf('defects/der-trailing-bytes.pem', 'der.trailing-bytes');
    expect(derSpan(trailing, offset)).toEqual({ start: offset, end: offset + 1 });
  });
});
