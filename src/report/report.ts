import type { CertificateResult } from '../check/result.js';
import type { OutputFormat, RunInfo } from './format.js';
import { addToSummary, emptySummary } from './summary.js';

/** A whole report as one string, for results already in hand: the run's head, each result (joined as the format wants), the summary. */
export function formatReport(format: OutputFormat, results: readonly CertificateResult[], run: RunInfo): string {
  const summary = emptySummary();
  const parts = results.map((r, i) => {
    addToSummary(summary, r);
    return format.result(r, i);
  });
  return format.begin(run) + (format.join ? format.join(parts) : parts.join('')) + format.end(summary);
}
