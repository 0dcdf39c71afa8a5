import { Checker } from '../check/checker.js';
import type { CheckOptions } from '../check/options.js';
import { createNodeCrypto } from '../crypto/node.js';
import { readSources } from '../input/node.js';
import { SEVERITY_RANK } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { JsonReporter, JsonlReporter } from '../report/json-reporter.js';
import type { Reporter, Write } from '../report/reporter.js';
import { COLOUR, PLAIN } from '../report/style.js';
import { addToSummary, emptySummary } from '../report/summary.js';
import { TextReporter } from '../report/text-reporter.js';
import type { CertificateKind } from '../smki/index.js';
import { listFiles } from './inputs.js';
import { TOOL } from './version.js';

export type CheckFormat = 'text' | 'json' | 'jsonl';
export type FailOn = Severity | 'never';

export interface CheckCommandOptions {
  format: CheckFormat;
  failOn: FailOn;
  at?: string;
  only?: string[];
  ignore?: string[];
  environment?: string;
  kind?: CertificateKind;
  colour: boolean;
}

/** Runs `check`; returns the exit code (0 nothing reached --fail-on, 1 something did). */
export async function runCheck(inputs: string[], opts: CheckCommandOptions, write: Write): Promise<number> {
  const files = await listFiles(inputs);
  const checkOptions: CheckOptions = {
    at: opts.at,
    environment: opts.environment,
    only: opts.only,
    ignore: opts.ignore,
    kind: opts.kind,
    crypto: createNodeCrypto(),
  };
  const checker = new Checker(checkOptions);
  const reporter = makeReporter(opts.format, write, opts.colour);
  const summary = emptySummary();
  const threshold = opts.failOn === 'never' ? Infinity : SEVERITY_RANK[opts.failOn];
  let worst = 0;
  reporter.begin({ tool: TOOL, evaluatedAt: new Date(checker.options.evaluationTime).toISOString(), environment: checker.options.environment.name });
  for await (const source of readSources(files)) {
    for (const decoded of checker.decodeSource(source.bytes, source.path)) {
      const result = checker.lint(decoded.result);
      for (const f of result.findings) worst = Math.max(worst, SEVERITY_RANK[f.severity]);
      addToSummary(summary, result);
      reporter.result(result);
    }
  }
  reporter.end(summary);
  return worst >= threshold ? 1 : 0;
}

function makeReporter(format: CheckFormat, write: Write, colour: boolean): Reporter {
  switch (format) {
    case 'json':
      return new JsonReporter(write);
    case 'jsonl':
      return new JsonlReporter(write);
    case 'text':
      return new TextReporter(write, colour ? COLOUR : PLAIN);
  }
}
