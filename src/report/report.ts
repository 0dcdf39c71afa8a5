import type { CertificateResult } from '../check/result.js';
import type { OutputFormat, RunInfo } from './format.js';
import { ReportStream } from './stream.js';
import { addToSummary, emptySummary } from './summary.js';

/** A whole report as one string, for results already in hand: what the CLI writes for them. */
export function formatReport(format: OutputFormat<CertificateResult>, results: readonly CertificateResult[], run: RunInfo): string {
  let text = '';
  const report = new ReportStream(format, (t) => (text += t));
  const summary = emptySummary();
  report.begin(run);
  for (const r of results) {
    addToSummary(summary, r);
    report.add(format.result(r));
  }
  report.end(summary);
  return text;
}
