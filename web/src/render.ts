// The results of a run as DOM: per item its SMKI view, its findings by severity, and its DER in hex.
import { homepage } from '../../package.json';
import type { CertificateResult } from '../../src/check/result.js';
import type { Finding, Severity } from '../../src/lint/index.js';
import { SEVERITIES } from '../../src/lint/index.js';
import { resultDecodeView } from '../../src/report/decode-view.js';
import type { DecodeRow } from '../../src/report/decode-view.js';
import { JSON_FORMAT } from '../../src/report/json-format.js';
import { formatReport } from '../../src/report/report.js';
import { sarifFormat } from '../../src/report/sarif-format.js';
import { PLAIN } from '../../src/report/style.js';
import { emptyTotals } from '../../src/report/format.js';
import type { RunInfo } from '../../src/report/format.js';
import { addToSummary, emptySummary } from '../../src/report/summary.js';
import { headerLine, textFormat } from '../../src/report/text-format.js';
import { derSpan } from './der-span.js';
import { renderHex } from './hex.js';
import type { Run } from './run.js';

/** The rule catalogue in the repository, each rule at its own anchor. */
const RULES_DOC = homepage.replace(/#.*$/, '') + '/blob/HEAD/docs/rules.md';

export const ruleDocumentation = (ruleId: string) => `${RULES_DOC}#${ruleId}`;

const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };

/** The report downloads, in the CLI's formats. */
const DOWNLOADS = [
  { id: 'download-json', format: () => JSON_FORMAT, file: 'smki-lint-report.json', type: 'application/json', label: 'Download the JSON report' },
  { id: 'download-sarif', format: (info: RunInfo) => sarifFormat(info), file: 'smki-lint-report.sarif', type: 'application/sarif+json', label: 'Download the SARIF report' },
];

