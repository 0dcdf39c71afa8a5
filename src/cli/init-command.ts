import { writeFileSync } from 'node:fs';
import { UsageError } from '../input/node.js';
import { osReason } from '../input/os-error.js';

/** Where the configuration's JSON Schema is once the package is installed (editors read $schema). */
export const CONFIG_SCHEMA_REF = './node_modules/smki-lint/dist/config.schema.json';

/** The starting configuration `smki-lint init` writes: every setting, explained, and harmless as it stands. */
export const INIT_CONFIG = `{
  // smki-lint configuration. Use it with: smki-lint check --config smki-lint.jsonc <inputs>
  // Comments like these are allowed. Every setting is optional; the JSON Schema below checks them.
  "$schema": "${CONFIG_SCHEMA_REF}",

  // The policy OID environment used unless --environment says otherwise. Built in: "test".
  "environment": "test",

  // Environments of your own, with the policy OIDs each certificate kind may carry, e.g.
  //   { "name": "production", "policies": { "organisation": ["2.999.1"] } }
  "environments": [],

  // Roles added to the role table, or replacing a built-in role with the same code, e.g.
  //   { "code": 200, "name": "exampleRole", "keyUsages": ["digitalSignature"] }
  "roles": [],

  // Severity by rule id or dotted prefix (the longest match wins): error, warning or notice, e.g.
  //   "org.role.key-usage-unusual": "notice", "chain": "warning"
  "severity": {},

  // Findings accepted for one document until a date: they stay in the output, marked as waived,
  // and do not count for --fail-on. Name the document by its sha256 (smki-lint check gives it),
  // or a certificate by serial and issuer; name a rule id or prefix; say why and until when:
  //   { "sha256": "bb78e430665696c5339d0cf020f09227801ebab8c4d89320fa9d274dd41f0e46",
  //     "rule": "org.role.reserved", "reason": "legacy test certificate, replaced in Q3",
  //     "expires": "2026-09-30" }
  // After expires the finding counts again (config.waiver-expired); a waiver that matches nothing
  // is reported as config.waiver-unused. check --write-baseline FILE writes one per finding.
  "waivers": []
}
`;

/** `smki-lint init [file]`: writes the starting configuration; an existing file is kept unless --force. */
export function runInit(path: string, force: boolean, write: (text: string) => void): number {
  try {
    writeFileSync(path, INIT_CONFIG, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new UsageError(`cannot write '${path}': ${exists ? 'it exists already (use --force to replace it)' : osReason(error)}`);
  }
  write(`wrote ${path}: use it with smki-lint check --config ${path} <inputs>\n`);
  return 0;
}
