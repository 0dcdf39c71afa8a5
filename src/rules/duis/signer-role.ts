import { defineRule } from '../../lint/index.js';
import { NOVEMBER_2020_RELEASE } from '../../smki/index.js';
import { describeRole } from '../support.js';
import { erratumNote } from '../org/role-support.js';
import { signatureAt } from './signer-support.js';

const CHANGE =
  'Since the November 2020 SEC Release a DCC User signs DUIS service requests with an XML signing certificate, role 0x87 = 135 (OU \'87\'), ' +
  'no longer with the digital signing certificate of its GBCS role (SEC Section L3.18, which BEIS proposed to bring into effect on 29 November 2020 "or as soon as practicable within one month after this date")';

export default defineRule({
  id: 'duis.signer.role',
  severity: 'error',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation:
    'SEC Section L3.18 (XML signing Certificates), in force from the November 2020 SEC Release, proposed for 29 November 2020 "or as soon as practicable within one month after this date" (BEIS consultation of 23 October 2020, paras 2.9 and 2.14); SEC Section L Annex A (135 = XML signing)',
  description: "The certificate that will sign the request (--signer) is not an XML signing certificate, role 0x87 = 135: since November 2020 a supplier's 02 digital signing certificate no longer signs DUIS requests.",
  source: 'spec',
  effective: { from: NOVEMBER_2020_RELEASE },
  check({ request, signer }, ctx) {
    if (!signer) return;
    const reading = signer.view.role;
    if (reading?.code === 0x87) return;
    let what: string;
    if (!reading) what = 'has no role OU';
    else if (reading.code === 0x86) what = `has OU '86', role 134, reserved for the Centralised Switching Service. ${erratumNote(ctx.roles)}`;
    else if (reading.role) what = `is a certificate of role ${describeRole(reading.role)} (OU '${reading.ou}')`;
    else what = `has OU '${reading.ou}', which is not the XML signing role code`;
    ctx.report({ ...signatureAt(request), message: `the signer ${what}. ${CHANGE}` });
  },
});
