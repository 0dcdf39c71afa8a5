import type { DerViolationKind } from '../../der/index.js';
import { DER_VIOLATION_KINDS } from '../../der/index.js';
import { defineRule } from '../../lint/index.js';
import type { Rule, RuleSource, Severity } from '../../lint/index.js';

/**
 * Each DER violation kind of the strict reader, with the X.690 clause it breaks: an error sourced
 * to X.690, unless the entry says otherwise (the reader's own nesting limit breaks no clause).
 */
const DER_RULES: Record<DerViolationKind, { citation: string; description: string; severity?: Severity; source?: RuleSource }> = {
  'length.indefinite': { citation: 'X.690 10.1', description: 'An element uses the indefinite length form; DER requires definite lengths.' },
  'length.non-minimal': { citation: 'X.690 10.1, 8.1.3.5', description: 'A length is not written in the fewest octets (long form where short fits, or leading zero octets).' },
  'length.invalid': { citation: 'X.690 8.1.3', description: 'A length cannot be read: the reserved 0xFF octet, more length octets than any input has, or an indefinite length on a primitive element.' },
  'tag.non-minimal': { citation: 'X.690 8.1.2.4', description: 'A tag number below 31 uses the high-tag-number form, or that form has a leading 0x80 octet.' },
  truncated: { citation: 'X.690 8.1.1', description: 'An element declares more content octets than remain, or an indefinite-length element has no end-of-contents.' },
  'boolean.invalid': { citation: 'X.690 11.1', description: 'A BOOLEAN is not a single octet 0x00 (FALSE) or 0xFF (TRUE).' },
  'integer.empty': { citation: 'X.690 8.3.1', description: 'An INTEGER has no content octets.' },
  'integer.non-minimal': { citation: 'X.690 8.3.2', description: 'An INTEGER has a redundant leading 0x00 or 0xFF octet.' },
  'null.content': { citation: 'X.690 8.8.2', description: 'A NULL has content octets.' },
  'bitstring.empty': { citation: 'X.690 8.6.2', description: 'A BIT STRING lacks its initial unused-bits octet.' },
  'bitstring.unused-bits': { citation: 'X.690 8.6.2.2, 8.6.2.3', description: 'A BIT STRING declares more than 7 unused bits, or unused bits with no data.' },
  'bitstring.padding': { citation: 'X.690 11.2.1', description: 'A BIT STRING has non-zero unused (padding) bits.' },
  'oid.empty': { citation: 'X.690 8.19.1', description: 'An OBJECT IDENTIFIER has no content octets.' },
  'oid.non-minimal': { citation: 'X.690 8.19.2', description: 'An OBJECT IDENTIFIER arc starts with a 0x80 padding octet.' },
  'oid.invalid': { citation: 'X.690 8.19.2', description: 'An OBJECT IDENTIFIER ends in the middle of an arc.' },
  'time.utc-format': { citation: 'X.690 11.8; RFC 5280 4.1.2.5.1', description: 'A UTCTime is not exactly YYMMDDHHMMSSZ with a valid date.' },
  'time.generalized-format': { citation: 'X.690 11.7; RFC 5280 4.1.2.5.2', description: 'A GeneralizedTime is not exactly YYYYMMDDHHMMSSZ with a valid date (no fractions, no offsets).' },
  'string.printable': { citation: 'X.680 41.4 (PrintableString)', description: 'A PrintableString holds a character outside its alphabet (A-Z a-z 0-9 space \' ( ) + , - . / : = ?).' },
  'string.ia5': { citation: 'X.680 41 (IA5String)', description: 'An IA5String holds an octet above 0x7F.' },
  'string.numeric': { citation: 'X.680 41.2 (NumericString)', description: 'A NumericString holds a character other than a digit or space.' },
  'string.visible': { citation: 'X.680 41 (VisibleString)', description: 'A VisibleString holds a control character.' },
  'string.utf8': { citation: 'X.690 8.23.10; RFC 3629', description: 'A UTF8String is not valid UTF-8 (bad sequence, overlong form, surrogate or beyond U+10FFFF).' },
  'string.bmp': { citation: 'X.690 8.23.8 (BMPString)', description: 'A BMPString has an odd number of octets, or holds a surrogate (U+D800 to U+DFFF), which is not a character of the Basic Multilingual Plane; a lone surrogate is shown as U+FFFD.' },
  'string.universal': { citation: 'X.690 8.23.7 (UniversalString); X.680 41 (ISO/IEC 10646 characters)', description: 'A UniversalString whose length is not a multiple of four, or that holds a value that is not a character (a surrogate or beyond U+10FFFF), shown as U+FFFD.' },
  'set.order': { citation: 'X.690 11.6', description: 'The elements of a SET OF are not in ascending order of their encodings.' },
  form: { citation: 'X.690 10.2, 8.1.2.5', description: 'An element uses the wrong form: a string or BIT STRING constructed, a SEQUENCE or SET primitive, or end-of-contents octets where none belong.' },
  'default-encoded': { citation: 'X.690 11.5', description: 'A component equal to its DEFAULT value is encoded (critical FALSE, cA FALSE, version v1).' },
  'trailing-bytes': { citation: 'X.690 8.1.1; RFC 5280 4.1', description: 'Bytes follow the end of the certificate or request, or the one DER element an extension value (extnValue) holds.' },
  depth: {
    citation: 'smki-lint safety limit of 64 levels (X.690 sets none; no SMKI structure nests nearly as deep)',
    description: 'Elements are nested deeper than the reader accepts, so their content was not read or checked.',
    severity: 'warning',
    source: 'adopted',
  },
};

function derRule(kind: DerViolationKind): Rule {
  const { citation, description, severity = 'error', source = 'spec' } = DER_RULES[kind];
  return defineRule({
    id: `der.${kind}`,
    severity,
    appliesTo: 'all',
    documents: ['certificate', 'csr'],
    citation,
    description,
    source,
    onMalformed: true,
    check({ doc }, ctx) {
      for (const v of doc.violations) {
        if (v.kind === kind) ctx.report({ path: `der@${v.offset}`, offset: v.offset, message: v.message });
      }
    },
  });
}

export const DER_VIOLATION_RULES: readonly Rule[] = DER_VIOLATION_KINDS.map(derRule);
