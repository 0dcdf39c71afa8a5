import type { CertificateResult } from '../check/result.js';

export interface Summary {
  /** Results: one per input item. */
  inputs: number;
  /** Findings by severity, waived ones left out. */
  errors: number;
  warnings: number;
  notices: number;
  /** Findings a waiver of the configuration accepts. */
  waived: number;
  /** Results without any finding, apart from waived ones. */
  clean: number;
}

export function emptySummary(): Summary {
  return { inputs: 0, errors: 0, warnings: 0, notices: 0, waived: 0, clean: 0 };
}

export function addToSummary(summary: Summary, result: CertificateResult): void {
  summary.inputs++;
  let counted = 0;
  for (const f of result.findings) {
    if (f.waived) summary.waived++;
    else if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.notices++;
    if (!f.waived) counted++;
  }
  if (counted === 0) summary.clean++;
}

export function mergeSummary(into: Summary, from: Summary): void {
  into.inputs += from.inputs;
  into.errors += from.errors;
  into.warnings += from.warnings;
  into.notices += from.notices;
  into.waived += from.waived;
  into.clean += from.clean;
}
