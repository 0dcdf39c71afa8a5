import type { Defect } from './defect-kit.js';
import { toPem } from './certificate.js';
import { finding } from './expect-kit.js';
import { p256Key, subjectPublicKeyInfo } from './keys.js';

// Files that are not readable certificates at all: input-level findings, no certificate rules.

export const inputDefects: Defect[] = [
  {
    name: 'input-no-certificate',
    kind: 'unknown',
    description: 'A .pem file that holds only prose: no PEM block, base64 or hex.',
    expect: [finding('input.no-certificate', 'input')],
    build: () => ({ text: 'This file is part of the smki-lint sample PKI.\nIt holds no certificate, so a checker must say what it found instead.\n' }),
  },
  {
    name: 'input-invalid-base64',
    kind: 'unknown',
    description: 'A CERTIFICATE PEM block whose body is not base64.',
    expect: [finding('input.invalid-encoding', 'input')],
    build: () => ({ text: '-----BEGIN CERTIFICATE-----\nMIIB*this body is not base64*\n-----END CERTIFICATE-----\n' }),
  },
  {
    name: 'input-public-key',
    kind: 'unknown',
    description: 'A .pem file holding a PUBLIC KEY block (a subscriber key, not its certificate).',
    expect: [finding('input.not-certificate', 'input')],
    build: () => ({ text: toPem(subjectPublicKeyInfo(p256Key('input public key')), 'PUBLIC KEY') }),
  },
];
