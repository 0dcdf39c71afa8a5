import type { CertificateResult } from '../check/result.js';
import type { Finding } from '../lint/index.js';
import type { OutputFormat, RunInfo } from './format.js';
import { emptyTotals } from './format.js';
import { junitOutcome } from './junit-format.js';
import { appendOutput } from './stream.js';
import { addToSummary, emptySummary } from './summary.js';

/**
 * A whole report as one string, for results already in hand: what the CLI writes for them
 * (`notices`: the run's own findings, such as unused waivers). Synchronous, so the head that needs
 * the counts (JUnit) is written once they are known.
 */
export function formatReport(format: OutputFormat<CertificateResult>, results: readonly CertificateResult[], run: RunInfo, notices: Finding[] = []): string {
  const started = performance.now();
  const summary = emptySummary();
  const totals = { ...emptyTotals(), notices };
  let body = '';
  for (const r of results) {
    addToSummary(summary, r);
    const outcome = junitOutcome(r);
    if (outcome === 'failure') totals.failing++;
    else if (outcome === 'error') totals.broken++;
    if (run.noIssuers && r.findings.some((f) => f.ruleId === 'chain.not-checked' && f.severity === 'notice')) totals.notChecked++;
    body = appendOutput(format, body, format.result(r));
  }
  const end = { ...totals, elapsedMs: performance.now() - started, summary, written: body !== '' };
  return (format.countsFirst ? format.begin(run, end) : format.begin(run)) + body + format.end(end);
}
