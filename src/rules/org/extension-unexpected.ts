import { unexpectedExtensionRule } from '../extension-profile.js';

export default unexpectedExtensionRule({
  id: 'org.extension.unexpected',
  criticality: 'non-critical',
  severity: 'warning',
  appliesTo: ['organisation'],
  citation:
    'DCC test PKI (Organisation Certificates carry keyUsage, subjectKeyIdentifier, certificatePolicies and authorityKeyIdentifier); GBCS section 12. The Organisation Certificate Profile (SEC Appendix B, Annex B) was not available',
  description:
    'A non-critical extension other than keyUsage, subjectKeyIdentifier, certificatePolicies and authorityKeyIdentifier on an Organisation Certificate (basicConstraints is reported by the ee.basic-constraints rules; a critical one by cert.extension.unexpected-critical).',
  source: 'seen',
});
