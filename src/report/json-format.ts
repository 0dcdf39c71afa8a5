import type { CertificateResult } from '../check/result.js';
import type { OutputFormat, RunEnd, RunInfo } from './format.js';
import { REPORT_SCHEMA_VERSION } from './format.js';
import { resultToJson } from './result-json.js';

/** One JSON document; results are written as they come so memory stays flat on large batches. */
export const JSON_FORMAT: OutputFormat = {
  begin(run: RunInfo): string {
    const head = { schemaVersion: REPORT_SCHEMA_VERSION, tool: run.tool, evaluatedAt: run.evaluatedAt, environment: run.environment };
    return JSON.stringify(head, null, 2).slice(0, -2) + ',\n  "results": [';
  },
  result(result: CertificateResult): string {
    return '\n    ' + JSON.stringify(resultToJson(result), null, 2).replace(/\n/g, '\n    ');
  },
  separator: ',',
  end(end: RunEnd): string {
    // Findings about the run itself (an unused waiver) belong to no result.
    const notices = end.notices.length > 0 ? '\n  "notices": ' + JSON.stringify(end.notices, null, 2).replace(/\n/g, '\n  ') + ',' : '';
    return (end.written ? '\n  ' : '') + '],' + notices + '\n  "summary": ' + JSON.stringify(end.summary, null, 2).replace(/\n/g, '\n  ') + '\n}\n';
  },
};

/** One result per line, then a final {"summary": ...} line (with the run's "notices", when there are any). */
export const JSONL_FORMAT: OutputFormat = {
  begin: () => '',
  result: (result: CertificateResult) => JSON.stringify(resultToJson(result)) + '\n',
  separator: '',
  end: (end: RunEnd) => JSON.stringify(end.notices.length > 0 ? { summary: end.summary, notices: end.notices } : { summary: end.summary }) + '\n',
};
