import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import { PATH } from '../paths.js';

const MAX_OCTETS = 20;

export default defineRule({
  id: 'cert.serial.too-long',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.2',
  description: 'The serialNumber is longer than 20 octets.',
  source: 'spec',
  check({ cert }, ctx) {
    const serial = cert.serialNumber;
    if (!serial || serial.bytes.length <= MAX_OCTETS) return;
    const n = serial.bytes.length;
    const sign = serial.bytes[0] === 0 && n === MAX_OCTETS + 1 ? ' (20 octets of value after a 0x00 sign octet: the value must start below 0x80 to fit)' : '';
    ctx.report({ path: PATH.serialNumber, offset: serial.offset, message: `serialNumber is ${n} octets${sign}; RFC 5280 4.1.2.2 allows at most 20` });
  },
});
