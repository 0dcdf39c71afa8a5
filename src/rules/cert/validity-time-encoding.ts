import { defineRule } from '../../lint/index.js';
import { SMKI_KINDS } from '../../smki/index.js';
import type { RuleContext } from '../../lint/index.js';
import type { TimeField } from '../../x509/index.js';
import { PATH } from '../paths.js';

const Y1950 = Date.UTC(1950, 0, 1);
const Y2050 = Date.UTC(2050, 0, 1);

export default defineRule({
  id: 'cert.validity.time-encoding',
  severity: 'error',
  appliesTo: SMKI_KINDS,
  citation: 'RFC 5280 4.1.2.5',
  description: 'A validity date from 1950 through 2049 is encoded as GeneralizedTime; RFC 5280 requires UTCTime through 2049 and GeneralizedTime from 2050 (a UTCTime cannot hold 2050 or later: it reads as 19xx, which cert.validity.order usually exposes).',
  source: 'spec',
  check({ cert }, ctx) {
    const v = cert.validity;
    if (!v) return;
    check(v.notBefore, 'notBefore', PATH.notBefore, ctx);
    check(v.notAfter, 'notAfter', PATH.notAfter, ctx);
  },
});

function check(t: TimeField | undefined, field: string, path: string, ctx: RuleContext): void {
  if (!t || t.ms === null) return;
  // A UTCTime always reads as 1950..2049, so only a GeneralizedTime can be in the wrong form;
  // years before 1950 have no UTCTime form at all.
  if (t.encoding !== 'GeneralizedTime' || t.ms < Y1950 || t.ms >= Y2050) return;
  const year = new Date(t.ms).getUTCFullYear();
  ctx.report({
    path,
    offset: t.offset,
    message: `${field} '${t.text}' (year ${year}) is GeneralizedTime; RFC 5280 4.1.2.5 requires UTCTime for dates through 2049 (GeneralizedTime only from 2050)`,
  });
}
