import type { CertificateResult } from '../check/result.js';
import type { Finding } from '../lint/index.js';
import type { Summary } from './summary.js';

export interface RunInfo {
  tool: { name: string; version: string };
  /** ISO 8601 evaluation time. */
  evaluatedAt: string;
  environment: string;
  /**
   * No issuer certificate was available to the run, so every certificate's chain.not-checked
   * notice says the same thing: SARIF then gives it once, as a notification of the run.
   */
  noIssuers?: boolean;
}

/** What a run adds up beyond the Summary, for the formats that say it (not part of the JSON report). */
export interface RunTotals {
  /** Items with an error or warning that is not waived (JUnit failures). */
  failing: number;
  /** Items that could not be checked: an internal error or an unreadable input (JUnit errors). */
  broken: number;
  /** Certificates whose chain was not checked because the run had no issuer at all. */
  notChecked: number;
  /** Results left out of the output (--quiet); failing and broken count only the others. */
  hidden: number;
  /** Findings about the run itself, not any item (a waiver that matched nothing). */
  notices: Finding[];
  /** Wall-clock time of the run in milliseconds. */
  elapsedMs: number;
}

export function emptyTotals(): RunTotals {
  return { failing: 0, broken: 0, notChecked: 0, hidden: 0, notices: [], elapsedMs: 0 };
}

/** What the end of a report knows: the summary, the totals, and whether any result wrote output. */
export interface RunEnd extends RunTotals {
  summary: Summary;
  written: boolean;
}

/**
 * An output format as pure functions of their input, so results can be formatted wherever they
 * are computed (worker threads included) and written as they come: nothing waits for the end of
 * the run, so memory does not grow with the number of results. Use ReportStream to write one.
 */
export interface OutputFormat<R = CertificateResult> {
  /**
   * The head. A format whose head holds the run's counts (`countsFirst`) gets them here, and
   * ReportStream keeps its results in a spool until then.
   */
  begin(run: RunInfo, end?: RunEnd): string;
  /** One result's output; '' when the result writes nothing (a clean certificate in SARIF). */
  result(result: R): string;
  /** Written between two results that wrote something: ',' where results are array elements. */
  separator: string;
  /** The summary is known only here, so it goes at the end (SARIF: the invocation). */
  end(end: RunEnd): string;
  /** The head needs the run's counts (JUnit's testsuite attributes). */
  countsFirst?: boolean;
}

/**
 * 2: every result of a certificate or request says which (`document`); `compare` results name their `request`.
 * 3: `issuer.otherCandidates` names the other issuer certificates that matched.
 * 4: a finding a waiver accepts carries `waived`; `summary.waived` counts them; run-level `notices`.
 */
export const REPORT_SCHEMA_VERSION = 4;
