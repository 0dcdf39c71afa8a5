// DUIS service requests written from the sample PKI: a valid request of every credential-carrying
// request type of the DUIS 5.4 schema, and requests with one defect each. Every party has its own
// EUI-64 and credentials issued by the sample Issuing OCA, and its own XML signing certificate.
import type { Built } from './certificate.js';
import { buildCertificate, toPem } from './certificate.js';
import { seq, utcTime, utf8String } from './der-writer.js';
import { CERT } from './expect-kit.js';
import type { ExpectedFinding } from './locations.js';
import { at, bytesLayout, compareFindings, indexOfUnique } from './locations.js';
import { caName, ou } from './names.js';
import type { ValidPki } from './pki.js';
import type { Usage } from './profiles.js';
import { device, issuingOca, organisation } from './profiles.js';
import type { SampleFile } from './sample-file.js';

const partyEui = (party: number, n = 0) => Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x34, party, 0x00, n);
const DCC = '00-DB-12-34-56-78-90-A0';
const DEVICE_EUI = Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x34, 0x02, 0x00, 0x01);

const euiText = (eui: Uint8Array) => Array.from(eui, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-');
const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64');
const serialOf = (built: Built) => BigInt('0x' + Buffer.from(built.serial.subarray(2)).toString('hex'));

/** The certificates the samples are written from. */
interface DuisPki {
  supplier: { ds: Built; ka: Built; topUp: Built; xml: Built; xmlExpired: Built; role86: Built; kaForeign: Built };
  networkOperator: { ds: Built; ka: Built; ka2: Built; xml: Built };
  acb: { ds: Built; ka: Built; xml: Built };
  otherUser: { ka: Built; xml: Built };
  otherSupplierKa: Built;
  device: Built;
  /** An Issuing OCA that is in no other file of the tree, only in one request's path. */
  spareOca: Built;
  pki: ValidPki;
}

function buildDuisPki(pki: ValidPki): DuisPki {
  const org = (label: string, role: string, usage: Usage, eui: Uint8Array, commonName?: string, issuer: Built = pki.oca) =>
    buildCertificate(organisation({ label: `duis-${label}`, role, usage, eui, commonName, issuer }));
  const supplierEui = partyEui(1);
  const expired = organisation({ label: 'duis-supplier-xml-expired', role: '87', usage: 'ds', eui: supplierEui, commonName: 'SAMPLEXMLSIGNER', issuer: pki.oca });
  expired.validity = seq(utcTime('210101000000Z'), utcTime('251231235959Z'));
  // Issued by a CA whose certificate is in no sample: it chains to no path.
  const foreignOca = buildCertificate(issuingOca('duis-foreign-oca', 'T8', pki.root));
  return {
    supplier: {
      ds: org('supplier-ds', '02', 'ds', supplierEui, 'SAMPLESUPPLIER'),
      ka: org('supplier-ka', '02', 'ka', supplierEui),
      topUp: org('supplier-ka-top-up', '02', 'ka', supplierEui),
      xml: org('supplier-xml', '87', 'ds', supplierEui, 'SAMPLEXMLSIGNER'),
      xmlExpired: buildCertificate(expired),
      role86: org('supplier-86', '86', 'ds', supplierEui),
      kaForeign: org('supplier-ka-foreign', '02', 'ka', supplierEui, undefined, foreignOca),
    },
    networkOperator: {
      ds: org('network-operator-ds', '03', 'ds', partyEui(2)),
      ka: org('network-operator-ka', '03', 'ka', partyEui(2)),
      ka2: org('network-operator-ka-2', '03', 'ka', partyEui(2)),
      xml: org('network-operator-xml', '87', 'ds', partyEui(2)),
    },
    acb: { ds: org('acb-ds', '04', 'ds', partyEui(3)), ka: org('acb-ka', '04', 'ka', partyEui(3)), xml: org('acb-xml', '87', 'ds', partyEui(3)) },
    otherUser: { ka: org('other-user-ka', '7F', 'ka', partyEui(4)), xml: org('other-user-xml', '87', 'ds', partyEui(4)) },
    otherSupplierKa: org('other-supplier-ka', '02', 'ka', partyEui(5)),
    device: buildCertificate(device({ label: 'duis-device-ds', usage: 'ds', hwSerialNum: DEVICE_EUI, issuer: pki.deviceCa })),
    spareOca: buildCertificate(issuingOca('duis-spare-oca', 'TB', pki.root)),
    pki,
  };
}

interface RequestSpec {
  sender: Built;
  target?: string;
  variant: string;
  body: string;
  /** The certificate ds:KeyInfo names (default: the sender). */
  keyInfo?: Built;
  requestId?: string;
  schemaVersion?: string;
}

const INDENT = '  ';

function requestXml(spec: RequestSpec): string {
  const signer = spec.keyInfo ?? spec.sender;
  // Every sample certificate here is issued by the sample Issuing OCA, OU=07, CN=T1.
  return duisRequestXml({ requestId: spec.requestId ?? `${euiText(senderEui(spec.sender))}:${spec.target ?? DCC}:1000`, variant: spec.variant, body: spec.body, schemaVersion: spec.schemaVersion, keyInfo: { issuer: 'CN=T1, OU=07', serial: serialOf(signer) } });
}

/** A DUIS request as DUIS Users write them: one certificate per line, an enveloped ds:Signature whose KeyInfo names the signer. */
export function duisRequestXml(o: { requestId: string; variant: string; body: string; keyInfo: { issuer: string; serial: bigint }; schemaVersion?: string }): string {
  const reference = o.variant.split('.').slice(0, 2).join('.');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<sr:Request xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="${o.schemaVersion ?? '5.4'}">`,
    '  <sr:Header>',
    `    <sr:RequestID>${o.requestId}</sr:RequestID>`,
    '    <sr:CommandVariant>1</sr:CommandVariant>',
    `    <sr:ServiceReference>${reference}</sr:ServiceReference>`,
    `    <sr:ServiceReferenceVariant>${o.variant}</sr:ServiceReferenceVariant>`,
    '  </sr:Header>',
    '  <sr:Body>',
    o.body,
    '  </sr:Body>',
    '  <ds:Signature>',
    '    <!-- Not signed: the sample shows the certificate that will sign it. -->',
    '    <ds:SignedInfo>',
    '      <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
    '      <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>',
    '      <ds:Reference URI="">',
    '        <ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>',
    '        <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>',
    '        <ds:DigestValue>AA==</ds:DigestValue>',
    '      </ds:Reference>',
    '    </ds:SignedInfo>',
    '    <ds:SignatureValue>AA==</ds:SignatureValue>',
    '    <ds:KeyInfo>',
    '      <ds:X509Data>',
    '        <ds:X509IssuerSerial>',
    `          <ds:X509IssuerName>${o.keyInfo.issuer}</ds:X509IssuerName>`,
    `          <ds:X509SerialNumber>${o.keyInfo.serial}</ds:X509SerialNumber>`,
    '        </ds:X509IssuerSerial>',
    '      </ds:X509Data>',
    '    </ds:KeyInfo>',
    '  </ds:Signature>',
    '</sr:Request>',
    '',
  ].join('\n');
}

/** The x500UniqueIdentifier of an organisation certificate built here: its last 8 subject octets. */
function senderEui(built: Built): Uint8Array {
  return built.subject.subarray(built.subject.length - 8);
}

/** An element and its children, indented by depth (4 is a body element's). */
function element(depth: number, name: string, ...children: string[]): string {
  const pad = INDENT.repeat(depth);
  return [`${pad}<sr:${name}>`, ...children, `${pad}</sr:${name}>`].join('\n');
}

function leaf(depth: number, name: string, value: string): string {
  return `${INDENT.repeat(depth)}<sr:${name}>${value}</sr:${name}>`;
}

/** The DER of a party's replacement certificates, by cell. */
export type Cells = Partial<Record<'DigitalSigningCertificate' | 'KeyAgreementCertificate' | 'KeyAgreementTopUpCertificate', Uint8Array>>;

type BuiltCells = Partial<Record<keyof Cells, Built>>;

const ders = (certificates: BuiltCells): Cells => Object.fromEntries(Object.entries(certificates).map(([cell, built]) => [cell, built.der]));

function cells(depth: number, certificates: Cells): string[] {
  return (['DigitalSigningCertificate', 'KeyAgreementCertificate', 'KeyAgreementTopUpCertificate'] as const).filter((c) => certificates[c]).map((c) => leaf(depth, c, b64(certificates[c]!)));
}

function path(depth: number, certificates: Uint8Array[]): string {
  return element(depth, 'CertificationPathCertificates', ...certificates.map((c) => leaf(depth + 1, 'Certificate', b64(c))));
}

/** The body of an Update Security Credentials (KRP) request. */
export function krpBody(role: string, certificates: Cells, pathCertificates: Uint8Array[]): string {
  return element(
    2,
    'UpdateSecurityCredentialsKRP',
    leaf(3, 'RemotePartyRole', role),
    leaf(3, 'RemotePartyFloorSeqNumber', '0'),
    element(3, 'ReplacementCertificates', element(4, 'SupplierOrNetworkOperatorCertificates', ...cells(5, certificates))),
    path(3, pathCertificates),
    leaf(3, 'ApplyTimeBasedCPVChecks', 'true'),
  );
}

function handover(d: DuisPki, role: string, certificates: BuiltCells): string {
  return element(2, 'RequestHandoverOfDCCControlledDevice', leaf(3, 'RemotePartyRole', role), leaf(3, 'RemotePartyFloorSeqNumber', '0'), element(3, 'ReplacementCertificates', ...cells(4, ders(certificates))), path(3, [d.pki.oca.der]), leaf(3, 'ApplyTimeBasedCPVChecks', 'true'));
}

function deviceUpdate(certificate: Built): string {
  return element(2, 'UpdateSecurityCredentialsDevice', leaf(3, 'DeviceCertificate', b64(certificate.der)));
}

/** A read whose response is encrypted for an Other User: its Key Agreement credentials ride in the request. */
function urpRead(body: string, ka: Built): string {
  return element(2, body, element(3, 'ReadLogPeriod', leaf(4, 'StartDateTime', '2026-05-01T00:00:00Z'), leaf(4, 'EndDateTime', '2026-05-02T00:00:00Z')), leaf(3, 'KAPublicSecurityCredentials', b64(ka.der)));
}

/**
 * A finding a request gets: the request's own at the start tag of an element (its nth occurrence in
 * the XML written), or a certificate's, item `item` of the request (0 is the request itself), at
 * an offset of that certificate's DER.
 */
type DuisExpected = { rule: string; path: string } & ({ element: string; nth: number } | { item: number; der: Uint8Array; locate: (der: Uint8Array) => number } | { item: number });

const KRP = 'sr:Body/sr:UpdateSecurityCredentialsKRP';
const KRP_CELL = (cell: string) => `${KRP}/sr:ReplacementCertificates/sr:SupplierOrNetworkOperatorCertificates/sr:${cell}`;
const KRP_PATH = (n: number) => `${KRP}/sr:CertificationPathCertificates/sr:Certificate${n > 1 ? `[${n}]` : ''}`;
const DEVICE_CELL = 'sr:Body/sr:UpdateSecurityCredentialsDevice/sr:DeviceCertificate';

const atElement = (rule: string, path: string, element: string, nth = 0): DuisExpected => ({ rule, path, element, nth });
const inCertificate = (rule: string, path: string, item: number, der: Uint8Array, locate: (der: Uint8Array) => number): DuisExpected => ({ rule, path, item, der, locate });

/** Line and column (from 1) of the nth occurrence of `text` in the XML: where the reader places an element. */
function lineAndColumn(xml: string, text: string, nth: number): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = xml.indexOf(text, at + 1);
    if (at < 0) throw new Error(`${text} occurs ${k} times, not ${nth + 1}`);
  }
  const before = xml.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** The golden findings of a request file of `items` items, in the manifest's order. */
function duisFindings(expected: readonly DuisExpected[], xml: string, items: number): ExpectedFinding[] {
  const several = items > 1;
  return expected
    .map((e): ExpectedFinding => {
      const item = 'item' in e ? e.item : 0;
      const where = 'element' in e ? lineAndColumn(xml, e.element, e.nth) : 'locate' in e ? { offset: e.locate(e.der) } : {};
      return { ruleId: e.rule, path: e.path, ...where, ...(several ? { item } : {}) };
    })
    .sort(compareFindings);
}

/** Where the value of the attribute `attribute` starts in a certificate's DER. */
const attributeValueIn = (attribute: Uint8Array) => (der: Uint8Array) => at.attributeValue('item', attribute)(bytesLayout(der));

interface DuisSample {
  file: string;
  description: string;
  spec: RequestSpec;
  /** The certificate --signer names for the signer rules. */
  signer: Built;
  expect: DuisExpected[];
  expectSigner?: string[];
}

function samples(d: DuisPki): DuisSample[] {
  const s = d.supplier;
  const no = d.networkOperator;
  const supplierCells: BuiltCells = { DigitalSigningCertificate: s.ds, KeyAgreementCertificate: s.ka, KeyAgreementTopUpCertificate: s.topUp };
  const supplierKrp = (certificates: BuiltCells, pathCertificates: Built[] = [d.pki.oca]) => ({ sender: s.xml, variant: '6.15.1', body: krpBody('Supplier', ders(certificates), pathCertificates.map((c) => c.der)) });
  const URP: [string, string][] = [
    ['4.4.2', 'RetrieveCoMOrTariffTriggeredBillingDataLog'],
    ['4.4.3', 'RetrieveBillingCalendarTriggeredBillingDataLog'],
    ['4.6.1', 'RetrieveImportDailyReadLog'],
    ['4.8.1', 'ReadActiveImportProfileData'],
    ['4.10', 'ReadNetworkData'],
    ['4.14', 'ReadPrepaymentDailyReadLog'],
    ['4.17', 'RetrieveDailyConsumptionLog'],
  ];
  const valid: DuisSample[] = [
    { file: 'valid/6.15.1-krp-supplier.xml', description: 'Update Security Credentials (KRP), RemotePartyRole Supplier: the supplier\'s signing, key agreement and prepayment top-up certificates, path: the Issuing OCA.', spec: supplierKrp(supplierCells), signer: s.xml, expect: [] },
    { file: 'valid/6.15.2-device.xml', description: 'Update Security Credentials (Device): the target Device\'s own certificate.', spec: { sender: s.xml, variant: '6.15.2', target: euiText(DEVICE_EUI), body: deviceUpdate(d.device) }, signer: s.xml, expect: [] },
    { file: 'valid/6.21-handover-network-operator.xml', description: 'Request Handover of DCC Controlled Device, RemotePartyRole NetworkOperator: its signing and key agreement certificates.', spec: { sender: no.xml, variant: '6.21', body: handover(d, 'NetworkOperator', { DigitalSigningCertificate: no.ds, KeyAgreementCertificate: no.ka }) }, signer: no.xml, expect: [] },
    {
      file: 'valid/6.23-cos.xml',
      description: 'Update Security Credentials (CoS): the incoming supplier\'s three certificates.',
      spec: { sender: s.xml, variant: '6.23', body: element(2, 'UpdateSecurityCredentialsCoS', leaf(3, 'SupplierFloorSeqNumber', '0'), element(3, 'SupplierReplacementCertificates', ...cells(4, ders(supplierCells))), path(3, [d.pki.oca.der]), leaf(3, 'ApplyTimeBasedCPVChecks', 'true'), leaf(3, 'ImportMPxN', '1234567890123')) },
      signer: s.xml,
      expect: [],
    },
    {
      file: 'valid/8.5-service-opt-out.xml',
      description: 'Service Opt Out: the ACB\'s signing and key agreement certificates.',
      spec: { sender: d.acb.xml, variant: '8.5', body: element(2, 'ServiceOptOut', leaf(3, 'ExecutionDateTime', '2026-07-01T00:00:00Z'), leaf(3, 'ACBFloorSeqNumber', '0'), element(3, 'ReplacementCertificates', ...cells(4, ders({ DigitalSigningCertificate: d.acb.ds, KeyAgreementCertificate: d.acb.ka }))), path(3, [d.pki.oca.der]), leaf(3, 'ApplyTimeBasedCPVChecks', 'true')) },
      signer: d.acb.xml,
      expect: [],
    },
    ...URP.map(([variant, body]): DuisSample => ({ file: `valid/${variant}-${kebab(body)}.xml`, description: `${body}: an Other User's Key Agreement credentials (KAPublicSecurityCredentials) for the response.`, spec: { sender: d.otherUser.xml, variant, target: euiText(DEVICE_EUI), body: urpRead(body, d.otherUser.ka) }, signer: d.otherUser.xml, expect: [] })),
    {
      file: 'valid/5.1-create-schedule.xml',
      description: 'Create Schedule of a read for an Other User, with its Key Agreement credentials (KAPublicSecurityCredential).',
      spec: { sender: d.otherUser.xml, variant: '5.1', body: element(2, 'CreateSchedule', leaf(3, 'ScheduleFrequency', 'Daily'), leaf(3, 'ScheduleStartDate', '2026-07-01'), leaf(3, 'KAPublicSecurityCredential', b64(d.otherUser.ka.der)), leaf(3, 'DSPScheduledServiceReference', '4.6'), leaf(3, 'DSPScheduledServiceReferenceVariant', '4.6.1'), leaf(3, 'DeviceID', euiText(DEVICE_EUI)), element(3, 'DSPRetrieveImportDailyReadLog', leaf(4, 'StartDateOffset', '-1'), leaf(4, 'StartTime', '00:00:00'), leaf(4, 'EndDateOffset', '0'), leaf(4, 'EndTime', '00:00:00'))) },
      signer: d.otherUser.xml,
      expect: [],
    },
  ];
  const defects: DuisSample[] = [
    { file: 'defects/swapped-ds-ka.xml', description: 'KRP Supplier with the signing and key agreement certificates in each other\'s elements.', spec: supplierKrp({ DigitalSigningCertificate: s.ka, KeyAgreementCertificate: s.ds }), signer: s.xml, expect: [atElement('duis.cell.key-usage', KRP_CELL('DigitalSigningCertificate'), '<sr:DigitalSigningCertificate>'), atElement('duis.cell.key-usage', KRP_CELL('KeyAgreementCertificate'), '<sr:KeyAgreementCertificate>')] },
    { file: 'defects/network-operator-in-supplier.xml', description: 'KRP Supplier whose signing certificate is a network operator\'s (OU 03).', spec: supplierKrp({ DigitalSigningCertificate: no.ds }), signer: s.xml, expect: [atElement('duis.cell.role-mismatch', KRP_CELL('DigitalSigningCertificate'), '<sr:DigitalSigningCertificate>')] },
    { file: 'defects/role-86.xml', description: 'KRP Supplier whose signing certificate has OU 86 (reserved; the OCP erratum): reported on the certificate, at its element.', spec: supplierKrp({ DigitalSigningCertificate: s.role86 }), signer: s.xml, expect: [inCertificate('org.role.reserved', CERT.subjectAttribute('organizationalUnitName'), 1, s.role86.der, attributeValueIn(ou(utf8String('86'))))] },
    { file: 'defects/not-chained.xml', description: 'KRP Supplier whose key agreement certificate was issued by an Issuing OCA (T8) that is not in the request\'s path (nor anywhere in the run).', spec: supplierKrp({ DigitalSigningCertificate: s.ds, KeyAgreementCertificate: s.kaForeign }), signer: s.xml, expect: [atElement('duis.path.not-chained', KRP_CELL('KeyAgreementCertificate'), '<sr:KeyAgreementCertificate>'), inCertificate('chain.not-checked', CERT.issuer, 2, s.kaForeign.der, (der) => indexOfUnique(der, caName('07', 'T8'), 'issuer'))] },
    { file: 'defects/wrong-signer.xml', description: 'A valid KRP Supplier request to be signed with the supplier\'s 02 digital signing certificate instead of its 87 XML signing certificate.', spec: { ...supplierKrp(supplierCells), keyInfo: s.ds }, signer: s.ds, expect: [], expectSigner: ['duis.signer.role'] },
    { file: 'defects/signer-other-party.xml', description: 'A KRP Supplier request to be signed with the network operator\'s XML signing certificate: not the sender in sr:RequestID.', spec: { ...supplierKrp(supplierCells), keyInfo: no.xml }, signer: no.xml, expect: [], expectSigner: ['duis.signer.eui-mismatch'] },
    { file: 'defects/signer-expired.xml', description: 'A KRP Supplier request to be signed with an XML signing certificate that expired at the end of 2025.', spec: { ...supplierKrp(supplierCells), keyInfo: s.xmlExpired }, signer: s.xmlExpired, expect: [], expectSigner: ['duis.signer.validity'] },
    { file: 'defects/key-info-serial.xml', description: 'ds:KeyInfo names the serial of the supplier\'s signing certificate, not of its XML signing certificate that will sign.', spec: { ...supplierKrp(supplierCells), keyInfo: s.ds }, signer: s.xml, expect: [], expectSigner: ['duis.signer.key-info-mismatch'] },
    { file: 'defects/request-id.xml', description: 'sr:RequestID with one EUI-64 only.', spec: { ...supplierKrp(supplierCells), requestId: `${euiText(partyEui(1))}:1000` }, signer: s.xml, expect: [atElement('duis.request.request-id', 'sr:Header/sr:RequestID', '<sr:RequestID>')] },
    { file: 'defects/remote-party-role.xml', description: 'sr:RemotePartyRole \'Supplyer\', not a value of the schema.', spec: { sender: s.xml, variant: '6.15.1', body: krpBody('Supplyer', ders(supplierCells), [d.pki.oca.der]) }, signer: s.xml, expect: [atElement('duis.request.remote-party-role', `${KRP}/sr:RemotePartyRole`, '<sr:RemotePartyRole>')] },
    { file: 'defects/schema-version-3.xml', description: 'A request declaring schemaVersion 3.0.', spec: { ...supplierKrp(supplierCells), schemaVersion: '3.0' }, signer: s.xml, expect: [atElement('duis.request.schema-version', 'sr:Request/@schemaVersion', '<sr:Request ')] },
    { file: 'defects/organisation-as-device.xml', description: 'Update Security Credentials (Device) carrying an Organisation Certificate.', spec: { sender: s.xml, variant: '6.15.2', target: euiText(DEVICE_EUI), body: deviceUpdate(s.ds) }, signer: s.xml, expect: [atElement('duis.cell.kind', DEVICE_CELL, '<sr:DeviceCertificate>')] },
    { file: 'defects/device-not-target.xml', description: 'Update Security Credentials (Device) addressed to another Device than the one its certificate names.', spec: { sender: s.xml, variant: '6.15.2', target: euiText(partyEui(2, 9)), body: deviceUpdate(d.device) }, signer: s.xml, expect: [atElement('duis.device.eui-not-target', DEVICE_CELL, '<sr:DeviceCertificate>')] },
    { file: 'defects/top-up-for-network-operator.xml', description: 'Handover NetworkOperator with a KeyAgreementTopUpCertificate, a cell only suppliers are seen to hold.', spec: { sender: no.xml, variant: '6.21', body: handover(d, 'NetworkOperator', { DigitalSigningCertificate: no.ds, KeyAgreementCertificate: no.ka, KeyAgreementTopUpCertificate: no.ka2 }) }, signer: no.xml, expect: [atElement('duis.cell.not-held-by-party', 'sr:Body/sr:RequestHandoverOfDCCControlledDevice/sr:ReplacementCertificates/sr:KeyAgreementTopUpCertificate', '<sr:KeyAgreementTopUpCertificate>')] },
    { file: 'defects/two-parties.xml', description: 'KRP Supplier whose key agreement certificate belongs to another supplier (another EUI-64).', spec: supplierKrp({ DigitalSigningCertificate: s.ds, KeyAgreementCertificate: d.otherSupplierKa }), signer: s.xml, expect: [atElement('duis.party.eui-mismatch', KRP_CELL('KeyAgreementCertificate'), '<sr:KeyAgreementCertificate>')] },
    { file: 'defects/path-not-ca.xml', description: 'KRP Supplier whose path also carries an Organisation Certificate.', spec: supplierKrp(supplierCells, [d.pki.oca, no.ds]), signer: s.xml, expect: [atElement('duis.path.not-ca', KRP_PATH(2), '<sr:Certificate>', 1), atElement('duis.path.unused', KRP_PATH(2), '<sr:Certificate>', 1)] },
    { file: 'defects/path-unused.xml', description: 'KRP Supplier whose path also carries an Issuing OCA (TB) that issued none of its certificates.', spec: supplierKrp(supplierCells, [d.pki.oca, d.spareOca]), signer: s.xml, expect: [atElement('duis.path.unused', KRP_PATH(2), '<sr:Certificate>', 1)] },
  ];
  return [...valid, ...defects];
}

