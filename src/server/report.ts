import type { CertificateResult } from '../check/result.js';
import { TOOL } from '../cli/version.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { formatReport } from '../report/report.js';

/** The media type of each output format. */
export const FORMAT_TYPES: Record<FormatName, string> = {
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  sarif: 'application/sarif+json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/** A whole report in one format, written exactly as the CLI writes it for the same results (never coloured). */
export function renderReport(name: FormatName, results: readonly CertificateResult[], evaluationTime: number, environment: string, noIssuers = false): string {
  return formatReport(outputFormat(name, false, { noIssuers }), results, { tool: TOOL, evaluatedAt: new Date(evaluationTime).toISOString(), environment, noIssuers });
}
