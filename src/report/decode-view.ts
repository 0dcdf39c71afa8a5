import { describeOid, toHex } from '../der/index.js';
import { KIND_TITLES, REQUEST_KIND_TITLES } from '../smki/index.js';
import type { SmkiView } from '../smki/index.js';
import { KNOWN_EXTENSIONS, findExtension, formatName } from '../x509/index.js';
import type { AlgorithmIdentifier, Certificate, CertificationRequest, DocumentModel, Extension, ExtensionValues, RelativeDistinguishedName, TimeField } from '../x509/index.js';
import type { DuisSummary } from '../check/duis-result.js';
import type { CertificateResult } from '../check/result.js';

/** One labelled line of a decoded document; an empty label continues the row above. */
export interface DecodeRow {
  label: string;
  value: string;
}

/** A document the way an SMKI engineer reads it, as data: `decode` prints it, the web page lays it out. */
export interface DecodeView {
  /** The SMKI reading first: kind, role, EUI-64, key usage, policy, validity (a request: what it asks for; a DUIS request: what it is). */
  summary: DecodeRow[];
  /** Every field, in order. */
  fields: DecodeRow[];
  /** DER violations and structural problems, each with its byte offset. */
  encoding: { tag: 'DER' | 'malformed'; text: string }[];
}

/** A certificate: kind, role, EUI-64, CN, key usage, policy, validity, issuer and SHA-256, then every field. */
export function certificateDecodeView(cert: Certificate, view: SmkiView, sha256: string): DecodeView {
  const summary: DecodeRow[] = [];
  const row = (label: string, value: string) => summary.push({ label, value });
  row('Kind', `${KIND_TITLES[view.kind]} (${view.kindReason})`);
  if (view.role) row('Role', roleText(view));
  if (view.eui64) row('EUI-64', `${view.eui64} (${view.eui64Source})`);
  if (view.commonName !== undefined) row('Common name', view.commonName);
  row('Key usage', view.keyUsage.length ? view.keyUsage.join(', ') : '(none)');
  row('Policy', view.policies.length ? view.policies.join(', ') : '(none)');
  row('Valid from', timeText(cert.validity?.notBefore));
  row('Valid until', timeText(cert.validity?.notAfter));
  row('Issuer', formatName(cert.issuer) + (view.selfIssued ? ' (self-issued)' : ''));
  row('SHA-256', sha256);

  const fields: DecodeRow[] = [];
  const field = (label: string, value: string) => fields.push({ label, value });
  field('Version', cert.version !== undefined ? `v${cert.version}` : '(unreadable)');
  if (cert.serialNumber) field('Serial', `${toHex(cert.serialNumber.bytes, ':')} (${cert.serialNumber.bytes.length} octets)`);
  field('Signature', algorithmText(cert.signature));
  field('Issuer', formatName(cert.issuer) + (cert.issuer ? ` ${nameTypes(cert.issuer.rdns)}` : ''));
  field('Subject', formatName(cert.subject) + (cert.subject ? ` ${nameTypes(cert.subject.rdns)}` : ''));
  keyRows(cert, field);
  if (cert.issuerUniqueIdPresent) field('Issuer unique ID', 'present');
  if (cert.subjectUniqueIdPresent) field('Subject unique ID', 'present');
  for (const ext of cert.extensions) field(`${ext.name ?? ext.oid}`, extensionText(ext));
  signatureRows(cert, field);
  return { summary, fields, encoding: encodingLines(cert) };
}

/**
 * A certification request: what it asks for first (kind, role, EUI-64, CN, key usage,
 * subjectAltName, key), then every field.
 */
