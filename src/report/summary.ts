import type { CertificateResult } from '../check/result.js';

export interface Summary {
  /** Results: one per input item. */
  inputs: number;
  /** Findings by severity. */
  errors: number;
  warnings: number;
  notices: number;
  /** Results without any finding. */
  clean: number;
}

export function emptySummary(): Summary {
  return { inputs: 0, errors: 0, warnings: 0, notices: 0, clean: 0 };
}

export function addToSummary(summary: Summary, result: CertificateResult): void {
  summary.inputs++;
  if (result.findings.length === 0) summary.clean++;
  for (const f of result.findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.notices++;
  }
}
