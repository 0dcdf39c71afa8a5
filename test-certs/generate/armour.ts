import { toPem } from './certificate.js';

/** The ways the SMKI portal accepts a CSR (spec section 5), plus raw DER and hex. */
export type Armour = 'pem' | 'pem-new' | 'base64-line' | 'base64-64-lf' | 'base64-76-crlf' | 'der' | 'hex';

/** File ending and content for a request in one armour. */
export function armourRequest(der: Uint8Array, armour: Armour): { ending: string; content: string | Uint8Array } {
  const b64 = Buffer.from(der).toString('base64');
  const wrap = (width: number, eol: string) => (b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol) + eol;
  switch (armour) {
    case 'pem':
      return { ending: '.csr', content: toPem(der, 'CERTIFICATE REQUEST') };
    case 'pem-new':
      return { ending: '.req', content: toPem(der, 'NEW CERTIFICATE REQUEST') };
    case 'base64-line':
      return { ending: '.csr', content: b64 + '\n' };
    case 'base64-64-lf':
      return { ending: '.csr', content: wrap(64, '\n') };
    case 'base64-76-crlf':
      return { ending: '.csr', content: wrap(76, '\r\n') };
    case 'der':
      return { ending: '.der', content: der };
    case 'hex':
      return { ending: '.req', content: Buffer.from(der).toString('hex') + '\n' };
  }
}
