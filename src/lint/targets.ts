import type { SmkiView } from '../smki/index.js';
import type { Certificate, CertificationRequest } from '../x509/index.js';
import type { CertificateTarget, ChainInfo, RequestPairing, RequestTarget } from './types.js';

/** The lint target of a certificate, with its chain and the request it answers when known. */
export function certificateTarget(cert: Certificate, view: SmkiView, chain?: ChainInfo, request?: RequestPairing): CertificateTarget {
  const target: CertificateTarget = { document: 'certificate', doc: cert, cert, view };
  if (chain) target.chain = chain;
  if (request) target.request = request;
  return target;
}

/** The lint target of a certification request. */
export function requestTarget(csr: CertificationRequest, view: SmkiView): RequestTarget {
  return { document: 'csr', doc: csr, csr, view };
}
