// Certificates a hostile or careless user might feed the tool, built with the sample PKI's parts.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCertificate, replaceExtension, toPem } from '../../test-certs/generate/certificate.js';
import type { Built } from '../../test-certs/generate/certificate.js';
import { supplier } from '../../test-certs/generate/defect-kit.js';
import { seq, tlv, utcTime, utf8String } from '../../test-certs/generate/der-writer.js';
import { authorityKeyIdentifier, subjectKeyIdentifier } from '../../test-certs/generate/extensions.js';
import { caName, cn, euiAttribute, name, ou, rdn } from '../../test-certs/generate/names.js';
import { buildValidPki } from '../../test-certs/generate/pki.js';
import type { ValidPki } from '../../test-certs/generate/pki.js';
import { caCertificate } from '../../test-certs/generate/profiles.js';
import { keyIdMethod2, p256Key } from '../../test-certs/generate/keys.js';
import { loadManifest, TEST_CERTS } from './sample-pki.js';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'smki-lint.js');

let pki: ValidPki | undefined;
export function samplePki(): ValidPki {
  pki ??= buildValidPki();
  return pki;
}

/** A supplier certificate whose subject CN is the given encoded string (e.g. a BMPString). */
export function supplierWithCn(label: string, value: Uint8Array): Uint8Array {
  const parts = supplier(samplePki(), label);
  parts.subject = name(rdn(cn(value)), rdn(ou(utf8String('02'))), rdn(euiAttribute(Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x32, 0, 0, label.length))));
  return buildCertificate(parts).der;
}

/** A BMPString of the given UTF-16 code units (lone surrogates included). */
export function bmpString(units: number[]): Uint8Array {
  return tlv(0x1e, Uint8Array.from(units.flatMap((u) => [u >> 8, u & 0xff])));
}

export const pem = (der: Uint8Array) => toPem(der);

/**
 * Three Issuing OCAs with the same subject name (OU=07, CN=T9) and the same subjectKeyIdentifier,
 * and a supplier certificate issued by the first one's key:
 * - forged: another key, the SKI copied: matches by key identifier, but its key does not verify;
 * - reissued: the signing key again, with a later validity: matches and verifies;
 * - original: the signing key: matches and verifies.
 */
export function issuersSharingSkiAndName(): { forged: Built; reissued: Built; original: Built; leaf: Uint8Array } {
  const root = samplePki().root;
  const subject = caName('07', 'T9');
  const signingKey = p256Key('tie original');
  const ski = subjectKeyIdentifier(keyIdMethod2(signingKey));
  const original = buildCertificate(caCertificate({ label: 'tie original', subject, issuer: root, pathLen: 0 }));
  const reissuedParts = caCertificate({ label: 'tie original', subject, issuer: root, pathLen: 0 });
  reissuedParts.validity = seq(utcTime('250601000000Z'), utcTime('451231235959Z'));
  const reissued = buildCertificate(reissuedParts);
  const forged = buildCertificate(replaceExtension(caCertificate({ label: 'tie forged', subject, issuer: root, pathLen: 0 }), 'ski', ski));
  const leafParts = supplier(samplePki(), 'tie leaf');
  leafParts.issuer = subject;
  leafParts.signer = signingKey;
  const leaf = buildCertificate(replaceExtension(leafParts, 'aki', authorityKeyIdentifier(original.keyId))).der;
  return { forged, reissued, original, leaf };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, run as a user would, with colour settings cleared. */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking: for runs that must be interfered with while they go on. */
export function startCli(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });
}

/** Every sample file but the DUIS requests (each an XML document of its own), concatenated: PEM blocks, prose, broken blocks, other labels. */
export function sampleText(): Uint8Array {
  const files = loadManifest()
    .files.filter((f) => !f.file.endsWith('.xml'))
    .map((f) => readFileSync(join(TEST_CERTS, f.file)));
  return new Uint8Array(Buffer.concat([Buffer.from('notes before the first block\n'), ...files, Buffer.from('\ntrailing prose\n')]));
}
