import { toPem } from './certificate.js';
import type { Armour } from './armour.js';
import { armourRequest } from './armour.js';
import type { ValidPki } from './pki.js';
import { deviceRequest, organisationRequest } from './profiles.js';
import type { Usage } from './profiles.js';
import { buildRequest } from './request.js';
import type { SampleFile } from './sample-file.js';

// Valid Organisation and Device CSRs, one of them in every armour the SMKI portal accepts.

/** Sample request EUI-64s: 90-B3-D5-1F-32-01-00-xx for organisations, ...-02-00-xx for devices. */
export const requestOrgEui = (n: number) => Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x32, 0x01, 0x00, n);
export const requestDeviceEui = (n: number) => Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x32, 0x02, 0x00, n);

const ARMOURS: { armour: Armour; suffix: string; what: string }[] = [
  { armour: 'pem', suffix: '', what: "PEM 'CERTIFICATE REQUEST'" },
  { armour: 'pem-new', suffix: '-new-label', what: "PEM 'NEW CERTIFICATE REQUEST'" },
  { armour: 'base64-line', suffix: '-base64-line', what: 'bare base64 on one line' },
  { armour: 'base64-64-lf', suffix: '-base64-64', what: 'bare base64 wrapped at 64, LF' },
  { armour: 'base64-76-crlf', suffix: '-base64-76-crlf', what: 'bare base64 wrapped at 76, CRLF' },
  { armour: 'der', suffix: '', what: 'raw DER' },
  { armour: 'hex', suffix: '-hex', what: 'hex' },
];

const ORGANISATIONS: { role: string; usage: Usage; commonName?: string }[] = [
  { role: '02', usage: 'ds', commonName: 'SAMPLESUPPLIER' },
  { role: '03', usage: 'ka' },
  { role: '87', usage: 'ds', commonName: 'SAMPLEXMLSIGNER' },
];

export function validRequests(): SampleFile[] {
  const files: SampleFile[] = [];
  ORGANISATIONS.forEach((o, i) => {
    const stem = `org-${o.role.toLowerCase()}-${o.usage}`;
    const der = buildRequest(organisationRequest({ label: `request ${stem}`, role: o.role, usage: o.usage, commonName: o.commonName, eui: requestOrgEui(i + 1) }));
    const cn = o.commonName ? `, CN=${o.commonName}` : '';
    // The supplier request in every armour; the others in PEM.
    for (const a of i === 0 ? ARMOURS : ARMOURS.slice(0, 1)) {
      const { ending, content } = armourRequest(der, a.armour);
      files.push({ file: `requests/${stem}${a.suffix}${ending}`, kind: 'organisation', document: 'csr', description: `Organisation CSR for role ${o.role}, ${o.usage === 'ds' ? 'digitalSignature' : 'keyAgreement'}${cn}, as ${a.what}.`, expect: [], findings: [], content });
    }
  });
  (['ds', 'ka'] as const).forEach((usage, i) => {
    const der = buildRequest(deviceRequest({ label: `request device-${usage}`, usage, hwSerialNum: requestDeviceEui(i + 1) }));
    files.push({ file: `requests/device-${usage}.csr`, kind: 'device', document: 'csr', description: `Device CSR, ${usage === 'ds' ? 'digitalSignature' : 'keyAgreement'}: empty subject, critical subjectAltName hardwareModuleName.`, expect: [], findings: [], content: toPem(der, 'CERTIFICATE REQUEST') });
  });
  return files;
}

/** A certificate and a request in one file, with text between them: both are read and checked. */
export function mixedBundle(pki: ValidPki): SampleFile {
  const request = buildRequest(organisationRequest({ label: 'request org-02-ds', role: '02', usage: 'ds', commonName: 'SAMPLESUPPLIER', eui: requestOrgEui(1) }));
  const content = ['A certificate and a request in one file.\n', toPem(pki.orgs.get('org-02-ds')!.der), '\nThe supplier request:\n', toPem(request, 'CERTIFICATE REQUEST')].join('');
  return { file: 'bundles/mixed.pem', kind: 'organisation', description: 'A valid organisation certificate and a valid organisation CSR in one file, with text between them.', expect: [], findings: [], content, items: 2 };
}
