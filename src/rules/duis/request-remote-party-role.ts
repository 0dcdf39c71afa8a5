import { REMOTE_PARTY_ROLES } from '../../duis/placements.js';
import { defineRule } from '../../lint/index.js';
import { DUIS_SCHEMA, at } from './support.js';

export default defineRule({
  id: 'duis.request.remote-party-role',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: `${DUIS_SCHEMA}: sr:RemotePartyRole, an enumeration (ACB, NetworkOperator, Recovery, Root, Supplier, TransCoS, LoadController)`,
  description: 'A request that replaces a party\'s credentials has no sr:RemotePartyRole, or one that is not among the schema\'s values, so its certificates cannot be placed.',
  source: 'spec',
  check({ request }, ctx) {
    if (request.placement?.party !== 'RemotePartyRole') return;
    const values = Object.keys(REMOTE_PARTY_ROLES).join(', ');
    const role = request.remotePartyRole;
    if (!role) {
      ctx.report({ ...at(request.body!.at), message: `sr:${request.body!.text} has no sr:RemotePartyRole: the schema requires it (one of ${values}) to say whose credentials the request replaces` });
    } else if (!Object.hasOwn(REMOTE_PARTY_ROLES, role.text)) {
      ctx.report({ ...at(role.at), message: `sr:RemotePartyRole '${role.text}' is not one of the schema's values (${values}; the values are case-sensitive)` });
    }
  },
});