export function requestDecodeView(csr: CertificationRequest, view: SmkiView, sha256: string): DecodeView {
  const summary: DecodeRow[] = [];
  const row = (label: string, value: string) => summary.push({ label, value });
  const spki = csr.subjectPublicKeyInfo;
  const san = findExtension(csr, 'subjectAltName');
  row('Kind', `${REQUEST_KIND_TITLES[view.kind]} (${view.kindReason})`);
  if (view.role) row('Role', roleText(view));
  if (view.eui64) row('EUI-64', `${view.eui64} (${view.eui64Source})`);
  if (view.commonName !== undefined) row('Common name', view.commonName);
  row('Requested key usage', view.keyUsage.length ? view.keyUsage.join(', ') : '(none)');
  row('Requested SAN', san ? extensionText(san) : '(none)');
  row('Key', spki ? `${spki.algorithm.parametersOid ? describeOid(spki.algorithm.parametersOid) : describeOid(spki.algorithm.oid)}, ${spki.pointFormat} point (${spki.publicKey.length} octets)` : '(unreadable)');
  row('SHA-256', sha256);

  const fields: DecodeRow[] = [];
  const field = (label: string, value: string) => fields.push({ label, value });
  field('Version', csr.version !== undefined ? `${csr.version}${csr.version === 0 ? ' (v1)' : ''}` : '(unreadable)');
  field('Subject', formatName(csr.subject) + (csr.subject ? ` ${nameTypes(csr.subject.rdns)}` : ''));
  keyRows(csr, field);
  field('Attributes', csr.attributes.length ? csr.attributes.map((a) => `${a.name ?? a.oid} (${a.valueCount} value${a.valueCount === 1 ? '' : 's'})`).join(', ') : '(none)');
  for (const ext of csr.extensions) field(`${ext.name ?? ext.oid}`, extensionText(ext));
  signatureRows(csr, field);
  return { summary, fields, encoding: encodingLines(csr) };
}

/** A DUIS request's header: what it is, whom it is from and to, and how many certificates follow. */
export function duisDecodeView(duis: DuisSummary): DecodeView {
  const summary: DecodeRow[] = [];
  const row = (label: string, value: string) => summary.push({ label, value });
  row('Document', `DUIS service request, schemaVersion ${duis.schemaVersion ?? '(none)'}`);
  row('Request type', duis.title ? `${duis.serviceReferenceVariant} ${duis.title} (sr:${duis.requestType})` : `sr:${duis.requestType ?? '(none)'}, which carries no certificate`);
  row('RequestID', duis.requestId ?? '(none)');
  if (duis.originator) row('Sender', `${duis.originator} (the DCC User; its XML signing certificate signs)`);
  if (duis.target) row('Target', duis.target);
  if (duis.remotePartyRole !== undefined) row('RemotePartyRole', duis.remotePartyRole);
  row('Certificates', `${duis.certificates} (the items that follow)`);
  return { summary, fields: [], encoding: [] };
}

type Row = (label: string, value: string) => void;

function keyRows(doc: DocumentModel, row: Row): void {
  const spki = doc.subjectPublicKeyInfo;
  if (!spki) return;
  row('Public key', `${describeOid(spki.algorithm.oid)}${spki.algorithm.parametersOid ? ', ' + describeOid(spki.algorithm.parametersOid) : ''}`);
  row('', `${spki.pointFormat} point, ${spki.publicKey.length} octets: ${toHex(spki.publicKey)}`);
}

function signatureRows(doc: DocumentModel, row: Row): void {
  row('Signature alg.', algorithmText(doc.signatureAlgorithm));
  if (doc.signatureValue) row('Signature value', toHex(doc.signatureValue));
}

function encodingLines(doc: DocumentModel): DecodeView['encoding'] {
  return [
    ...doc.violations.map((v) => ({ tag: 'DER' as const, text: `der.${v.kind} at offset ${v.offset}: ${v.message}` })),
    ...doc.problems.map((p) => ({ tag: 'malformed' as const, text: `${p.path} at offset ${p.offset}: ${p.message}` })),
  ];
}

