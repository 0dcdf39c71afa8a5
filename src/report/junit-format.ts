import type { CertificateResult } from '../check/result.js';
import type { Finding } from '../lint/index.js';
import type { OutputFormat, RunEnd, RunInfo } from './format.js';

/** Findings that mean the item could not be checked, rather than that it is wrong: a JUnit error. */
const BROKEN = new Set(['internal.rule-error', 'input.unreadable']);

/** How a testcase ends: it passes, fails (an error or warning that is not waived) or could not be checked. */
export function junitOutcome(r: CertificateResult): 'pass' | 'failure' | 'error' {
  let outcome: 'pass' | 'failure' | 'error' = 'pass';
  for (const f of r.findings) {
    if (f.waived || f.severity === 'notice') continue;
    if (BROKEN.has(f.ruleId)) return 'error';
    outcome = 'failure';
  }
  return outcome;
}

/**
 * JUnit XML for CI test reports, as Jenkins and GitLab read it: one testcase per item with at most
 * one <failure> (or <error>) holding every finding that counts, since readers show only the
 * first; notices and waived findings as the testcase's output. The suites' counts and time come
 * first in the file, so ReportStream keeps the testcases in a spool until the run ends.
 */
export const JUNIT_FORMAT: OutputFormat = {
  countsFirst: true,
  begin(run: RunInfo, end?: RunEnd): string {
    const property = (name: string, value: string | number) => `<property name="${attr(name)}" value="${attr(String(value))}"/>`;
    const s = end?.summary;
    const tests = end ? end.summary.inputs - end.hidden : 0;
    const counts = `tests="${tests}" failures="${end?.failing ?? 0}" errors="${end?.broken ?? 0}" skipped="0" time="${((end?.elapsedMs ?? 0) / 1000).toFixed(3)}"`;
    const summary = s ? [property('summary.items', s.inputs), property('summary.clean', s.clean), property('summary.errors', s.errors), property('summary.warnings', s.warnings), property('summary.notices', s.notices), property('summary.waived', s.waived)] : [];
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="${attr(run.tool.name)}" ${counts}>\n` +
      `<testsuite name="${attr(run.tool.name)} check" ${counts} timestamp="${attr(run.evaluatedAt)}">\n` +
      '<properties>\n' +
      [property('tool.version', run.tool.version), property('environment', run.environment), ...summary].join('\n') +
      '\n</properties>\n'
    );
  },
  result(r: CertificateResult): string {
    const counting = r.findings.filter((f) => !f.waived && f.severity !== 'notice');
    const output = r.findings.filter((f) => f.waived || f.severity === 'notice').map((f) => `${f.waived ? `waived ${f.severity}` : f.severity}: ${f.ruleId}: ${f.message}\n  ${where(f)}${f.waived ? `\n  waived until ${f.waived.expires}: ${f.waived.reason}` : ''}`);
    let body = '';
    if (counting.length > 0) {
      const element = junitOutcome(r) === 'error' ? 'error' : 'failure';
      const first = counting[0];
      const message = counting.length === 1 ? first.message : `${counting.length} findings: ${counting.map((f) => f.ruleId).join(', ')}`;
      const details = counting.map((f) => `${f.severity}: ${f.ruleId}: ${f.message}\n  ${where(f)}`).join('\n');
      body += `  <${element} type="${attr(first.ruleId)}" message="${attr(message)}">${text(details)}</${element}>\n`;
    }
    if (output.length > 0) body += `  <system-out>${text(output.join('\n'))}</system-out>\n`;
    const classname = r.duis ? 'duis-request' : r.kind === undefined ? 'input' : r.document === 'csr' ? `csr.${r.kind}` : r.kind;
    const element = r.source.element !== undefined ? ` ${r.source.element}` : '';
    const open = `<testcase classname="${attr(classname)}" name="${attr(`${r.source.path} [${r.source.index}]${element}`)}" time="0"`;
    return body ? `${open}>\n${body}</testcase>\n` : `${open}/>\n`;
  },
  separator: '',
  end(end: RunEnd): string {
    // Findings about the run itself (an unused waiver) are the suite's output.
    const notices = end.notices.map((f) => `${f.severity}: ${f.ruleId}: ${f.message}`);
    return (notices.length > 0 ? `<system-out>${text(notices.join('\n'))}</system-out>\n` : '') + '</testsuite>\n</testsuites>\n';
  },
};

function where(f: Finding): string {
  const at = [f.path && `at ${f.path}`, f.offset !== undefined && `(offset ${f.offset})`, f.line !== undefined && `(line ${f.line})`].filter(Boolean).join(' ');
  return (at ? at + ' ' : '') + '— ' + f.citation;
}

// Characters XML 1.0 does not allow at all, not even as references (lone surrogates included).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Character data. */
export function text(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; whitespace is written as references because parsers normalise literal tabs and newlines to spaces. */
export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
