import { bytesEqual, toHex } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import type { GeneralName } from '../../x509/index.js';
import { extensionPath } from '../paths.js';

export default defineRule({
  id: 'compare.san.mismatch',
  severity: 'error',
  appliesTo: ['device'],
  needsRequest: true,
  citation: 'SEC Appendix M, Appendix F (a Device CSR requests the subjectAltName hardwareModuleName of its certificate); GBCS section 12',
  description: 'A Device Certificate\'s subjectAltName is not the one its request asked for (another hardwareModuleName, hwSerialNum or none).',
  source: 'spec',
  check({ cert, request }, ctx) {
    const asked = findExtension(request!.csr, 'subjectAltName');
    if (!asked) return;
    const mine = findExtension(cert, 'subjectAltName');
    if (mine && bytesEqual(mine.value, asked.value)) return;
    ctx.report({
      path: extensionPath('subjectAltName'),
      offset: mine?.offset,
      message: `the certificate's subjectAltName (${describe(extensionValue(cert, 'subjectAltName'), mine !== undefined)}) is not the requested one (${describe(extensionValue(request!.csr, 'subjectAltName'), true)}); it names another Device`,
    });
  },
});

function describe(names: GeneralName[] | undefined, present: boolean): string {
  if (!present) return 'none';
  if (!names) return 'undecodable';
  return names.map((n) => (n.hardwareModuleName ? `hardwareModuleName hwType ${n.hardwareModuleName.hwType}, hwSerialNum ${toHex(n.hardwareModuleName.hwSerialNum).toUpperCase()}` : `${n.type} ${n.value}`)).join('; ') || 'empty';
}
