import { DerNode, Tag, oidOf } from '../../der/index.js';
import type { PolicyInformation } from '../types.js';

/** certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation. */
export function decodeCertificatePolicies(bytes: Uint8Array, root: DerNode): PolicyInformation[] | string {
  if (!root.is(Tag.Sequence) || root.children === null) return 'certificatePolicies is not a SEQUENCE';
  const policies: PolicyInformation[] = [];
  for (const info of root.children) {
    const id = info.children?.[0];
    if (!info.is(Tag.Sequence) || !id || !id.is(Tag.Oid)) return `PolicyInformation at offset ${info.offset} is not SEQUENCE { policyIdentifier OID, ... }`;
    policies.push({ oid: oidOf(bytes, id), hasQualifiers: info.children!.length > 1, offset: info.offset });
  }
  return policies;
}
