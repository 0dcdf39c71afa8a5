import { unexpectedExtensionRule } from '../extension-profile.js';

export default unexpectedExtensionRule({
  id: 'device.extension.unexpected',
  criticality: 'non-critical',
  severity: 'warning',
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates: keyUsage, subjectKeyIdentifier, subjectAltName, certificatePolicies, authorityKeyIdentifier); SEC Appendix M, Appendix F',
  description:
    'A non-critical extension other than keyUsage, subjectKeyIdentifier, subjectAltName, certificatePolicies and authorityKeyIdentifier on a Device Certificate (basicConstraints is reported by the ee.basic-constraints rules; a critical one by cert.extension.unexpected-critical).',
  // The profile lists its extensions; that a non-critical extra one must not be there is not stated.
  source: 'spec',
});
