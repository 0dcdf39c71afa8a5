import type { CertificateResult } from '../check/result.js';
import type { OutputFormat, RunInfo } from './format.js';
import { REPORT_SCHEMA_VERSION } from './format.js';
import { resultToJson } from './result-json.js';
import type { Summary } from './summary.js';

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
  end(summary: Summary): string {
    return (summary.inputs > 0 ? '\n  ' : '') + '],\n  "summary": ' + JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ') + '\n}\n';
  },
};

/** One result per line, then a final {"summary": ...} line. */
export const JSONL_FORMAT: OutputFormat = {
  begin: () => '',
  result: (result: CertificateResult) => JSON.stringify(resultToJson(result)) + '\n',
  separator: '',
  end: (summary: Summary) => JSON.stringify({ summary }) + '\n',
};
