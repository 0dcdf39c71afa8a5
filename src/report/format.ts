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
 * are computed (worker threads included) and simply concatenated in order.
 */
export interface OutputFormat {
  begin(run: RunInfo): string;
  /** position: 0-based index of the result in the whole output. */
  result(result: CertificateResult, position: number): string;
  end(summary: Summary): string;
  /**
   * When present, the result() outputs of the whole run are passed here and its return value is
   * written between begin() and end(), instead of the outputs being concatenated as they come: for
   * formats whose separators depend on which results wrote anything.
   */
  join?(parts: string[]): string;
}

/** 2: every result of a certificate or request says which (`document`); `compare` results name their `request`. */
export const REPORT_SCHEMA_VERSION = 2;
