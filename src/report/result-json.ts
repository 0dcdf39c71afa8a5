import type { CertificateResult } from '../check/result.js';

/** The serialised form of one result (the decoded model stays out of the report). */
export function resultToJson(result: CertificateResult): Record<string, unknown> {
  const out: Record<string, unknown> = { source: result.source };
  if (result.document !== undefined) out.document = result.document;
  if (result.sha256 !== undefined) out.sha256 = result.sha256;
  if (result.kind !== undefined) out.kind = result.kind;
  if (result.kindReason !== undefined) out.kindReason = result.kindReason;
  if (result.subject !== undefined) out.subject = result.subject;
  if (result.issuer !== undefined) out.issuer = result.issuer;
  if (result.request !== undefined) out.request = result.request;
  if (result.duis !== undefined) out.duis = result.duis;
  out.findings = result.findings;
  if (result.notEffective.length > 0) out.notEffective = result.notEffective;
  return out;
}
