import type { RuleMeta } from '../lint/index.js';
import type { Write } from './output.js';
import { appliesToText } from '../report/rules-markdown.js';
import { CATALOGUE } from '../rules/index.js';
import { DEFAULT_ROLE_TABLE } from '../smki/index.js';
import type { CheckConfig } from '../check/config.js';
import { loadConfig } from './config-file.js';

/** `smki-lint rules`: the catalogue, generated from rule metadata. */
export function runRules(format: 'text' | 'json', write: Write): number {
  if (format === 'json') {
    write(rulesJson());
    return 0;
  }
  const width = Math.max(...CATALOGUE.map((r) => r.id.length));
  for (const r of CATALOGUE) {
    const kinds = appliesToText(r);
    write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}\n${' '.repeat(width + 11)}${r.documents.join(', ')} · ${kinds} · ${r.citation}${effectiveText(r)}\n`);
  }
  write(`\n${CATALOGUE.length} rules\n`);
  return 0;
}

/** The catalogue as `smki-lint rules --format json` writes it. */
export function rulesJson(): string {
  return JSON.stringify(CATALOGUE.map(ruleJson), null, 2) + '\n';
}

function ruleJson(r: RuleMeta): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, severity: r.severity, documents: r.documents, appliesTo: r.appliesTo, citation: r.citation, description: r.description, source: r.source };
  if (r.documentCitations) out.documentCitations = r.documentCitations;
  if (r.effective) out.effective = r.effective;
  return out;
}

function effectiveText(r: RuleMeta): string {
  if (!r.effective) return '';
  const parts = [r.effective.from && `from ${r.effective.from}`, r.effective.until && `until ${r.effective.until}`].filter(Boolean);
  return ` · effective ${parts.join(' ')}`;
}

function rolesOf(config: CheckConfig | undefined) {
  return DEFAULT_ROLE_TABLE.extend(config?.roles ?? []).roles;
}

/** The role table, extended by a configuration's roles, as `smki-lint roles --format json` writes it. */
export function rolesJson(config: CheckConfig | undefined): string {
  return JSON.stringify(rolesOf(config), null, 2) + '\n';
}

/** `smki-lint roles`: hex OU form, decimal repository code and meaning side by side. */
export function runRoles(format: 'text' | 'json', write: Write, configPath?: string): number {
  const config = loadConfig(configPath);
  if (format === 'json') {
    write(rolesJson(config));
    return 0;
  }
  const roles = rolesOf(config);
  const header = ['OU (hex)', 'repository (dec)', 'name', 'status', 'key usages seen', 'CN', 'in force from', 'meaning'];
  const rows = roles.map((r) => [
    r.hex,
    r.repositoryCode,
    r.name,
    r.status,
    r.keyUsages.join(', ') || '-',
    r.commonNamePermitted && r.endEntity ? 'may' : '-',
    r.inForceFrom ?? '-',
    `${r.title} (${r.definedBy})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ') + '\n';
  write(line(header));
  write(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) write(line(row));
  write('\nCodes not listed (128-133, 136 and others) are not in the role table; a certificate carrying one gets org.role.unknown.\n');
  return 0;
}
