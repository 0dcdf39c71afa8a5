export { DerNode, Tag, tagName, nodeName } from './node.js';
export { bytesEqual } from './bytes.js';
export { parseDer } from './parse.js';
export type { DerParseOptions, DerParseResult } from './parse.js';
export { DER_VIOLATION_KINDS } from './violations.js';
export type { DerViolation, DerViolationKind } from './violations.js';
export { decodeOid, oidOf, decodeInteger, decodeSmallInteger, decodeString, decodeTime, stringTypeOf, toHex, latin1, HEX } from './values.js';
export type { StringType, TimeEncoding, DecodedTime } from './values.js';
export { OID, oidName, describeOid } from './oids.js';
