import type { ExpectedFinding } from './locations.js';
import type { SampleFile, SamplePair } from './sample-file.js';

/** The fixed context the manifest's expectations hold for. */
export const EVALUATION_TIME = '2026-06-01T00:00:00Z';
export const ENVIRONMENT = 'test';
export const MANIFEST = 'manifest.json';
/** The issuers a pair's comparison expectations assume (`compare --issuer valid`). */
export const PAIRS_ISSUERS = 'valid';

const str = (value: string) => JSON.stringify(value);

/** One finding per line, so a changed offset reads and diffs as one line. */
function findingsText(findings: ExpectedFinding[]): string {
  if (findings.length === 0) return '[]';
  return `[\n${findings.map((f) => `        ${JSON.stringify(f)}`).join(',\n')}\n      ]`;
}

/** manifest.json: JSON with one line per field, so each golden expectation reads and diffs as one line. */
export function manifestText(files: SampleFile[], pairs: SamplePair[]): string {
  const block = (fields: string[]) => `    {\n${fields.map((l) => `      ${l}`).join(',\n')}\n    }`;
  const entries = files.map((f) => {
    const fields = [`"file": ${str(f.file)}`, `"kind": ${str(f.kind)}`];
    if (f.document) fields.push(`"document": ${str(f.document)}`);
    fields.push(`"description": ${str(f.description)}`);
    if (f.items !== undefined) fields.push(`"items": ${f.items}`);
    fields.push(`"expect": [${f.expect.map(str).join(', ')}]`);
    if (f.signer !== undefined) fields.push(`"signer": ${str(f.signer)}`, `"expectSigner": [${(f.expectSigner ?? []).map(str).join(', ')}]`);
    fields.push(`"findings": ${findingsText(f.findings)}`);
    return block(fields);
  });
  const pairEntries = pairs.map((p) =>
    block([`"request": ${str(p.request)}`, `"certificate": ${str(p.certificate)}`, `"description": ${str(p.description)}`, `"expect": [${p.expect.map(str).join(', ')}]`, `"findings": ${findingsText(p.findings)}`]),
  );
  return [
    '{',
    `  "evaluationTime": ${str(EVALUATION_TIME)},`,
    `  "environment": ${str(ENVIRONMENT)},`,
    '  "files": [',
    entries.join(',\n'),
    '  ],',
    `  "pairsIssuers": ${str(PAIRS_ISSUERS)},`,
    '  "pairs": [',
    pairEntries.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
