/** The DER rules the reader enforces; each kind becomes the lint rule "der.<kind>". */
export type DerViolationKind =
  | 'length.indefinite'
  | 'length.non-minimal'
  | 'length.invalid'
  | 'tag.non-minimal'
  | 'truncated'
  | 'boolean.invalid'
  | 'integer.empty'
  | 'integer.non-minimal'
  | 'null.content'
  | 'bitstring.empty'
  | 'bitstring.unused-bits'
  | 'bitstring.padding'
  | 'oid.empty'
  | 'oid.non-minimal'
  | 'oid.invalid'
  | 'time.utc-format'
  | 'time.generalized-format'
  | 'string.printable'
  | 'string.ia5'
  | 'string.numeric'
  | 'string.visible'
  | 'string.utf8'
  | 'string.bmp'
  | 'string.universal'
  | 'set.order'
  | 'form'
  | 'default-encoded'
  | 'trailing-bytes'
  | 'depth';

export const DER_VIOLATION_KINDS: readonly DerViolationKind[] = [
  'length.indefinite',
  'length.non-minimal',
  'length.invalid',
  'tag.non-minimal',
  'truncated',
  'boolean.invalid',
  'integer.empty',
  'integer.non-minimal',
  'null.content',
  'bitstring.empty',
  'bitstring.unused-bits',
  'bitstring.padding',
  'oid.empty',
  'oid.non-minimal',
  'oid.invalid',
  'time.utc-format',
  'time.generalized-format',
  'string.printable',
  'string.ia5',
  'string.numeric',
  'string.visible',
  'string.utf8',
  'string.bmp',
  'string.universal',
  'set.order',
  'form',
  'default-encoded',
  'trailing-bytes',
  'depth',
];

export interface DerViolation {
  kind: DerViolationKind;
  /** Byte offset of the offending element (or octet, where more precise). */
  offset: number;
  /** What was found and what DER requires. */
  message: string;
}
