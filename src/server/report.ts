import type { CertificateResult } from '../check/result.js';
import { TOOL } from '../cli/version.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { addToSummary, emptySummary } from '../report/summary.js';

/** The media type of each output format. */
export const FORMAT_TYPES: Record<FormatName, string> = {
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  sarif: 'application/sarif+json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/** A whole report in one format, written exactly as the CLI writes it for the same results (never coloured). */
export function renderReport(name: FormatName, results: readonly CertificateResult[], evaluationTime: number, environment: string): string {
  const format = outputFormat(name, false);
  const summary = emptySummary();
  const parts = results.map((r, i) => {
    addToSummary(summary, r);
    return format.result(r, i);
  });
  const begin = format.begin({ tool: TOOL, evaluatedAt: new Date(evaluationTime).toISOString(), environment });
  return begin + (format.join ? format.join(parts) : parts.join('')) + format.end(summary);
}
