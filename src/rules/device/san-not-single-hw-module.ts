import { OID, oidName, toHex } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { withArticle } from '../support.js';
import { documentTitle } from '../../smki/index.js';
import { extensionValue, findExtension } from '../../x509/index.js';
import type { GeneralName } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

function isHardwareModuleName(n: GeneralName): boolean {
  return n.type === 'otherName' && n.otherNameType === OID.hardwareModuleName && n.hardwareModuleName !== undefined;
}

/** "hardwareModuleName", "dNSName 'meter.example'", "otherName 1.2.3". */
function describe(n: GeneralName): string {
  const hw = n.hardwareModuleName;
  if (hw && isHardwareModuleName(n)) return `an otherName hardwareModuleName (hwSerialNum ${toHex(hw.hwSerialNum).toUpperCase()})`;
  if (n.type === 'otherName') {
    const type = n.otherNameType ?? '?';
    const name = oidName(type);
    return `an otherName of type ${name ? `${name} (${type})` : type}`;
  }
  return `a ${n.type} '${n.value}'`;
}

export default defineRule({
  id: 'device.san.not-single-hw-module',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 4108 5',
  description: 'The subjectAltName of a Device Certificate (or Device CSR) does not hold exactly one GeneralName, an otherName of type hardwareModuleName (1.3.6.1.5.5.7.8.4).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    // Undecodable values are cert.extension.undecodable's finding; a missing one is device.san.missing's.
    const names = extensionValue(doc, 'subjectAltName');
    if (!names) return;
    if (names.length === 1 && isHardwareModuleName(names[0])) return;
    const held = names.length === 0 ? 'no GeneralName' : `${names.length} GeneralName${names.length === 1 ? '' : 's'}: ${names.map(describe).join(', ')}`;
    ctx.report({
      path: paths.extension('subjectAltName'),
      offset: findExtension(doc, 'subjectAltName')?.valueOffset,
      message: `subjectAltName holds ${held}; ${withArticle(documentTitle(document, 'device'))}'s subjectAltName holds exactly one GeneralName, an otherName hardwareModuleName (1.3.6.1.5.5.7.8.4)`,
    });
  },
});
