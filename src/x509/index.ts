export { decodeCertificate, decodeCertificateTree } from './certificate.js';
export { decodeRequest, decodeRequestTree } from './request.js';
export { decodeDocument, documentKindOf } from './document.js';
export type { DecodedDocument } from './document.js';
export { attributesOf, firstAttribute, formatName } from './name.js';
export { findExtension, extensionValue } from './lookup.js';
export { KNOWN_EXTENSIONS } from './extensions/index.js';
export type * from './types.js';