function roleText(view: SmkiView): string {
  const r = view.role!;
  if (r.code === undefined) {
    const dec = r.decimal ? `; as decimal ${r.decimal.code} it would be hex '${r.decimal.hex}'${r.decimal.role ? ` (${r.decimal.role.name})` : ''}` : '';
    return `OU '${r.ou}' is not a two-hex-character role code${dec}`;
  }
  const name = r.role ? `${r.role.name}: ${r.role.title}` : 'not in the role table';
  return `0x${r.hex} = ${r.code} (${name})${r.status === 'reserved' ? ', reserved' : ''}; SMKI Repository code ${r.code}`;
}

function timeText(t: TimeField | undefined): string {
  if (!t) return '(missing)';
  const iso = t.ms === null ? 'unreadable' : new Date(t.ms).toISOString().replace('.000Z', 'Z');
  return `${iso} (${t.encoding} ${t.text})`;
}

function algorithmText(a: AlgorithmIdentifier | undefined): string {
  if (!a) return '(unreadable)';
  return `${describeOid(a.oid)}, parameters ${a.parameters}`;
}

function nameTypes(rdns: RelativeDistinguishedName[]): string {
  const types = rdns.flatMap((r) => r.attributes.map((a) => `${a.name ?? a.oid}:${a.valueType}`));
  return types.length ? `[${types.join(', ')}]` : '';
}

function extensionText(ext: Extension): string {
  const flag = ext.critical ? 'critical' : 'non-critical';
  if (ext.error) return `${flag}; undecodable: ${ext.error}`;
  const name = KNOWN_EXTENSIONS[ext.oid];
  if (!name || ext.parsed === undefined) return `${flag}; ${toHex(ext.value)}`;
  return `${flag}; ${valueText(name, ext.parsed)}`;
}

function valueText(name: keyof ExtensionValues, v: ExtensionValues[keyof ExtensionValues]): string {
  switch (name) {
    case 'keyUsage':
      return (v as ExtensionValues['keyUsage']).names.join(', ') || '(no bits)';
    case 'basicConstraints': {
      const bc = v as ExtensionValues['basicConstraints'];
      return `cA=${bc.cA ? 'TRUE' : 'FALSE'}${bc.pathLenConstraint !== undefined ? `, pathLenConstraint=${bc.pathLenConstraint}` : ''}`;
    }
    case 'subjectKeyIdentifier':
      return `${toHex(v as Uint8Array, ':').toUpperCase()} (${(v as Uint8Array).length} octets)`;
    case 'authorityKeyIdentifier': {
      const aki = v as ExtensionValues['authorityKeyIdentifier'];
      const parts = [aki.keyIdentifier ? `keyIdentifier ${toHex(aki.keyIdentifier, ':').toUpperCase()} (${aki.keyIdentifier.length} octets)` : 'no keyIdentifier'];
      if (aki.hasAuthorityCertIssuer) parts.push('authorityCertIssuer');
      if (aki.authorityCertSerialNumber) parts.push(`authorityCertSerialNumber ${toHex(aki.authorityCertSerialNumber)}`);
      return parts.join(', ');
    }
    case 'certificatePolicies':
      return (v as ExtensionValues['certificatePolicies']).map((p) => p.oid + (p.hasQualifiers ? ' (with qualifiers)' : '')).join(', ');
    case 'subjectAltName':
      return (v as ExtensionValues['subjectAltName']).map((n) => (n.hardwareModuleName ? `otherName hardwareModuleName hwType ${n.hardwareModuleName.hwType}, hwSerialNum ${toHex(n.hardwareModuleName.hwSerialNum).toUpperCase()}` : `${n.type} ${n.value}`)).join('; ');
    case 'extKeyUsage':
      return (v as string[]).map(describeOid).join(', ');
  }
}

/** The decode view of a result: its DUIS request, request or certificate; undefined for an item that is none of them. */
export function resultDecodeView(result: CertificateResult): DecodeView | undefined {
  if (result.duis) return duisDecodeView(result.duis);
  if (!result.view) return undefined;
  if (result.csr) return requestDecodeView(result.csr, result.view, result.sha256 ?? '');
  if (result.certificate) return certificateDecodeView(result.certificate, result.view, result.sha256 ?? '');
  return undefined;
}
