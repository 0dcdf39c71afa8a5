import { SEVERITIES, SEVERITY_POLICY_EXCEPTIONS } from '../lint/index.js';
import type { RuleMeta, RuleSource } from '../lint/index.js';
import { CATALOGUE } from '../rules/index.js';
import { SMKI_KINDS } from '../smki/index.js';

const AREAS: [prefix: string, title: string][] = [
  ['input.', 'Input'],
  ['internal.', 'Internal'],
  ['config.', 'Configuration (waivers)'],
  ['decode.', 'Decoding'],
  ['der.', 'DER encoding'],
  ['cert.', 'Every certificate (and, where marked, the same field of every CSR)'],
  ['ee.', 'End-entity certificates (organisation and device)'],
  ['org.', 'Organisation Certificates and CSRs'],
  ['device.', 'Device Certificates and CSRs'],
  ['device-ca.', 'Device CA Certificates'],
  ['ca.', 'CA certificates'],
  ['ica.', 'Issuing OCA Certificates'],
  ['root.', 'Root OCA Certificates'],
  ['kind.', 'Classification'],
  ['chain.', 'Issuer and chain'],
  ['csr.', 'Certificate requests (PKCS#10 CSRs)'],
  ['compare.', 'Acceptance check (`compare`: a certificate against its request)'],
  ['duis.', 'DUIS service requests (what a request places on Devices, its certification path, its signer)'],
];

const cell = (s: string) => s.replace(/\|/g, '\\|');

const SOURCES: readonly RuleSource[] = ['spec', 'dcc', 'seen', 'adopted'];

/** "every SMKI kind", "any document" (of an SMKI kind or none), or the kinds listed. */
export function appliesToText(r: RuleMeta): string {
  if (r.appliesTo === 'all') return 'any document';
  if (r.appliesTo.length === SMKI_KINDS.length && SMKI_KINDS.every((k) => r.appliesTo.includes(k))) return 'every SMKI kind';
  return r.appliesTo.join(', ');
}

/** The severity policy and how many rules each source and severity have. */
function policySection(catalogue: readonly RuleMeta[]): string[] {
  const count = (source: RuleSource, severity?: string) => catalogue.filter((r) => r.source === source && (!severity || r.severity === severity)).length;
  const rows = SOURCES.filter((source) => count(source) > 0).map((source) => `| ${source} | ${SEVERITIES.map((sev) => count(source, sev)).join(' | ')} | ${count(source)} |`);
  const totals = SEVERITIES.map((sev) => catalogue.filter((r) => r.severity === sev).length);
  return [
    '## Severity policy',
    '',
    '- **error**: a MUST or MUST NOT of a text the project has read and cites (X.680 and X.690, RFC 5280 and the other RFCs the rules cite, GBCS section 12, SEC Appendix M, SEC Section L, the DUIS 5.4 XML schema, W3C XML Signature). Every error is sourced *spec*. ' +
      `The exceptions, ${SEVERITY_POLICY_EXCEPTIONS.map((id) => `\`${id}\``).join(', ')}, report that the checker could not check a document (a rule failed, or an input was beyond the item size limit or could not be read), and are errors so that no run passes what was not checked.`,
    '- **warning**: a SHOULD; practice seen in DCC\'s test PKI where no text read states a requirement (*seen*); or a reading the project adopted where the text that settles it was not available (*adopted*).',
    '- **notice**: information, such as what could not be checked.',
    '',
    'A rule has one severity: every finding of a rule id has the same one. A citation names the texts the rule rests on; where it rests on a text the project has not read (the Organisation Certificate Policy, SEC Appendix B), the citation says so and names the read text that refers to it. `tests/severity-policy.test.ts` holds every rule to this policy.',
    '',
    'Rules by source and severity:',
    '',
    `| source | ${SEVERITIES.join(' | ')} | all |`,
    `|---|${SEVERITIES.map(() => '---:').join('|')}|---:|`,
    ...rows,
    `| all | ${totals.join(' | ')} | ${catalogue.length} |`,
    '',
  ];
}

/** docs/rules.md: the catalogue generated from rule metadata, grouped by area. */
export function renderRulesMarkdown(catalogue: readonly RuleMeta[] = CATALOGUE): string {
  const lines = [
    '# smki-lint rules',
    '',
    'Generated from the rule metadata by `npm run docs`; do not edit by hand. `smki-lint rules` prints the same catalogue.',
    '',
    'Documents: *certificate*, *csr* (a PKCS#10 certificate request), or both; a rule over both is written once and reads the same field in each. *duis-request*: a DUIS service request, whose certificates are checked as certificates and then together, each finding at an XML element and line.',
    'Applies to: the SMKI kinds a rule checks. A certificate or CSR of no SMKI kind gets only the encoding, decoding and classification rules (applies to *any document*).',
    'Source is how sure the project is of the fact: *spec* (a normative text the project has read), *dcc* (DCC tooling), *seen* (DCC test certificates), *adopted* (the project\'s interpretation; configurable).',
    '',
    ...policySection(catalogue),
  ];
  const seen = new Set<string>();
  for (const [prefix, title] of AREAS) {
    const rules = catalogue.filter((r) => r.id.startsWith(prefix) && !seen.has(r.id));
    if (rules.length === 0) continue;
    lines.push(`## ${title}`, '', '| id | severity | documents | applies to | description | citation | source |', '|---|---|---|---|---|---|---|');
    for (const r of rules) {
      seen.add(r.id);
      const kinds = appliesToText(r);
      const eff = r.effective ? ` (effective${r.effective.from ? ' from ' + r.effective.from : ''}${r.effective.until ? ' until ' + r.effective.until : ''})` : '';
      const citation = [r.citation, ...Object.entries(r.documentCitations ?? {}).map(([d, c]) => `${d}: ${c}`)].join('; ');
      // The anchor is the rule id, so a finding can link to its rule (`docs/rules.md#org.role.reserved`).
      lines.push(`| <a id="${r.id}"></a>\`${r.id}\` | ${r.severity} | ${r.documents.join(', ')} | ${kinds} | ${cell(r.description)}${eff} | ${cell(citation)} | ${r.source} |`);
    }
    lines.push('');
  }
  const rest = catalogue.filter((r) => !seen.has(r.id));
  if (rest.length > 0) throw new Error(`rules outside every documented area: ${rest.map((r) => r.id).join(', ')}`);
  lines.push(`${catalogue.length} rules in all.`, '');
  return lines.join('\n');
}
