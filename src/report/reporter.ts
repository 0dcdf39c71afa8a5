import type { CertificateResult } from '../check/result.js';
import type { Summary } from './summary.js';

export interface RunInfo {
  tool: { name: string; version: string };
  /** ISO 8601 evaluation time. */
  evaluatedAt: string;
  environment: string;
}

/** A streaming output format: results arrive in order, one at a time. */
export interface Reporter {
  begin(run: RunInfo): void;
  result(result: CertificateResult): void;
  end(summary: Summary): void;
}

export type Write = (text: string) => void;

export const REPORT_SCHEMA_VERSION = 1;
