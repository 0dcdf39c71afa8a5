import type { SmkiView } from '../smki/index.js';
import type { Certificate, CertificationRequest } from '../x509/index.js';
import type { CertificateTarget, ChainInfo, RequestPairing, RequestTarget } from './types.js';

/** The lint target of a certificate, with its chain and the request it answers when known. */
export function certificateTarget(cert: Certificate, view: SmkiView, chain?: ChainInfo, request?: RequestPairing): CertificateTarget {
  // Every target has the same properties, set or not: rules then read one object shape.
  return { document: 'certificate', doc: cert, cert, view, chain, request };
}

/** The lint target of a certification request. */
export function requestTarget(csr: CertificationRequest, view: SmkiView): RequestTarget {
  return { document: 'csr', doc: csr, csr, view };
}
