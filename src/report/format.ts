import type { CertificateResult } from '../check/result.js';
import type { Summary } from './summary.js';

export interface RunInfo {
  tool: { name: string; version: string };
  /** ISO 8601 evaluation time. */
  evaluatedAt: string;
  environment: string;
}

/**
 * An output format as pure functions of their input, so results can be formatted wherever they
 * are computed (worker threads included) and written as they come: nothing waits for the end of
 * the run, so memory does not grow with the number of results. Use ReportStream to write one.
 */
export interface OutputFormat<R = CertificateResult> {
  begin(run: RunInfo): string;
  /** One result's output; '' when the result writes nothing (a clean certificate in SARIF). */
  result(result: R): string;
  /** Written between two results that wrote something: ',' where results are array elements. */
  separator: string;
  /** The summary is known only here, so it goes at the end (JUnit: a comment; SARIF: the invocation). */
  end(summary: Summary): string;
}

/**
 * 2: every result of a certificate or request says which (`document`); `compare` results name their `request`.
 * 3: `issuer.otherCandidates` names the other issuer certificates that matched.
 */
export const REPORT_SCHEMA_VERSION = 3;
