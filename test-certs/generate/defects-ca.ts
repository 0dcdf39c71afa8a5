import { addExtension, removeExtension, replaceExtension } from './certificate.js';
import type { Defect } from './defect-kit.js';
import { integer, seq } from './der-writer.js';
import { caBasicConstraints, extKeyUsage, extension, keyUsage } from './extensions.js';
import { p256Key } from './keys.js';
import { caName, cn, name, ou, rdn } from './names.js';
import { printableString } from './der-writer.js';
import { CERT, finding } from './expect-kit.js';
import { at } from './locations.js';
import { OIDS } from './oids.js';
import { caCertificate, issuingOca, rootOca } from './profiles.js';

// CA defects. Each CA has its own key and CN (T2.., R..), so none of them issues the valid samples.

export const caDefects: Defect[] = [
  {
    name: 'ica-path-len-1',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=T2 with pathLenConstraint 1 instead of 0.',
    expect: [finding('ica.path-len', CERT.extension('basicConstraints', 'pathLenConstraint'), at.extensionValue('bc'))],
    build: (pki, label) => caCertificate({ label, subject: caName('07', 'T2'), issuer: pki.root, pathLen: 1 }),
  },
  {
    name: 'ica-role-two-ous',
    kind: 'issuing-oca',
    description: 'Issuing OCA whose subject has a second OU (OU=07, OU=7F, CN=T7): the role must be exactly one OU 07.',
    expect: [finding('ica.role', CERT.subjectAttribute('organizationalUnitName'), at.attributeValue('subject', ou(printableString('07'))))],
    build: (pki, label) =>
      caCertificate({ label, subject: name(rdn(ou(printableString('07'))), rdn(ou(printableString('7F'))), rdn(cn(printableString('T7')))), issuer: pki.root, pathLen: 0 }),
  },
  {
    name: 'ica-key-usage-digital-signature',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=T3 whose keyUsage adds digitalSignature to keyCertSign and cRLSign.',
    expect: [finding('ca.key-usage', CERT.extension('keyUsage'), at.extensionValue('ku'))],
    build: (pki, label) => replaceExtension(issuingOca(label, 'T3', pki.root), 'ku', keyUsage(['digitalSignature', 'keyCertSign', 'cRLSign'])),
  },
  {
    name: 'ica-basic-constraints-missing',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=T4 (keyCertSign, cRLSign) without basicConstraints.',
    expect: [finding('ca.basic-constraints.missing', CERT.extension('basicConstraints'))],
    build: (pki, label) => removeExtension(issuingOca(label, 'T4', pki.root), 'bc'),
  },
  {
    name: 'ica-basic-constraints-not-critical',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=T5 whose basicConstraints (cA TRUE, pathLen 0) is not critical.',
    expect: [finding('ca.basic-constraints.not-critical', CERT.extension('basicConstraints', 'critical'), at.extension('bc'))],
    build: (pki, label) => replaceExtension(issuingOca(label, 'T5', pki.root), 'bc', caBasicConstraints(0, false)),
  },
  {
    name: 'ica-basic-constraints-not-ca',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=T6 (keyCertSign, cRLSign) whose critical basicConstraints omits cA (FALSE) but keeps pathLen 0.',
    expect: [finding('ca.basic-constraints.not-ca', CERT.extension('basicConstraints', 'cA'), at.extensionValue('bc'))],
    build: (pki, label) => replaceExtension(issuingOca(label, 'T6', pki.root), 'bc', extension('bc', OIDS.basicConstraints, seq(integer(0n)), true)),
  },
  {
    name: 'root-role-missing',
    kind: 'root',
    description: 'A self-signed CA CN=R7 (keyCertSign, cRLSign, cA) without the OU=00 a Root OCA subject must have.',
    expect: [finding('root.role', CERT.subjectAttribute('organizationalUnitName'), at.field('subject'))],
    build: (_pki, label) => rootOca(label, 'R7', null),
  },
  {
    name: 'root-not-self-signed',
    kind: 'root',
    description: 'Root OCA OU=00, CN=R0 whose issuer is its own subject but whose signature is by another key.',
    expect: [finding('root.not-self-signed', CERT.signatureValue, at.field('signatureValue'))],
    build: (_pki, label) => ({ ...rootOca(label, 'R0'), signer: p256Key(label + ' other key') }),
  },
  {
    name: 'ca-extension-unexpected',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=TA with a non-critical extKeyUsage (clientAuth), which the reference CAs do not have.',
    expect: [finding('ca.extension.unexpected', CERT.extension('extKeyUsage'), at.extension('eku'))],
    build: (pki, label) => addExtension(issuingOca(label, 'TA', pki.root), extKeyUsage(OIDS.clientAuth)),
  },
  {
    name: 'ca-key-cert-sign-missing',
    kind: 'issuing-oca',
    description: 'Issuing OCA OU=07, CN=TK (cA TRUE) whose keyUsage has cRLSign but not keyCertSign, so nothing it signs validates.',
    expect: [finding('ca.key-cert-sign.missing', CERT.extension('keyUsage'), at.extensionValue('ku'))],
    build: (pki, label) => replaceExtension(issuingOca(label, 'TK', pki.root), 'ku', keyUsage(['cRLSign'])),
  },
];
