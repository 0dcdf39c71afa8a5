import { toHex } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import { extensionValue } from '../../x509/index.js';
import { pathsOf } from '../paths.js';

export default defineRule({
  id: 'device.san.hw-serial-length',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['device'],
  citation: 'GBCS section 12 (Device Certificates); RFC 4108 5',
  description: "The hwSerialNum of the hardwareModuleName is not 8 octets, so it is not the Device's Entity Identifier (an EUI-64).",
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    for (const name of extensionValue(doc, 'subjectAltName') ?? []) {
      const serial = name.hardwareModuleName?.hwSerialNum;
      if (!serial || serial.length === 8) continue;
      const shown = serial.length === 0 ? 'empty' : `${serial.length} octet${serial.length === 1 ? '' : 's'} (${toHex(serial).toUpperCase()})`;
      ctx.report({
        path: paths.extension('subjectAltName', 'hardwareModuleName.hwSerialNum'),
        offset: name.offset,
        message: `hwSerialNum is ${shown}; it must be the Device's Entity Identifier, an EUI-64 of exactly 8 octets`,
      });
    }
  },
});
