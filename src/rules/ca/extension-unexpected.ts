import { unexpectedExtensionRule } from '../extension-profile.js';

export default unexpectedExtensionRule({
  id: 'ca.extension.unexpected',
  criticality: 'non-critical',
  severity: 'warning',
  appliesTo: ['root', 'issuing-oca', 'device-ca'],
  citation: 'DCC test PKI (ZAZ1 Root and Issuing OCA: keyUsage, basicConstraints, certificatePolicies, subjectKeyIdentifier, authorityKeyIdentifier); no CA profile text was available',
  description:
    'A non-critical extension other than keyUsage, basicConstraints, certificatePolicies, subjectKeyIdentifier and authorityKeyIdentifier on a CA certificate (a critical one is cert.extension.unexpected-critical).',
  source: 'seen',
});
