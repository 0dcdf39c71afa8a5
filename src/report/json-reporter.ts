import type { CertificateResult } from '../check/result.js';
import { resultToJson } from './result-json.js';
import { REPORT_SCHEMA_VERSION } from './reporter.js';
import type { Reporter, RunInfo, Write } from './reporter.js';
import type { Summary } from './summary.js';

/** One JSON document, written as results arrive so memory stays flat on large batches. */
export class JsonReporter implements Reporter {
  private count = 0;
  constructor(private readonly write: Write) {}

  begin(run: RunInfo): void {
    const head = { schemaVersion: REPORT_SCHEMA_VERSION, tool: run.tool, evaluatedAt: run.evaluatedAt, environment: run.environment };
    this.write(JSON.stringify(head, null, 2).slice(0, -2) + ',\n  "results": [');
  }

  result(result: CertificateResult): void {
    const body = JSON.stringify(resultToJson(result), null, 2).replace(/\n/g, '\n    ');
    this.write((this.count++ === 0 ? '\n    ' : ',\n    ') + body);
  }

  end(summary: Summary): void {
    this.write((this.count > 0 ? '\n  ' : '') + '],\n  "summary": ' + JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ') + '\n}\n');
  }
}

/** One result per line, then a final {"summary": ...} line. */
export class JsonlReporter implements Reporter {
  constructor(private readonly write: Write) {}
  begin(): void {}
  result(result: CertificateResult): void {
    this.write(JSON.stringify(resultToJson(result)) + '\n');
  }
  end(summary: Summary): void {
    this.write(JSON.stringify({ summary }) + '\n');
  }
}
