import { DOCUMENT_KINDS } from './types.js';
import type { RuleMeta } from './types.js';

/** Findings the pipeline itself emits (not rule checks); listed in the catalogue like rules. */
export const INPUT_NO_CERTIFICATE: RuleMeta = {
  id: 'input.no-certificate',
  severity: 'error',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'SEC Appendix M, Appendix F (accepted encodings: Base64 DER with or without PEM armour)',
  description: 'An input (file or stdin) held no certificate or certification request; the message says what it held.',
  source: 'spec',
  onMalformed: true,
};

export const INPUT_INVALID_ENCODING: RuleMeta = {
  id: 'input.invalid-encoding',
  severity: 'error',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'RFC 7468 (textual encodings of PKIX structures); XML 1.0 (well-formed documents)',
  description: 'A PEM block, base64 or hex text that does not decode to bytes, a DUIS request certificate element whose base64 does not decode, or a DUIS request that is not well-formed XML.',
  source: 'spec',
  onMalformed: true,
};

export const INPUT_NOT_CERTIFICATE: RuleMeta = {
  id: 'input.not-certificate',
  severity: 'error',
  appliesTo: 'all',
  documents: ['certificate', 'csr'],
  citation: 'RFC 7468 sections 5 and 7 (the CERTIFICATE and CERTIFICATE REQUEST labels)',
  description: 'A PEM block with a label other than CERTIFICATE or (NEW) CERTIFICATE REQUEST (a key, a CRL): not checked.',
  source: 'spec',
  onMalformed: true,
};

export const INPUT_LABEL_MISMATCH: RuleMeta = {
  id: 'input.label-mismatch',
  severity: 'warning',
  appliesTo: 'all',
  documents: ['certificate', 'csr'],
  citation: 'RFC 7468 sections 5 and 7 (CERTIFICATE holds a Certificate, CERTIFICATE REQUEST a CertificationRequest)',
  description: 'A PEM block labelled as one document holds the other (a CERTIFICATE block holding a request, or the reverse); it is checked as what it holds.',
  source: 'adopted',
  onMalformed: true,
};

export const INPUT_TOO_LARGE: RuleMeta = {
  id: 'input.too-large',
  severity: 'error',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'smki-lint input limit (--max-item-size; SMKI certificates are under 2 KB)',
  description: 'An item, or a stretch of an input with no item, is longer than the item size limit; the rest of that input was not read. The message gives the offset.',
  source: 'adopted',
  onMalformed: true,
};

export const INPUT_UNREADABLE: RuleMeta = {
  id: 'input.unreadable',
  severity: 'error',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'smki-lint (the input could not be read when its turn came; nothing in it, or after the offset given, was checked)',
  description: 'An input could not be read (it vanished, or the operating system refused); the message gives the reason.',
  source: 'adopted',
  onMalformed: true,
};

export const INTERNAL_RULE_ERROR: RuleMeta = {
  id: 'internal.rule-error',
  severity: 'error',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'smki-lint (a defect in the checker, not in the certificate)',
  description: 'A rule failed while checking this certificate; the other rules still ran. Please report it.',
  source: 'adopted',
  onMalformed: true,
};

export const CONFIG_WAIVER_EXPIRED: RuleMeta = {
  id: 'config.waiver-expired',
  severity: 'notice',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'smki-lint configuration (a waiver accepts a finding until its expires date; the evaluation time is past it)',
  description: 'A waiver of the configuration matched a finding of this item but has expired, so the finding counts again; the message names the waiver.',
  source: 'adopted',
  onMalformed: true,
};

export const CONFIG_WAIVER_UNUSED: RuleMeta = {
  id: 'config.waiver-unused',
  severity: 'notice',
  appliesTo: 'all',
  documents: DOCUMENT_KINDS,
  citation: 'smki-lint configuration (a waiver names the document and rule it accepts)',
  description: 'A waiver of the configuration matched no finding in the whole run: the finding was fixed, or the waiver names the wrong document or rule. Reported once for the run, not for an item.',
  source: 'adopted',
  onMalformed: true,
};

/** What the configuration's waivers report: an expired one (on the item it matched) and an unused one (for the run). */
export const CONFIG_FINDINGS: readonly RuleMeta[] = [CONFIG_WAIVER_EXPIRED, CONFIG_WAIVER_UNUSED];

const PAIRING = 'SEC Appendix M (a CSR, or a batch of CSRs, is answered by one certificate per request)';

export const COMPARE_CERTIFICATE_MISSING: RuleMeta = {
  id: 'compare.certificate.missing',
  severity: 'warning',
  appliesTo: 'all',
  documents: ['csr'],
  citation: PAIRING,
  description: 'compare: no certificate among those compared carries the public key of this request.',
  source: 'adopted',
  onMalformed: true,
};

export const COMPARE_REQUEST_MISSING: RuleMeta = {
  id: 'compare.request.missing',
  severity: 'warning',
  appliesTo: 'all',
  documents: ['certificate'],
  citation: PAIRING,
  description: 'compare: no request among those compared has the public key of this certificate.',
  source: 'adopted',
  onMalformed: true,
};

export const COMPARE_CERTIFICATE_DUPLICATE: RuleMeta = {
  id: 'compare.certificate.duplicate',
  severity: 'warning',
  appliesTo: 'all',
  documents: ['certificate'],
  citation: PAIRING,
  description: 'compare: two or more certificates carry the public key of the same request.',
  source: 'adopted',
};

/** What `compare` reports about pairing itself: requests and certificates left without a partner, or with two. */
export const COMPARE_FINDINGS: readonly RuleMeta[] = [COMPARE_CERTIFICATE_MISSING, COMPARE_REQUEST_MISSING, COMPARE_CERTIFICATE_DUPLICATE];

export const ENGINE_FINDINGS: readonly RuleMeta[] = [INPUT_NO_CERTIFICATE, INPUT_INVALID_ENCODING, INPUT_NOT_CERTIFICATE, INPUT_LABEL_MISMATCH, INPUT_TOO_LARGE, INPUT_UNREADABLE, INTERNAL_RULE_ERROR, ...CONFIG_FINDINGS, ...COMPARE_FINDINGS];
