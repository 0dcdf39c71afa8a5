import { defineRule } from '../../lint/index.js';
import { describeRole } from '../support.js';
import { at, elementName, partyOf, replacements } from './support.js';

export default defineRule({
  id: 'duis.cell.role-mismatch',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'DUIS 5.4 XML schema: sr:RemotePartyRole and the replacement certificates of that party; the role codes of Remote Party Roles (GBCS; SEC Section L Annex A)',
  description: "A replacement certificate's Remote Party Role Code (subject OU) is not the role of the party whose credentials the request replaces (sr:RemotePartyRole, or the party its request type implies).",
  source: 'spec',
  check({ request, certificates }, ctx) {
    const party = partyOf(request);
    if (!party) return;
    const expected = ctx.roles.get(parseInt(party.role.hex, 16));
    for (const c of replacements(certificates)) {
      const reading = c.view.role;
      // A missing, malformed, unknown or reserved code is the certificate's own finding (org.role.*), at its element.
      if (!reading?.role || reading.status !== 'assigned' || reading.hex === party.role.hex) continue;
      ctx.report({
        ...at(c.place.at),
        message:
          `${elementName(c.place.at)} holds a certificate of role ${describeRole(reading.role)} (OU '${reading.ou}'), but ${party.namedBy}: ` +
          `its certificates carry role ${expected ? describeRole(expected) : `0x${party.role.hex}`} (OU '${party.role.hex}'). It would replace the ${party.name}'s credentials on the Device with another party's`,
      });
    }
  },
});
