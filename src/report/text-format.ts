import type { DuisSummary } from '../check/duis-result.js';
import type { CertificateResult } from '../check/result.js';
import type { Finding, Severity } from '../lint/index.js';
import { documentTitle } from '../smki/index.js';
import type { OutputFormat, RunEnd, RunInfo } from './format.js';
import type { Style } from './style.js';
import { terminalSafe as safe } from './terminal-safe.js';

/** For people: a header per certificate or request, its findings worst first, then a summary. */
export function textFormat(style: Style): OutputFormat {
  const severity = (s: Severity) => {
    const label = s.padEnd(7);
    return s === 'error' ? style.red(label) : s === 'warning' ? style.yellow(label) : style.cyan(label);
  };
  const finding = (f: Finding) => {
    const where = [f.path && `at ${safe(f.path)}`, f.offset !== undefined && `offset ${f.offset}`, f.line !== undefined && `line ${f.line}`].filter(Boolean).join(', ');
    const detail = style.dim(`          ${where}${where ? ' · ' : ''}${f.citation}`) + '\n';
    // A waived finding is shown, dimmed, with the waiver's reason: it does not count.
    if (f.waived) return style.dim(`  ${f.severity.padEnd(7)} ${f.ruleId}  ${safe(f.message)}`) + '\n' + detail + style.dim(`          waived until ${safe(f.waived.expires)}: ${safe(f.waived.reason)}`) + '\n';
    return `  ${severity(f.severity)} ${style.bold(f.ruleId)}  ${safe(f.message)}\n` + detail;
  };
  return {
    begin: (run: RunInfo) => style.dim(`${run.tool.name} ${run.tool.version} · evaluated at ${run.evaluatedAt} · environment ${run.environment}`) + '\n\n',
    result(r: CertificateResult): string {
      let out = headerLine(r, style) + '\n';
      if (r.request) out += style.dim(`  answers request ${safe(r.request.source.path)} [${r.request.source.index}] (sha256 ${r.request.sha256.slice(0, 16)}…, subject ${r.request.subject.replace(/-/g, ' ')})`) + '\n';
      if (r.issuer) {
        out += style.dim(`  issued by ${safe(r.issuer.subject)} (sha256 ${r.issuer.sha256.slice(0, 16)}…, matched by ${r.issuer.matchedBy})`) + '\n';
        for (const c of r.issuer.otherCandidates ?? []) {
          const signature = c.signatureValid === undefined ? 'signature not checked' : c.signatureValid ? 'signature valid' : 'signature invalid';
          out += style.dim(`  also matched ${safe(c.subject)} (sha256 ${c.sha256.slice(0, 16)}…, by ${c.matchedBy}, ${signature})`) + '\n';
        }
      }
      for (const f of r.findings) out += finding(f);
      if (r.notEffective.length > 0) out += style.dim(`  not effective: ${r.notEffective.map((n) => `${n.ruleId} (${n.reason})`).join('; ')}`) + '\n';
      if (r.findings.length === 0 && (r.kind !== undefined || r.duis !== undefined)) out += `  ${style.green('ok')}  no findings\n`;
      return out + '\n';
    },
    separator: '',
    end({ summary: s, notices }: RunEnd): string {
      const counts = `${s.errors} ${plural(s.errors, 'error')}, ${s.warnings} ${plural(s.warnings, 'warning')}, ${s.notices} ${plural(s.notices, 'notice')}${s.waived > 0 ? `, ${s.waived} waived` : ''}`;
      const run = notices.length > 0 ? style.bold('run') + '\n' + notices.map(finding).join('') + '\n' : '';
      return run + style.bold(`${s.inputs} ${plural(s.inputs, 'item')} checked, ${s.clean} clean · ${counts}`) + '\n';
    },
  };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : word + 's';
}

/**
 * "path [index]  Organisation Certificate  role 0x87 = 135 (xmlSigning)  EUI-64 ...  CN '...'"; a
 * certificate of a DUIS request also names its element and line, and a DUIS request says what it is.
 */
export function headerLine(r: CertificateResult, style: Style): string {
  const element = r.source.element !== undefined ? `  ${safe(r.source.element)} (line ${r.source.line})` : '';
  const head = style.bold(`${safe(r.source.path)} [${r.source.index}]`) + element;
  if (r.duis) return [head, ...duisParts(r.duis).map(safe)].join('  ');
  if (r.kind === undefined) return head + '  ' + style.dim('not a certificate or request');
  const parts = [head, documentTitle(r.document === 'csr' ? 'csr' : 'certificate', r.kind)];
  const s = r.subject;
  if (s?.roleHex !== undefined) {
    parts.push(s.role !== undefined ? `role 0x${s.roleHex} = ${s.role}${s.roleName ? ` (${s.roleName})` : ' (not in the role table)'}` : `role OU '${safe(s.roleHex)}' (not a hex role code)`);
  }
  if (s?.eui64) parts.push(`EUI-64 ${s.eui64}`);
  if (s?.commonName !== undefined) parts.push(`CN '${safe(s.commonName)}'`);
  return parts.join('  ');
}

function duisParts(d: DuisSummary): string[] {
  const what = d.title ? `${d.title} (${d.requestType})` : (d.requestType ?? 'with no request element');
  const parts = [['DUIS request', d.serviceReferenceVariant, what].filter(Boolean).join(' ')];
  if (d.remotePartyRole !== undefined) parts.push(`RemotePartyRole ${d.remotePartyRole}`);
  parts.push(d.originator ? `from ${d.originator} to ${d.target}` : `RequestID '${d.requestId ?? ''}'`);
  parts.push(`${d.certificates} certificate${d.certificates === 1 ? '' : 's'}`);
  return parts;
}