/** Object URLs of the downloads shown, released when the next run replaces them. */
let objectUrls: string[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Replaces the content of the results section with the run. */
export function renderRun(section: HTMLElement, run: Run): void {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls = [];
  const summary = emptySummary();
  for (const r of run.results) addToSummary(summary, r);
  const downloads = DOWNLOADS.map((d) => {
    const url = URL.createObjectURL(new Blob([formatReport(d.format(run.info), run.results, run.info)], { type: d.type }));
    objectUrls.push(url);
    return el('a', { id: d.id, href: url, download: d.file, className: 'download' }, d.label);
  });
  const head = el(
    'div',
    { className: 'run' },
    el('h2', { id: 'results-heading' }, textFormat(PLAIN).end({ ...emptyTotals(), summary, written: true }).trim()),
    el('p', { className: 'run-info' }, `${run.info.tool.name} ${run.info.tool.version} · evaluated at ${run.info.evaluatedAt} · environment ${run.info.environment}`),
    el('p', { className: 'downloads' }, ...downloads),
  );
  if (run.issuerProblems.length > 0) head.append(el('ul', { className: 'issuer-problems' }, ...run.issuerProblems.map((p) => el('li', {}, `Issuer certificates: ${p}`))));
  const items = run.results.map((r, i) => renderResult(r, i));
  section.replaceChildren(head, ...items.map((i) => i.article));
  // Laid out now: each hex view scrolls (itself, not the page) to its marked bytes.
  for (const i of items) i.reveal();
}

function renderResult(r: CertificateResult, index: number): { article: HTMLElement; reveal(): void } {
  const id = `item-${index}`;
  const article = el('article', { className: `item worst-${worst(r.findings)}`, id });
  article.setAttribute('aria-labelledby', `${id}-title`);
  article.append(el('h3', { id: `${id}-title` }, headerLine(r, PLAIN)));
  if (r.issuer) {
    const signature = r.issuer.signatureValid === undefined ? '' : r.issuer.signatureValid ? ', signature verified' : ', signature does not verify';
    article.append(el('p', { className: 'issued-by' }, `Issued by ${r.issuer.subject} (matched by ${r.issuer.matchedBy}${signature})`));
  }
  const view = resultDecodeView(r);
  if (view) {
    article.append(rows(view.summary, 'view'));
    if (view.fields.length > 0 || view.encoding.length > 0) {
      const details = el('details', { className: 'fields' }, el('summary', {}, 'Every field'));
      if (view.fields.length > 0) details.append(rows(view.fields, 'view'));
      if (view.encoding.length > 0) details.append(el('ul', { className: 'encoding' }, ...view.encoding.map((e) => el('li', {}, `${e.tag}: ${e.text}`))));
      article.append(details);
    }
  }
  const der = (r.certificate ?? r.csr)?.der;
  const hex = der ? el('pre', { className: 'hex', id: `${id}-hex`, tabIndex: 0 }) : undefined;
  hex?.setAttribute('aria-label', `The DER of ${r.source.path} [${r.source.index}] in hex, the selected finding's bytes marked`);
  const select = (finding: Finding | undefined, button: HTMLButtonElement | undefined, scroll: boolean) => {
    if (!hex || !der) return;
    for (const b of article.querySelectorAll('button.show-bytes')) b.setAttribute('aria-pressed', String(b === button));
    const mark = renderHex(hex, der, finding?.offset !== undefined ? derSpan(der, finding.offset) : undefined);
    if (scroll && mark) mark.scrollIntoView({ block: 'nearest' });
  };
  const reveal = () => {
    const mark = hex?.querySelector('mark');
    if (hex && mark) hex.scrollTop = Math.max(0, mark.offsetTop - hex.clientHeight / 3);
  };

  if (r.findings.length === 0) article.append(el('p', { className: 'ok' }, r.kind !== undefined || r.duis !== undefined ? 'No findings.' : 'Nothing to check.'));
  let first: [Finding, HTMLButtonElement] | undefined;
  for (const severity of SEVERITIES) {
    const findings = r.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    const list = el('ol', { className: 'findings' });
    for (const f of findings) {
      const item = renderFinding(f, der);
      if (der && f.offset !== undefined) {
        const button = el('button', { type: 'button', className: 'show-bytes' }, `Mark its bytes in the DER (offset ${f.offset})`);
        button.setAttribute('aria-controls', hex!.id);
        button.setAttribute('aria-pressed', 'false');
        button.addEventListener('click', () => select(f, button, true));
        item.append(button);
        first ??= [f, button];
      }
      list.append(item);
    }
    article.append(el('section', { className: `severity ${severity}` }, el('h4', {}, `${SEVERITY_TITLES[severity]} (${findings.length})`), list));
  }
  if (r.notEffective.length > 0) article.append(el('p', { className: 'not-effective' }, `Not effective: ${r.notEffective.map((n) => `${n.ruleId} (${n.reason})`).join('; ')}`));
  if (hex && der) {
    article.append(el('details', { className: 'der', open: true }, el('summary', {}, `DER, ${der.length} bytes`), hex));
    select(first?.[0], first?.[1], false);
  }
  return { article, reveal };
}

function renderFinding(f: Finding, der: Uint8Array | undefined): HTMLLIElement {
  const where: (Node | string)[] = [];
  if (f.path) where.push('at ', el('code', {}, f.path));
  if (f.offset !== undefined) {
    const span = der ? derSpan(der, f.offset) : undefined;
    where.push(`${where.length ? ', ' : ''}offset ${f.offset}${span ? ` (${span.end - span.start} bytes)` : ''}`);
  }
  if (f.line !== undefined) where.push(`${where.length ? ', ' : ''}line ${f.line}${f.column !== undefined ? `, column ${f.column}` : ''}`);
  const rule = el('a', { className: 'rule', href: ruleDocumentation(f.ruleId), target: '_blank', rel: 'noopener noreferrer' }, f.ruleId);
  rule.title = `The ${f.ruleId} rule in the rule catalogue`;
  return el(
    'li',
    { className: `finding ${f.severity}` },
    el('p', { className: 'finding-head' }, el('span', { className: 'badge' }, f.severity), ' ', rule),
    el('p', { className: 'message' }, f.message),
    el('p', { className: 'where' }, ...where, where.length ? ' · ' : '', el('cite', {}, f.citation)),
  );
}

function rows(list: readonly DecodeRow[], className: string): HTMLDListElement {
  const dl = el('dl', { className });
  for (const row of list) {
    // A row without a label continues the one above.
    if (row.label) dl.append(el('dt', {}, row.label));
    dl.append(el('dd', {}, row.value));
  }
  return dl;
}

function worst(findings: readonly Finding[]): Severity | 'none' {
  return SEVERITIES.find((s) => findings.some((f) => f.severity === s)) ?? 'none';
}
