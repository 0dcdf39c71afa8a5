import type { DuisRequest } from '../duis/request.js';

/** What a DUIS request result says about the request itself. */
export interface DuisSummary {
  /** The body's request element, e.g. "UpdateSecurityCredentialsKRP". */
  requestType?: string;
  /** Its name and Service Reference Variant in the placement table, for a request type that carries certificates. */
  title?: string;
  serviceReferenceVariant?: string;
  requestId?: string;
  /** The sending DCC User's EUI-64 (the first of the RequestID). */
  originator?: string;
  target?: string;
  remotePartyRole?: string;
  schemaVersion?: string;
  /** How many certificate elements it has (the items that follow it). */
  certificates: number;
}

export function duisSummary(request: DuisRequest): DuisSummary {
  const s: DuisSummary = { certificates: request.certificates.length };
  if (request.body) s.requestType = request.body.text;
  if (request.placement) s.title = request.placement.title;
  if (request.serviceReferenceVariant !== undefined) s.serviceReferenceVariant = request.serviceReferenceVariant;
  if (request.requestId) {
    s.requestId = request.requestId.text;
    if (request.requestId.originator) s.originator = request.requestId.originator;
    if (request.requestId.target) s.target = request.requestId.target;
  }
  if (request.remotePartyRole) s.remotePartyRole = request.remotePartyRole.text;
  if (request.schemaVersion !== undefined) s.schemaVersion = request.schemaVersion;
  return s;
}
