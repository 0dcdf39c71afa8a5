import { defineRule } from '../../lint/index.js';
import { at, elementName, replacements } from './support.js';

export default defineRule({
  id: 'duis.party.eui-mismatch',
  severity: 'warning',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: 'Spec section 3 (x500UniqueIdentifier: the subscriber\'s Entity Identifier); one party\'s replacement credentials are its own certificates',
  description: 'The replacement certificates of one party carry different EUI-64s (x500UniqueIdentifier): they are not all that party\'s.',
  source: 'adopted',
  check({ certificates }, ctx) {
    const withEui = replacements(certificates).filter((c) => c.view.eui64 !== undefined);
    const first = withEui[0];
    for (const c of withEui.slice(1)) {
      if (c.view.eui64 === first.view.eui64) continue;
      ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} belongs to EUI-64 ${c.view.eui64}, but ${elementName(first.place.at)} to ${first.view.eui64}: one party's replacement certificates share its Entity Identifier` });
    }
  },
});
