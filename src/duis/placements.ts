// Where the DUIS 5.4 schema puts certificates in a service request, and what each place takes:
// the data the request-level rules read. Every request type of the schema whose body carries a
// certificate is listed; a type not listed carries none.
import type { CertificateKind } from '../smki/index.js';

/** The DUIS request namespace and the XML Signature namespace. */
export const DUIS_NS = 'http://www.dccinterface.co.uk/ServiceUserGateway';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** The key usage a place takes: the one its element is named for, or a CA's for the Root cell. */
export type CellUsage = 'digitalSignature' | 'keyAgreement' | 'keyCertSign';

/**
 * What a certificate is there for: a party's replacement credentials (written into the Device's
 * trust anchor cells), their certification path, a Device's own certificate, or the Key
 * Agreement credentials of an Unknown Remote Party (used to encrypt the response, not stored).
 */
export type CellPurpose = 'replacement' | 'path' | 'device' | 'urp';

/** The three cells of a party's replacement credentials, by their element names. */
export type ReplacementCell = 'DigitalSigningCertificate' | 'KeyAgreementCertificate' | 'KeyAgreementTopUpCertificate';

export interface CellSpec {
  /** Local names of the elements from the body element down (the DUIS namespace throughout). */
  path: readonly string[];
  purpose: CellPurpose;
  /** For replacement cells: which of the party's cells this is (its expectations depend on the party). */
  cell?: ReplacementCell;
  /** What a path, device or URP element takes. */
  usage?: CellUsage;
  kinds?: readonly CertificateKind[];
}

/** One request type: its body element, Service Reference Variant and the places it carries certificates. */
export interface RequestPlacement {
  body: string;
  service: string;
  title: string;
  /** Whose replacement credentials it carries: named by sr:RemotePartyRole, or always this party. */
  party?: 'RemotePartyRole' | RemotePartyRoleName;
  cells: readonly CellSpec[];
}

/** The schema's sr:RemotePartyRole enumeration. */
export type RemotePartyRoleName = 'Root' | 'Recovery' | 'Supplier' | 'NetworkOperator' | 'ACB' | 'TransCoS' | 'LoadController';

export interface CellExpectation {
  usage: CellUsage;
  kinds: readonly CertificateKind[];
}

export interface RemotePartyRole {
  /** The Remote Party Role Code its certificates carry in the subject OU, as two hex characters. */
  hex: string;
  /** The cells the party holds in a Device's trust anchors, with what each takes. */
  cells: Readonly<Partial<Record<ReplacementCell, CellExpectation>>>;
}

const ORGANISATION: readonly CertificateKind[] = ['organisation'];
const DS: CellExpectation = { usage: 'digitalSignature', kinds: ORGANISATION };
const KA: CellExpectation = { usage: 'keyAgreement', kinds: ORGANISATION };

/**
 * sr:RemotePartyRole values, their role codes (spec section 5a) and the cells each party holds:
 * the key usages seen per role (spec section 2); only a supplier has a prepayment top-up cell; the
 * Root cell holds the Root OCA certificate itself.
 */
export const REMOTE_PARTY_ROLES: Readonly<Record<RemotePartyRoleName, RemotePartyRole>> = {
  Root: { hex: '00', cells: { DigitalSigningCertificate: { usage: 'keyCertSign', kinds: ['root'] } } },
  Recovery: { hex: '01', cells: { DigitalSigningCertificate: DS } },
  Supplier: { hex: '02', cells: { DigitalSigningCertificate: DS, KeyAgreementCertificate: KA, KeyAgreementTopUpCertificate: KA } },
  NetworkOperator: { hex: '03', cells: { DigitalSigningCertificate: DS, KeyAgreementCertificate: KA } },
  ACB: { hex: '04', cells: { DigitalSigningCertificate: DS, KeyAgreementCertificate: KA } },
  TransCoS: { hex: '05', cells: { DigitalSigningCertificate: DS } },
  LoadController: { hex: '08', cells: { DigitalSigningCertificate: DS, KeyAgreementCertificate: KA } },
};

