import type { CertParts } from './certificate.js';
import { buildCertificate, toPem } from './certificate.js';
import type { Expected } from './locations.js';
import { bytesLayout, certificateLayout, resolveExpected, ruleIds } from './locations.js';
import { bytes, concat, seq, tlv } from './der-writer.js';
import type { KeyPair } from './keys.js';
import { sha256 } from './keys.js';
import type { ValidPki } from './pki.js';
import type { OrganisationOptions } from './profiles.js';
import { organisation } from './profiles.js';
import type { Kind, SampleFile } from './sample-file.js';

/** A defect sample: the file stem (also its key label), what it is, and how to build it. */
export interface Defect {
  name: string;
  kind: Kind;
  description: string;
  /** Every finding the sample gets, with where it points. */
  expect: Expected[];
  /** Certificate parts (signed here), finished DER, or a whole file's text. */
  build(pki: ValidPki, label: string): CertParts | Uint8Array | { text: string };
}

/** A distinct EUI-64 per defect certificate: 90-B3-D5-1F-31 then three octets of the label's hash. */
export function defectEui(label: string): Uint8Array {
  const h = sha256('smki-lint eui ' + label);
  return Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x31, h[0], h[1], h[2]);
}

/** The usual starting point: a valid supplier (02) digitalSignature certificate with a CN. */
export function supplier(pki: ValidPki, label: string, options: Partial<OrganisationOptions> = {}): CertParts {
  return organisation({
    label,
    role: '02',
    usage: 'ds',
    commonName: 'SAMPLESUPPLIER',
    eui: defectEui(label),
    issuer: pki.oca,
    ...options,
  });
}

export function renderDefect(defect: Defect, pki: ValidPki): SampleFile {
  const result = defect.build(pki, defect.name);
  let content: string;
  let findings;
  if (result instanceof Uint8Array) {
    content = toPem(result);
    findings = resolveExpected(defect.expect, bytesLayout(result));
  } else if ('text' in result) {
    content = result.text;
    findings = resolveExpected(defect.expect, undefined);
  } else {
    const der = buildCertificate(result).der;
    content = toPem(der);
    findings = resolveExpected(defect.expect, certificateLayout(result, der));
  }
  return { file: `defects/${defect.name}.pem`, kind: defect.kind, description: defect.description, expect: ruleIds(defect.expect), findings, content };
}

/** A signer whose ECDSA-Sig-Value gets a redundant leading 00 on r: the signature is no longer DER. */
export function nonDerSigner(key: KeyPair): KeyPair {
  return {
    ...key,
    sign: (message) => {
      const sig = key.sign(message);
      const rLength = sig[3];
      const r = sig.subarray(4, 4 + rLength);
      const s = sig.subarray(4 + rLength);
      return seq(tlv(0x02, concat(bytes(0), r)), s);
    },
  };
}

/** The key with the last octet of Y changed: 65 octets, 04 first, and (for this label) not on the curve. */
export function offCurve(key: KeyPair): KeyPair {
  const publicKey = key.publicKey.slice();
  publicKey[64] ^= 0x01;
  return { ...key, publicKey };
}

