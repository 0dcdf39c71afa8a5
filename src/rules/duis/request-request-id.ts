import { defineRule } from '../../lint/index.js';
import { DUIS_SCHEMA, at } from './support.js';

export default defineRule({
  id: 'duis.request.request-id',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: `${DUIS_SCHEMA}: sr:Header/sr:RequestID, type sr:RequestIDType (originator EUI-64 : target EUI-64 : counter)`,
  description: 'sr:RequestID is missing, or is not of the schema\'s form <sender EUI-64>:<target EUI-64>:<counter>, so the request names no sending DCC User (whom the signer must be).',
  source: 'spec',
  check({ request }, ctx) {
    const id = request.requestId;
    if (!id) {
      ctx.report({ ...at(request.at), path: 'sr:Header', message: 'the request has no sr:Header/sr:RequestID: the schema requires one, and it names the sending DCC User' });
    } else if (!id.originator) {
      ctx.report({ ...at(id.at), message: `sr:RequestID '${id.text}' is not <EUI-64>:<EUI-64>:<counter> (e.g. 90-B3-D5-1F-30-01-00-02:00-DB-12-34-56-78-90-A0:1000)` });
    }
  },
});
