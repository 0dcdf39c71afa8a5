import type { Built } from './certificate.js';
import { buildCertificate, toPem } from './certificate.js';
import type { Usage } from './profiles.js';
import { device, deviceCa, deviceEui, issuingOca, organisation, orgEui, rootOca } from './profiles.js';
import { CERT, finding } from './expect-kit.js';
import type { Expected } from './locations.js';
import { resolveExpected, ruleIds } from './locations.js';
import type { SampleFile } from './sample-file.js';

/** The valid sample PKI: every certificate the defects are derived from or issued by. */
export interface ValidPki {
  root: Built;
  oca: Built;
  deviceCa: Built;
  /** Organisation certificates by file stem, e.g. "org-02-ds". */
  orgs: Map<string, Built>;
  files: SampleFile[];
}

const ROLE_NAMES: Record<string, string> = {
  '01': 'recovery',
  '02': 'supplier',
  '03': 'networkOperator',
  '04': 'accessControlBroker',
  '05': 'transitionalCoS',
  '06': 'wanProvider',
  '08': 'loadController',
  '7F': 'other',
  '87': 'xmlSigning',
  '89': 'dspXmlSigning',
};

/** Every end-entity role of the role table with each key usage it is seen with (spec section 2). */
const ORGANISATIONS: { role: string; usage: Usage; commonName?: string }[] = [
  { role: '01', usage: 'ds' },
  { role: '02', usage: 'ds', commonName: 'SAMPLESUPPLIER' },
  { role: '02', usage: 'ka' },
  { role: '03', usage: 'ds' },
  { role: '03', usage: 'ka' },
  { role: '04', usage: 'ds' },
  { role: '04', usage: 'ka' },
  { role: '05', usage: 'ds' },
  { role: '06', usage: 'ds' },
  { role: '08', usage: 'ds' },
  { role: '08', usage: 'ka' },
  { role: '7F', usage: 'ds' },
  { role: '7F', usage: 'ka' },
  { role: '87', usage: 'ds', commonName: 'SAMPLEXMLSIGNER' },
  { role: '89', usage: 'ds' },
];

const USAGE_NAMES: Record<Usage, string> = { ds: 'digitalSignature', ka: 'keyAgreement' };

export function buildValidPki(): ValidPki {
  const files: SampleFile[] = [];
  const add = (file: string, kind: SampleFile['kind'], description: string, built: Built, expected: Expected[] = []) =>
    files.push({ file: `valid/${file}.pem`, kind, description, expect: ruleIds(expected), findings: resolveExpected(expected, undefined), content: toPem(built.der) });

  const root = buildCertificate(rootOca('root-oca', 'TR'));
  add('root-oca', 'root', 'Root OCA OU=00, CN=TR: self-signed, no AKI, keyCertSign+cRLSign, cA without pathLen.', root);
  const oca = buildCertificate(issuingOca('issuing-oca', 'T1', root));
  add('issuing-oca', 'issuing-oca', 'Issuing OCA OU=07, CN=T1 issued by the root: pathLen 0, shaped like the reference Issuing OCA.', oca);
  const dca = buildCertificate(deviceCa('device-ca', 'D1A5', root));
  // No Device CA profile text exists, so the linter always adds its notice for this kind.
  add('device-ca', 'device-ca', 'Device CA CN=D1A5 issued by the root, shaped like the Issuing OCA, valid until 2048.', dca, [finding('device-ca.profile-unavailable', CERT.subject)]);

  const orgs = new Map<string, Built>();
  ORGANISATIONS.forEach((o, i) => {
    const stem = `org-${o.role.toLowerCase()}-${o.usage}`;
    const built = buildCertificate(organisation({ label: stem, role: o.role, usage: o.usage, commonName: o.commonName, eui: orgEui(i + 1), issuer: oca }));
    orgs.set(stem, built);
    const cn = o.commonName ? `, CN=${o.commonName}` : '';
    add(stem, 'organisation', `Organisation certificate for role ${o.role} (${ROLE_NAMES[o.role]}), ${USAGE_NAMES[o.usage]}${cn}.`, built);
  });

  (['ds', 'ka'] as const).forEach((usage, i) => {
    const built = buildCertificate(device({ label: `device-${usage}`, usage, hwSerialNum: deviceEui(i + 1), issuer: dca }));
    add(
      `device-${usage}`,
      'device',
      `Device certificate, ${USAGE_NAMES[usage]}, issued by the Device CA: empty subject, hardwareModuleName, notAfter 9999 (beyond the Device CA's 2048, as GBCS requires), policy 1.2.826.0.1.8641679.1.2.1.4.`,
      built,
    );
  });

  return { root, oca, deviceCa: dca, orgs, files };
}

/** Three valid organisation certificates in one file with prose between the PEM blocks. */
export function orgBundle(pki: ValidPki): SampleFile {
  const pem = (stem: string) => toPem(pki.orgs.get(stem)!.der);
  const content = [
    'Sample bundle: three organisation certificates of the smki-lint sample PKI.\n',
    'Supplier, digitalSignature:\n',
    pem('org-02-ds'),
    '\nNetwork operator, keyAgreement:\n',
    pem('org-03-ka'),
    '\nDSP XML signing:\n',
    pem('org-89-ds'),
  ].join('');
  return {
    file: 'bundles/orgs.pem',
    kind: 'organisation',
    description: 'Bundle of three valid organisation certificates (02 DS, 03 KA, 89 DS) with text between the PEM blocks.',
    expect: [],
    findings: [],
    content,
    items: 3,
  };
}
