export { defineRule, assertMeta } from './define-rule.js';
export { Linter, sortFindings } from './engine.js';
export type { LintOptions, LintOutcome } from './engine.js';
export { ENGINE_FINDINGS, INPUT_NO_CERTIFICATE, INPUT_INVALID_ENCODING, INPUT_NOT_CERTIFICATE, INPUT_TOO_LARGE, INPUT_UNREADABLE, INTERNAL_RULE_ERROR } from './engine-findings.js';
export { matchesAny, isSelected } from './selection.js';
export type { RuleSelection } from './selection.js';
export { SEVERITIES, SEVERITY_RANK } from './types.js';
export type * from './types.js';
