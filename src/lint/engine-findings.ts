import type { RuleMeta } from './types.js';

/** Findings the pipeline itself emits (not rule checks); listed in the catalogue like rules. */
export const INPUT_NO_CERTIFICATE: RuleMeta = {
  id: 'input.no-certificate',
  severity: 'error',
  appliesTo: 'all',
  citation: 'SEC Appendix M, Appendix F (accepted encodings: Base64 DER with or without PEM armour)',
  description: 'An input (file or stdin) held no certificate; the message says what it held.',
  source: 'spec',
  onMalformed: true,
};

export const INPUT_INVALID_ENCODING: RuleMeta = {
  id: 'input.invalid-encoding',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 7468 (textual encodings of PKIX structures)',
  description: 'A PEM block, base64 or hex text that does not decode to bytes.',
  source: 'spec',
  onMalformed: true,
};

export const INPUT_NOT_CERTIFICATE: RuleMeta = {
  id: 'input.not-certificate',
  severity: 'error',
  appliesTo: 'all',
  citation: 'RFC 7468 section 5 (the CERTIFICATE label)',
  description: 'A PEM block with a label other than CERTIFICATE (a request, a key, a CRL): not checked as a certificate.',
  source: 'spec',
  onMalformed: true,
};

export const INPUT_TOO_LARGE: RuleMeta = {
  id: 'input.too-large',
  severity: 'error',
  appliesTo: 'all',
  citation: 'smki-lint input limit (--max-item-size; SMKI certificates are under 2 KB)',
  description: 'An item, or a stretch of an input with no item, is longer than the item size limit; the rest of that input was not read. The message gives the offset.',
  source: 'adopted',
  onMalformed: true,
};

export const INPUT_UNREADABLE: RuleMeta = {
  id: 'input.unreadable',
  severity: 'error',
  appliesTo: 'all',
  citation: 'smki-lint (the input could not be read when its turn came; nothing in it, or after the offset given, was checked)',
  description: 'An input could not be read (it vanished, or the operating system refused); the message gives the reason.',
  source: 'adopted',
  onMalformed: true,
};

export const INTERNAL_RULE_ERROR: RuleMeta = {
  id: 'internal.rule-error',
  severity: 'error',
  appliesTo: 'all',
  citation: 'smki-lint (a defect in the checker, not in the certificate)',
  description: 'A rule failed while checking this certificate; the other rules still ran. Please report it.',
  source: 'adopted',
  onMalformed: true,
};

export const ENGINE_FINDINGS: readonly RuleMeta[] = [INPUT_NO_CERTIFICATE, INPUT_INVALID_ENCODING, INPUT_NOT_CERTIFICATE, INPUT_TOO_LARGE, INPUT_UNREADABLE, INTERNAL_RULE_ERROR];