/** What a replacement cell takes when the party holds it, by its element name. */
export const CELL_DEFAULTS: Readonly<Record<ReplacementCell, CellExpectation>> = {
  DigitalSigningCertificate: DS,
  KeyAgreementCertificate: KA,
  KeyAgreementTopUpCertificate: KA,
};

const ALL_CELLS: readonly ReplacementCell[] = ['DigitalSigningCertificate', 'KeyAgreementCertificate', 'KeyAgreementTopUpCertificate'];

function replacement(parent: readonly string[], cells: readonly ReplacementCell[] = ALL_CELLS): CellSpec[] {
  return cells.map((cell) => ({ path: [...parent, cell], purpose: 'replacement', cell }));
}

/** sr:CertificationPathCertificates/sr:Certificate (one to three): Issuing OCA or Root OCA certificates. */
const PATH: CellSpec = { path: ['CertificationPathCertificates', 'Certificate'], purpose: 'path', usage: 'keyCertSign', kinds: ['issuing-oca', 'root'] };

function urp(body: string, service: string, title: string, element = 'KAPublicSecurityCredentials'): RequestPlacement {
  return { body, service, title, cells: [{ path: [element], purpose: 'urp', usage: 'keyAgreement', kinds: ORGANISATION }] };
}

export const REQUEST_PLACEMENTS: readonly RequestPlacement[] = [
  { body: 'UpdateSecurityCredentialsKRP', service: '6.15.1', title: 'Update Security Credentials (KRP)', party: 'RemotePartyRole', cells: [...replacement(['ReplacementCertificates', 'SupplierOrNetworkOperatorCertificates']), PATH] },
  { body: 'UpdateSecurityCredentialsDevice', service: '6.15.2', title: 'Update Security Credentials (Device)', cells: [{ path: ['DeviceCertificate'], purpose: 'device', kinds: ['device'] }] },
  { body: 'RequestHandoverOfDCCControlledDevice', service: '6.21', title: 'Request Handover of DCC Controlled Device', party: 'RemotePartyRole', cells: [...replacement(['ReplacementCertificates']), PATH] },
  { body: 'UpdateSecurityCredentialsCoS', service: '6.23', title: 'Update Security Credentials (CoS)', party: 'Supplier', cells: [...replacement(['SupplierReplacementCertificates']), PATH] },
  { body: 'ServiceOptOut', service: '8.5', title: 'Service Opt Out', party: 'ACB', cells: [...replacement(['ReplacementCertificates'], ['DigitalSigningCertificate', 'KeyAgreementCertificate']), PATH] },
  urp('RetrieveCoMOrTariffTriggeredBillingDataLog', '4.4.2', 'Retrieve Change of Mode / Tariff Triggered Billing Data Log'),
  urp('RetrieveBillingCalendarTriggeredBillingDataLog', '4.4.3', 'Retrieve Billing Calendar Triggered Billing Data Log'),
  urp('RetrieveImportDailyReadLog', '4.6.1', 'Retrieve Import Daily Read Log'),
  urp('ReadActiveImportProfileData', '4.8.1', 'Read Active Import Profile Data'),
  urp('ReadNetworkData', '4.10', 'Read Network Data'),
  urp('ReadPrepaymentDailyReadLog', '4.14', 'Read Prepayment Daily Read Log'),
  urp('RetrieveDailyConsumptionLog', '4.17', 'Retrieve Daily Consumption Log'),
  urp('CreateSchedule', '5.1', 'Create Schedule', 'KAPublicSecurityCredential'),
];

const BY_BODY = new Map(REQUEST_PLACEMENTS.map((p) => [p.body, p]));

export function placementOf(body: string): RequestPlacement | undefined {
  return BY_BODY.get(body);
}

export function isRemotePartyRole(value: string): value is RemotePartyRoleName {
  return Object.hasOwn(REMOTE_PARTY_ROLES, value);
}
