import { compareNames } from '../../chain/index.js';
import { bytesEqual } from '../../der/index.js';
import type { XmlLocation } from '../../duis/request.js';
import type { DuisRequest } from '../../duis/request.js';
import { CELL_DEFAULTS, REMOTE_PARTY_ROLES, isRemotePartyRole } from '../../duis/placements.js';
import type { CellExpectation, RemotePartyRole, RemotePartyRoleName } from '../../duis/placements.js';
import type { DuisCertificate, Report } from '../../lint/index.js';
import type { Certificate } from '../../x509/index.js';
import { extensionValue, formatName } from '../../x509/index.js';
import { keyIdHex } from '../chain/support.js';
import { withArticle } from '../support.js';

/** The citation of everything the DUIS schema itself settles. */
export const DUIS_SCHEMA = 'DUIS 5.4 XML schema (SEC Appendix AD)';

/** Where a finding about an XML element points. */
export function at(location: XmlLocation): Pick<Report, 'path' | 'line' | 'column'> {
  return { path: location.element, line: location.line, column: location.column };
}

/** "sr:DigitalSigningCertificate (line 17)": the element's own name and line. */
export function elementName(location: XmlLocation): string {
  const last = location.element.slice(location.element.lastIndexOf('/') + 1);
  return `${last} (line ${location.line})`;
}

/** The party whose replacement credentials a request carries, and how the request names it. */
export interface Party {
  name: RemotePartyRoleName;
  role: RemotePartyRole;
  /** "sr:RemotePartyRole 'Supplier'" or "an Update Security Credentials (CoS) request". */
  namedBy: string;
}

export function partyOf(request: DuisRequest): Party | undefined {
  const party = request.placement?.party;
  if (!party) return undefined;
  if (party !== 'RemotePartyRole') return { name: party, role: REMOTE_PARTY_ROLES[party], namedBy: `${withArticle(request.placement!.title)} request, which always carries the ${party}'s credentials` };
  const value = request.remotePartyRole?.text;
  if (value === undefined || !isRemotePartyRole(value)) return undefined;
  return { name: value, role: REMOTE_PARTY_ROLES[value], namedBy: `sr:RemotePartyRole '${value}'` };
}

/** What a certificate element takes: its party's cell, or the element's own expectation. */
export function expectationOf(c: DuisCertificate, party: Party | undefined): CellExpectation | undefined {
  const spec = c.place.spec;
  if (spec.cell) return party?.role.cells[spec.cell] ?? CELL_DEFAULTS[spec.cell];
  return spec.usage && spec.kinds ? { usage: spec.usage, kinds: spec.kinds } : undefined;
}

/** The replacement certificates that decoded. */
export function replacements(certificates: readonly DuisCertificate[]): (DuisCertificate & Required<Pick<DuisCertificate, 'cert' | 'view'>>)[] {
  return certificates.filter((c): c is DuisCertificate & Required<Pick<DuisCertificate, 'cert' | 'view'>> => c.place.spec.purpose === 'replacement' && c.cert !== undefined && c.view !== undefined);
}

export function pathCertificates(certificates: readonly DuisCertificate[]): (DuisCertificate & Required<Pick<DuisCertificate, 'cert' | 'view' | 'sha256'>>)[] {
  return certificates.filter((c): c is DuisCertificate & Required<Pick<DuisCertificate, 'cert' | 'view' | 'sha256'>> => c.place.spec.purpose === 'path' && c.cert !== undefined && c.sha256 !== undefined);
}

/** Whether parent's subject is child's issuer name and parent's SKI child's AKI; else what differs. */
export function issuerLink(child: Certificate, parent: Certificate): { linked: true } | { linked: false; reason: string } {
  if (compareNames(child.issuer, parent.subject).equal === 'no') return { linked: false, reason: `its issuer '${formatName(child.issuer)}' is not the subject '${formatName(parent.subject)}'` };
  const aki = extensionValue(child, 'authorityKeyIdentifier')?.keyIdentifier;
  const ski = extensionValue(parent, 'subjectKeyIdentifier');
  if (!bytesEqual(aki, ski)) return { linked: false, reason: `its authorityKeyIdentifier ${hex(aki)} is not the subjectKeyIdentifier ${hex(ski)} of '${formatName(parent.subject)}'` };
  return { linked: true };
}

function hex(bytes: Uint8Array | undefined): string {
  return bytes ? keyIdHex(bytes) : '(none)';
}