function kebab(name: string): string {
  return name.replace('CoM', 'Com').replace(/([a-z])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

/** The request files, the XML signing certificates they name, and the inputs that are not well-formed requests. */
export function duisSamples(pki: ValidPki): SampleFile[] {
  const d = buildDuisPki(pki);
  const signerFiles: [string, Built, string][] = [
    ['supplier-xml-signer', d.supplier.xml, 'the supplier\'s XML signing certificate (OU 87), EUI-64 of the supplier\'s credentials'],
    ['network-operator-xml-signer', d.networkOperator.xml, 'the network operator\'s XML signing certificate (OU 87)'],
    ['acb-xml-signer', d.acb.xml, 'the ACB\'s XML signing certificate (OU 87)'],
    ['other-user-xml-signer', d.otherUser.xml, 'an Other User\'s XML signing certificate (OU 87)'],
    ['supplier-ds', d.supplier.ds, 'the supplier\'s digital signing certificate (OU 02): signs GBCS commands, not DUIS requests'],
  ];
  const files: SampleFile[] = signerFiles.map(([stem, built, description]) => ({ file: `duis/signers/${stem}.pem`, kind: 'organisation', description: `Signer: ${description}.`, expect: [], findings: [], content: toPem(built.der) }));
  const expired = d.supplier.xmlExpired.der;
  files.push({
    file: 'duis/signers/supplier-xml-signer-expired.pem',
    kind: 'organisation',
    description: 'Signer: the supplier\'s XML signing certificate of 2021 to 2025, expired.',
    expect: ['cert.validity.expired'],
    findings: [{ ruleId: 'cert.validity.expired', path: CERT.notAfter, offset: indexOfUnique(expired, utcTime('251231235959Z'), 'notAfter') }],
    content: toPem(expired),
  });
  const signerFile = new Map<Built, string>([...signerFiles.map(([stem, built]) => [built, `duis/signers/${stem}.pem`] as const), [d.supplier.xmlExpired, 'duis/signers/supplier-xml-signer-expired.pem']]);
  for (const sample of samples(d)) {
    const content = requestXml(sample.spec);
    const items = 1 + (content.match(/>MII[^<]+</g) ?? []).length;
    files.push({
      file: `duis/${sample.file}`,
      kind: 'unknown',
      document: 'duis-request',
      description: sample.description,
      expect: [...new Set(sample.expect.map((e) => e.rule))],
      findings: duisFindings(sample.expect, content, items),
      content,
      items,
      signer: signerFile.get(sample.signer)!,
      expectSigner: sample.expectSigner ?? [],
    });
  }
  const valid = requestXml({ sender: d.supplier.xml, variant: '6.15.1', body: krpBody('Supplier', { DigitalSigningCertificate: d.supplier.ds.der }, [d.pki.oca.der]) });
  const badBase64 = valid.replace(/<sr:DigitalSigningCertificate>[^<]*/, '<sr:DigitalSigningCertificate>not base64!');
  files.push(
    {
      file: 'duis/defects/bad-base64.xml',
      kind: 'unknown',
      document: 'duis-request',
      description: 'KRP Supplier whose signing certificate element holds text that is not base64.',
      expect: ['input.invalid-encoding', 'duis.path.unused'],
      // The unreadable element is item 1; the path certificate then issued nothing in the request.
      findings: duisFindings([atElement('duis.path.unused', KRP_PATH(1), '<sr:Certificate>'), { rule: 'input.invalid-encoding', path: 'input', item: 1 }], badBase64, 3),
      content: badBase64,
      items: 3,
    },
    { file: 'duis/defects/not-well-formed.xml', kind: 'unknown', description: 'A DUIS request cut short: not well-formed XML.', expect: ['input.invalid-encoding'], findings: [{ ruleId: 'input.invalid-encoding', path: 'input' }], content: valid.slice(0, valid.indexOf('</sr:Body>')) },
  );
  return files;
}
