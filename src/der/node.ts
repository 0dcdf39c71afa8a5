/** One TLV of a DER tree. Offsets are absolute positions in the original buffer. */
export class DerNode {
  // Declared, not defined: a defined class field costs every construction a store of undefined
  // before the constructor's own, and a certificate makes some sixty nodes.
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  declare readonly tagClass: number;
  declare readonly constructed: boolean;
  declare readonly tagNumber: number;
  /** Offset of the identifier octet. */
  declare readonly offset: number;
  /** Identifier plus length octets. */
  declare readonly headerLength: number;
  /** Offset one past the last content octet (clamped to the bytes present when truncated). */
  declare end: number;
  declare children: DerNode[] | null;

  constructor(tagClass: number, constructed: boolean, tagNumber: number, offset: number, headerLength: number, end: number, children: DerNode[] | null) {
    this.tagClass = tagClass;
    this.constructed = constructed;
    this.tagNumber = tagNumber;
    this.offset = offset;
    this.headerLength = headerLength;
    this.end = end;
    this.children = children;
  }

  get valueOffset(): number {
    return this.offset + this.headerLength;
  }

  get length(): number {
    return this.end - this.offset - this.headerLength;
  }

  /** True for a universal-class node with the given tag number. */
  is(tagNumber: number): boolean {
    return this.tagClass === 0 && this.tagNumber === tagNumber;
  }

  /** True for a context-specific node with the given tag number. */
  isContext(tagNumber: number): boolean {
    return this.tagClass === 2 && this.tagNumber === tagNumber;
  }
}

export const enum Tag {
  Boolean = 1,
  Integer = 2,
  BitString = 3,
  OctetString = 4,
  Null = 5,
  Oid = 6,
  Enumerated = 10,
  Utf8String = 12,
  Sequence = 16,
  Set = 17,
  NumericString = 18,
  PrintableString = 19,
  TeletexString = 20,
  Ia5String = 22,
  UtcTime = 23,
  GeneralizedTime = 24,
  VisibleString = 26,
  UniversalString = 28,
  BmpString = 30,
}

const UNIVERSAL_NAMES: Record<number, string> = {
  0: 'end-of-contents',
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  10: 'ENUMERATED',
  12: 'UTF8String',
  16: 'SEQUENCE',
  17: 'SET',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  23: 'UTCTime',
  24: 'GeneralizedTime',
  26: 'VisibleString',
  28: 'UniversalString',
  30: 'BMPString',
};

/** A readable name for a tag: "SEQUENCE", "[0]", "[APPLICATION 3]". */
export function tagName(tagClass: number, tagNumber: number): string {
  if (tagClass === 0) return UNIVERSAL_NAMES[tagNumber] ?? `UNIVERSAL ${tagNumber}`;
  if (tagClass === 2) return `[${tagNumber}]`;
  return `[${tagClass === 1 ? 'APPLICATION' : 'PRIVATE'} ${tagNumber}]`;
}

export function nodeName(node: DerNode): string {
  return tagName(node.tagClass, node.tagNumber);
}
