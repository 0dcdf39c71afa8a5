import type { RuleMeta } from '../lint/index.js';
import { CATALOGUE } from '../rules/index.js';

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
];

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** docs/rules.md: the catalogue generated from rule metadata, grouped by area. */
export function renderRulesMarkdown(catalogue: readonly RuleMeta[] = CATALOGUE): string {
  const lines = [
    '# smki-lint rules',
    '',
    'Generated from the rule metadata by `npm run docs`; do not edit by hand. `smki-lint rules` prints the same catalogue.',
    '',
    'Severity: **error** is a MUST of a profile or standard, **warning** a SHOULD or established practice, **notice** information.',
    'Documents: *certificate*, *csr* (a PKCS#10 certificate request), or both; a rule over both is written once and reads the same field in each.',
    'Source is how sure the project is of the fact: *spec* (a normative text), *dcc* (DCC tooling), *seen* (DCC test certificates), *adopted* (the project\'s interpretation; configurable).',
    '',
  ];
  const seen = new Set<string>();
  for (const [prefix, title] of AREAS) {
    const rules = catalogue.filter((r) => r.id.startsWith(prefix) && !seen.has(r.id));
    if (rules.length === 0) continue;
    lines.push(`## ${title}`, '', '| id | severity | documents | applies to | description | citation | source |', '|---|---|---|---|---|---|---|');
    for (const r of rules) {
      seen.add(r.id);
      const kinds = r.appliesTo === 'all' ? 'all' : r.appliesTo.join(', ');
      const eff = r.effective ? ` (effective${r.effective.from ? ' from ' + r.effective.from : ''}${r.effective.until ? ' until ' + r.effective.until : ''})` : '';
      const citation = [r.citation, ...Object.entries(r.documentCitations ?? {}).map(([d, c]) => `${d}: ${c}`)].join('; ');
      lines.push(`| <a id="${r.id}"></a>\`${r.id}\` | ${r.severity} | ${r.documents.join(', ')} | ${kinds} | ${cell(r.description)}${eff} | ${cell(citation)} | ${r.source} |`);
    }
    lines.push('');
  }
  const rest = catalogue.filter((r) => !seen.has(r.id));
  if (rest.length > 0) throw new Error(`rules outside every documented area: ${rest.map((r) => r.id).join(', ')}`);
  lines.push(`${catalogue.length} rules in all.`, '');
  return lines.join('\n');
}
