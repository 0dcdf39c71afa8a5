import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';
import { hexUpper } from './shared.js';

export default defineRule({
  id: 'cert.serial.not-positive',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.2',
  description: 'The serialNumber is zero or negative; it must be a positive integer.',
  source: 'spec',
  check({ cert }, ctx) {
    const serial = cert.serialNumber;
    if (!serial || serial.value > 0n) return;
    const message =
      serial.bytes.length === 0
        ? 'serialNumber is an INTEGER with no content octets (read as 0); RFC 5280 4.1.2.2 requires a positive integer'
        : serial.value === 0n
        ? 'serialNumber is 0; RFC 5280 4.1.2.2 requires a positive integer'
        : `serialNumber is negative (${serial.value}, encoded ${hexUpper(serial.bytes)} with the top bit of its first octet set); ` +
          'RFC 5280 4.1.2.2 requires a positive integer: a 0x00 octet must precede a first octet of 0x80 or more';
    ctx.report({ path: PATH.serialNumber, offset: serial.offset, message });
  },
});
