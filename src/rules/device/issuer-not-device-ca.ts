import { OID } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { firstAttribute, formatName } from '../../x509/index.js';
import type { Name } from '../../x509/index.js';
import { describeIssuer, otherIssuer } from '../chain/support.js';
import { PATH } from '../paths.js';

export default defineRule({
  id: 'device.issuer.not-device-ca',
  severity: 'warning',
  appliesTo: ['device'],
  citation:
    "DCC test PKI (a Device Certificate issued by Device CA CN=E357, whose name has no role OU and no Entity Identifier); the Device Certificate Policy (SEC Appendix A), which names the issuer, was not available",
  description:
    'A Device Certificate is not issued by a Device CA: the issuer at hand is of another kind, or, without it, the issuer name has the shape of another kind (an OU role code, an Entity Identifier).',
  // DCC's own test data also has device certificates issued by an Organisation Certificate: the reading is the project's.
  source: 'adopted',
  needsChain: true,
  check({ cert, chain }, ctx) {
    const issuer = otherIssuer(chain);
    if (issuer && chain) {
      if (issuer.view.kind === 'device-ca') return;
      ctx.report({
        path: PATH.issuer,
        offset: cert.issuer?.offset,
        message: `the certificate was issued by the ${describeIssuer(issuer, chain)}; a Device Certificate is issued by a Device CA`,
      });
      return;
    }
    const shape = nameShape(cert.issuer);
    if (!shape) return;
    ctx.report({
      path: PATH.issuer,
      offset: cert.issuer?.offset,
      message:
        `the issuer name '${formatName(cert.issuer)}' has ${shape}, the shape of another kind's subject, not a Device CA's (a name with no role OU and no Entity Identifier, e.g. CN=E357); ` +
        'Device Certificates are issued by a Device CA. The issuer itself was not available to check',
    });
  },
});

/** What in an issuer name says it is not a Device CA's, or undefined when nothing does. */
function nameShape(name: Name | undefined): string | undefined {
  const ou = firstAttribute(name, OID.organizationalUnitName);
  const uid = firstAttribute(name, OID.x500UniqueIdentifier) !== undefined;
  const value = ou?.stringType ? ou.value : undefined;
  const role = value !== undefined ? `OU '${value}'` : ou ? 'an OU' : undefined;
  if (role && uid) return `${role} and an x500UniqueIdentifier (an Organisation Certificate's role code and Entity Identifier)`;
  if (uid) return "an x500UniqueIdentifier (an Organisation Certificate's Entity Identifier)";
  if (value === '07') return "OU '07' (the Issuing OCA's role code)";
  if (value === '00') return "OU '00' (the Root OCA's role code)";
  return role ? `${role} (where a Remote Party Role Code is held)` : undefined;
}
