import { SMKI_KINDS } from '../../smki/index.js';
import { unexpectedExtensionRule } from '../extension-profile.js';

export default unexpectedExtensionRule({
  id: 'cert.extension.unexpected-critical',
  criticality: 'critical',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation:
    "RFC 5280 4.2 (a certificate-using system MUST reject a certificate with a critical extension it does not recognise); GBCS section 12 (the extensions of SMKI certificates). The kind's extensions are in its profile rule: org, device or ca.extension.unexpected",
  description: "A critical extension outside the certificate's profile (basicConstraints on an end entity aside): SMKI software that does not recognise it must reject the certificate.",
  source: 'spec',
});
