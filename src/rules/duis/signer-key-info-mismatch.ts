import { defineRule } from '../../lint/index.js';
import { formatName } from '../../x509/index.js';
import { at } from './support.js';
import { sameDistinguishedName } from './signer-support.js';

export default defineRule({
  id: 'duis.signer.key-info-mismatch',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'W3C XML Signature Syntax and Processing, 4.4.4 The X509Data Element (X509IssuerSerial: the issuer distinguished name and serial number of the signing certificate)',
  description: "ds:KeyInfo's X509IssuerName or X509SerialNumber does not name the certificate that will sign the request (--signer).",
  source: 'spec',
  check({ request, signer }, ctx) {
    const keyInfo = request.keyInfo;
    if (!signer || !keyInfo) return;
    const { issuerName, serialNumber } = keyInfo;
    if (issuerName && !sameDistinguishedName(issuerName.text, signer.cert.issuer)) {
      ctx.report({ ...at(issuerName.at), message: `ds:X509IssuerName '${issuerName.text}' is not the signer's issuer '${formatName(signer.cert.issuer)}'` });
    }
    const serial = signer.cert.serialNumber?.value;
    if (serialNumber && serial !== undefined && !(/^-?[0-9]+$/.test(serialNumber.text) && BigInt(serialNumber.text) === serial)) {
      ctx.report({ ...at(serialNumber.at), message: `ds:X509SerialNumber '${serialNumber.text}' is not the signer's serial number ${serial} (decimal)` });
    }
  },
});
