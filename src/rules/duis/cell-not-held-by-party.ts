import { defineRule } from '../../lint/index.js';
import { at, elementName, partyOf } from './support.js';

export default defineRule({
  id: 'duis.cell.not-held-by-party',
  severity: 'warning',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'Spec section 2, "key usages seen" per Remote Party Role (a supplier alone holds a prepayment top-up keyAgreement certificate; Recovery and TransCoS sign only; the Root cell holds the Root OCA certificate)',
  description: 'The request replaces a cell the party is not seen to hold (a KeyAgreementTopUpCertificate for anyone but a supplier, a KeyAgreementCertificate for Recovery, TransCoS or Root).',
  source: 'adopted',
  check({ request, certificates }, ctx) {
    const party = partyOf(request);
    if (!party) return;
    const held = Object.keys(party.role.cells).map((cell) => `sr:${cell}`).join(', ');
    for (const c of certificates) {
      const cell = c.place.spec.cell;
      if (!cell || party.role.cells[cell]) continue;
      ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)}: the ${party.name} (${party.namedBy.replace(/, which.*/, '')}) is not seen holding this cell; its cells are ${held}` });
    }
  },
});
