import type { CertificateResult } from '../check/result.js';
import type { Finding } from '../lint/index.js';
import type { OutputFormat, RunInfo } from './format.js';
import type { Summary } from './summary.js';

/**
 * JUnit XML for CI test reports: one testcase per item, one failure per error or warning, notices
 * as the testcase's output. Nothing depends on earlier results, so it streams like the others.
 */
export const JUNIT_FORMAT: OutputFormat = {
  begin(run: RunInfo): string {
    const property = (name: string, value: string) => `<property name="${attr(name)}" value="${attr(value)}"/>`;
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="${attr(run.tool.name)}">\n` +
      `<testsuite name="${attr(run.tool.name)} check" timestamp="${attr(run.evaluatedAt)}">\n` +
      '<properties>\n' +
      property('tool.version', run.tool.version) +
      '\n' +
      property('environment', run.environment) +
      '\n' +
      '</properties>\n'
    );
  },
  result(r: CertificateResult): string {
    let body = '';
    const notices: string[] = [];
    for (const f of r.findings) {
      if (f.severity === 'notice') notices.push(`notice: ${f.ruleId}: ${f.message}\n  ${where(f)}`);
      else body += `  <failure type="${attr(f.ruleId)}" message="${attr(f.message)}">${text(`${f.severity}: ${f.ruleId} ${where(f)}`)}</failure>\n`;
    }
    if (notices.length > 0) body += `  <system-out>${text(notices.join('\n'))}</system-out>\n`;
    const classname = r.duis ? 'duis-request' : r.kind === undefined ? 'input' : r.document === 'csr' ? `csr.${r.kind}` : r.kind;
    const element = r.source.element !== undefined ? ` ${r.source.element}` : '';
    const open = `<testcase classname="${attr(classname)}" name="${attr(`${r.source.path} [${r.source.index}]${element}`)}"`;
    return body ? `${open}>\n${body}</testcase>\n` : `${open}/>\n`;
  },
  separator: '',
  end(s: Summary): string {
    // A testsuite's properties must come first, so the counts, known only now, go in a comment.
    const counts = [count(s.inputs, 'item'), `${s.clean} clean`, count(s.errors, 'error'), count(s.warnings, 'warning'), count(s.notices, 'notice')].join(', ');
    return `<!-- summary: ${counts} -->\n</testsuite>\n</testsuites>\n`;
  },
};

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word + 's'}`;
}

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
