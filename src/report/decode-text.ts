import { describeOid, toHex } from '../der/index.js';
import { KIND_TITLES, REQUEST_KIND_TITLES } from '../smki/index.js';
import type { SmkiView } from '../smki/index.js';
import { KNOWN_EXTENSIONS, findExtension, formatName } from '../x509/index.js';
import type { AlgorithmIdentifier, Certificate, CertificationRequest, DocumentModel, Extension, ExtensionValues, RelativeDistinguishedName, TimeField } from '../x509/index.js';
import type { DuisSummary } from '../check/duis-result.js';
import type { Style } from './style.js';
import { terminalSafe as safe } from './terminal-safe.js';

/** A readable rendering of one certificate: the SMKI reading first, then every field. */
export function renderCertificate(heading: string, cert: Certificate, view: SmkiView, sha256: string, style: Style): string {
  const lines: string[] = [style.bold(safe(heading))];
  const row = rowsOf(lines, style);

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

  lines.push('', `  ${style.bold('Fields')}`);
  row('Version', cert.version !== undefined ? `v${cert.version}` : '(unreadable)');
  if (cert.serialNumber) row('Serial', `${toHex(cert.serialNumber.bytes, ':')} (${cert.serialNumber.bytes.length} octets)`);
  row('Signature', algorithmText(cert.signature));
  row('Issuer', formatName(cert.issuer) + (cert.issuer ? ` ${nameTypes(cert.issuer.rdns)}` : ''));
  row('Subject', formatName(cert.subject) + (cert.subject ? ` ${nameTypes(cert.subject.rdns)}` : ''));
  keyRows(cert, row);
  if (cert.issuerUniqueIdPresent) row('Issuer unique ID', 'present');
  if (cert.subjectUniqueIdPresent) row('Subject unique ID', 'present');
  for (const ext of cert.extensions) row(`${ext.name ?? ext.oid}`, extensionText(ext));
  signatureAndEncoding(cert, row, lines, style);
  return lines.join('\n') + '\n';
}

/**
 * A readable rendering of one certification request: what it asks for first (kind, role, EUI-64,
 * CN, key usage, subjectAltName, key), then every field.
 */
export function renderRequest(heading: string, csr: CertificationRequest, view: SmkiView, sha256: string, style: Style): string {
  const lines: string[] = [style.bold(safe(heading))];
  const row = rowsOf(lines, style);
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

  lines.push('', `  ${style.bold('Fields')}`);
  row('Version', csr.version !== undefined ? `${csr.version}${csr.version === 0 ? ' (v1)' : ''}` : '(unreadable)');
  row('Subject', formatName(csr.subject) + (csr.subject ? ` ${nameTypes(csr.subject.rdns)}` : ''));
  keyRows(csr, row);
  row('Attributes', csr.attributes.length ? csr.attributes.map((a) => `${a.name ?? a.oid} (${a.valueCount} value${a.valueCount === 1 ? '' : 's'})`).join(', ') : '(none)');
  for (const ext of csr.extensions) row(`${ext.name ?? ext.oid}`, extensionText(ext));
  signatureAndEncoding(csr, row, lines, style);
  return lines.join('\n') + '\n';
}

type Row = (label: string, value: string) => void;

/** Adds "label  value" lines; every value comes from the document, so each is made safe for a terminal. */
function rowsOf(lines: string[], style: Style): Row {
  return (label, value) => lines.push(`  ${style.dim(safe(label).padEnd(24))}${safe(value)}`);
}

function keyRows(doc: DocumentModel, row: Row): void {
  const spki = doc.subjectPublicKeyInfo;
  if (!spki) return;
  row('Public key', `${describeOid(spki.algorithm.oid)}${spki.algorithm.parametersOid ? ', ' + describeOid(spki.algorithm.parametersOid) : ''}`);
  row('', `${spki.pointFormat} point, ${spki.publicKey.length} octets: ${toHex(spki.publicKey)}`);
}

function signatureAndEncoding(doc: DocumentModel, row: Row, lines: string[], style: Style): void {
  row('Signature alg.', algorithmText(doc.signatureAlgorithm));
  if (doc.signatureValue) row('Signature value', toHex(doc.signatureValue));
  if (doc.violations.length > 0 || doc.problems.length > 0) {
    lines.push('', `  ${style.bold('Encoding')}`);
    for (const v of doc.violations) lines.push(`  ${style.red('DER')} der.${v.kind} at offset ${v.offset}: ${safe(v.message)}`);
    for (const p of doc.problems) lines.push(`  ${style.red('malformed')} ${safe(p.path)} at offset ${p.offset}: ${safe(p.message)}`);
  }
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

/** A DUIS request's header: what it is, whom it is from and to, and how many certificates follow. */
export function renderDuisRequest(heading: string, duis: DuisSummary, style: Style): string {
  const lines: string[] = [style.bold(safe(heading))];
  const row = (label: string, value: string) => lines.push(`  ${style.dim(label.padEnd(24))}${safe(value)}`);
  row('Document', `DUIS service request, schemaVersion ${duis.schemaVersion ?? '(none)'}`);
  row('Request type', duis.title ? `${duis.serviceReferenceVariant} ${duis.title} (sr:${duis.requestType})` : `sr:${duis.requestType ?? '(none)'}, which carries no certificate`);
  row('RequestID', duis.requestId ?? '(none)');
  if (duis.originator) row('Sender', `${duis.originator} (the DCC User; its XML signing certificate signs)`);
  if (duis.target) row('Target', duis.target);
  if (duis.remotePartyRole !== undefined) row('RemotePartyRole', duis.remotePartyRole);
  row('Certificates', `${duis.certificates} (the items that follow)`);
  return lines.join('\n') + '\n';
}
