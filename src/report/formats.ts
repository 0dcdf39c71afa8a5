import type { OutputFormat, RunInfo } from './format.js';
import { JSON_FORMAT, JSONL_FORMAT } from './json-format.js';
import { JUNIT_FORMAT } from './junit-format.js';
import { sarifFormat } from './sarif-format.js';
import { COLOUR, PLAIN } from './style.js';
import { textFormat } from './text-format.js';

export type FormatName = 'text' | 'json' | 'jsonl' | 'sarif' | 'junit';

export const FORMAT_NAMES: readonly FormatName[] = ['text', 'json', 'jsonl', 'sarif', 'junit'];

/** The format by name; `run.noIssuers` lets SARIF give the run's chain.not-checked once. */
export function outputFormat(name: FormatName, colour: boolean, run: Pick<RunInfo, 'noIssuers'> = {}): OutputFormat {
  switch (name) {
    case 'json':
      return JSON_FORMAT;
    case 'jsonl':
      return JSONL_FORMAT;
    case 'sarif':
      return sarifFormat(run);
    case 'junit':
      return JUNIT_FORMAT;
    case 'text':
      return textFormat(colour ? COLOUR : PLAIN);
  }
}
