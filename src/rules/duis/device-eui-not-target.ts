import { defineRule } from '../../lint/index.js';
import { at, elementName } from './support.js';

export default defineRule({
  id: 'duis.device.eui-not-target',
  severity: 'warning',
  documents: ['duis-request'],
  appliesTo: 'all',
  citation: "DUIS 5.4 XML schema: sr:UpdateSecurityCredentialsDevice/sr:DeviceCertificate and sr:RequestID (its second EUI-64 is the target Device); spec section 4 (a Device Certificate's hwSerialNum is the Device's Entity Identifier)",
  description: "The Device Certificate of an Update Security Credentials (Device) request names another Device (hwSerialNum) than the request's target in sr:RequestID.",
  source: 'adopted',
  check({ request, certificates }, ctx) {
    const target = request.requestId?.target;
    if (!target) return;
    for (const c of certificates) {
      if (c.place.spec.purpose !== 'device' || c.view?.eui64Source !== 'hwSerialNum' || c.view.eui64 === target) continue;
      ctx.report({ ...at(c.place.at), message: `${elementName(c.place.at)} is the certificate of Device ${c.view.eui64} (hwSerialNum), but the request is addressed to ${target} (sr:RequestID): a Device takes only its own certificate` });
    }
  },
});
