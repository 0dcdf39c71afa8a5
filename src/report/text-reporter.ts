import type { CertificateResult } from '../check/result.js';
import type { Finding, Severity } from '../lint/index.js';
import { KIND_TITLES } from '../smki/index.js';
import type { Reporter, RunInfo, Write } from './reporter.js';
import type { Style } from './style.js';
import type { Summary } from './summary.js';

/** For people: a header per certificate, its findings worst first, then a summary. */
export class TextReporter implements Reporter {
  constructor(
    private readonly write: Write,
    private readonly style: Style,
  ) {}

  begin(run: RunInfo): void {
    this.write(this.style.dim(`${run.tool.name} ${run.tool.version} · evaluated at ${run.evaluatedAt} · environment ${run.environment}`) + '\n\n');
  }

  result(r: CertificateResult): void {
    this.write(headerLine(r, this.style) + '\n');
    for (const f of r.findings) this.write(this.finding(f));
    if (r.notEffective.length > 0) {
      this.write(this.style.dim(`  not effective: ${r.notEffective.map((n) => `${n.ruleId} (${n.reason})`).join('; ')}`) + '\n');
    }
    if (r.findings.length === 0 && r.kind !== undefined) this.write(`  ${this.style.green('ok')}  no findings\n`);
    this.write('\n');
  }

  end(s: Summary): void {
    const parts = [`${s.inputs} ${s.inputs === 1 ? 'item' : 'items'} checked`, `${s.clean} clean`];
    const counts = `${s.errors} ${plural(s.errors, 'error')}, ${s.warnings} ${plural(s.warnings, 'warning')}, ${s.notices} ${plural(s.notices, 'notice')}`;
    this.write(this.style.bold(parts.join(', ') + ' · ' + counts) + '\n');
  }

  private finding(f: Finding): string {
    const sev = this.severity(f.severity);
    const where = [f.path && `at ${f.path}`, f.offset !== undefined && `offset ${f.offset}`].filter(Boolean).join(', ');
    return `  ${sev} ${this.style.bold(f.ruleId)}  ${f.message}\n` + this.style.dim(`          ${where}${where ? ' · ' : ''}${f.citation}`) + '\n';
  }

  private severity(s: Severity): string {
    const label = s.padEnd(7);
    return s === 'error' ? this.style.red(label) : s === 'warning' ? this.style.yellow(label) : this.style.cyan(label);
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? word : word + 's';
}

/** "path [index]  Organisation Certificate  role 0x87 = 135 (xmlSigning)  EUI-64 ...  CN '...'" */
export function headerLine(r: CertificateResult, style: Style): string {
  const parts = [style.bold(`${r.source.path} [${r.source.index}]`)];
  if (r.kind === undefined) return parts[0] + '  ' + style.dim('not a certificate');
  parts.push(KIND_TITLES[r.kind]);
  const s = r.subject;
  if (s?.roleHex !== undefined) {
    parts.push(s.role !== undefined ? `role 0x${s.roleHex} = ${s.role}${s.roleName ? ` (${s.roleName})` : ' (not in the role table)'}` : `role OU '${s.roleHex}' (not a hex role code)`);
  }
  if (s?.eui64) parts.push(`EUI-64 ${s.eui64}`);
  if (s?.commonName !== undefined) parts.push(`CN '${s.commonName}'`);
  return parts.join('  ');
}
