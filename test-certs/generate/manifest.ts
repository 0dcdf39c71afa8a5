import type { SampleFile } from './sample-file.js';

/** The fixed context the manifest's expectations hold for. */
export const EVALUATION_TIME = '2026-06-01T00:00:00Z';
export const ENVIRONMENT = 'test';
export const MANIFEST = 'manifest.json';

const str = (value: string) => JSON.stringify(value);

/** manifest.json: JSON with one line per field, so each golden expectation reads and diffs as one line. */
export function manifestText(files: SampleFile[]): string {
  const entries = files.map((f) => {
    const fields = [`"file": ${str(f.file)}`, `"kind": ${str(f.kind)}`, `"description": ${str(f.description)}`];
    if (f.certificates !== undefined) fields.push(`"certificates": ${f.certificates}`);
    fields.push(`"expect": [${f.expect.map(str).join(', ')}]`);
    return `    {\n${fields.map((l) => `      ${l}`).join(',\n')}\n    }`;
  });
  return [
    '{',
    `  "evaluationTime": ${str(EVALUATION_TIME)},`,
    `  "environment": ${str(ENVIRONMENT)},`,
    '  "files": [',
    entries.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
