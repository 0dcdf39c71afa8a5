import { defineRule } from '../../lint/index.js';
import { at } from './support.js';
import { signatureAt } from './signer-support.js';

export default defineRule({
  id: 'duis.signer.eui-mismatch',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:RequestID (its first EUI-64 is the sending DCC User); spec section 5a (a request is signed by its sender)',
  description: "The signer's EUI-64 (x500UniqueIdentifier) is not the sending DCC User's, the first EUI-64 of sr:RequestID.",
  source: 'spec',
  check({ request, signer }, ctx) {
    const originator = request.requestId?.originator;
    if (!signer || !originator) return;
    if (signer.view.eui64 === originator) return;
    const signerEui = signer.view.eui64 ? `EUI-64 ${signer.view.eui64}` : 'no EUI-64 (x500UniqueIdentifier)';
    ctx.report({ ...(request.requestId ? at(request.requestId.at) : signatureAt(request)), message: `the request is sent by ${originator} (sr:RequestID), but the signer has ${signerEui}: a request is signed with its sender's own XML signing certificate` });
  },
});
