import { defineRule } from '../../lint/index.js';
import { isoTime } from '../support.js';
import { signatureAt } from './signer-support.js';

export default defineRule({
  id: 'duis.signer.validity',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'RFC 5280 4.1.2.5 and 6.1.3 (a) (2) (validity at the time of use)',
  description: 'The certificate that will sign the request (--signer) is not valid at the evaluation time (--at).',
  source: 'spec',
  check({ request, signer }, ctx) {
    const from = signer?.cert.validity?.notBefore?.ms;
    const until = signer?.cert.validity?.notAfter?.ms;
    if (from == null || until == null) return;
    const now = ctx.evaluationTime;
    if (now < from) ctx.report({ ...signatureAt(request), message: `the signer is not valid until ${isoTime(from)} (evaluated at ${isoTime(now)}): the DCC would reject the request's signature` });
    else if (now > until) ctx.report({ ...signatureAt(request), message: `the signer expired at ${isoTime(until)} (evaluated at ${isoTime(now)}): the DCC would reject the request's signature` });
  },
});
