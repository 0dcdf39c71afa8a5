export { decodeCertificate } from './certificate.js';
export { attributesOf, formatName } from './name.js';
export { findExtension, extensionValue } from './lookup.js';
export { KNOWN_EXTENSIONS } from './extensions/index.js';
export type * from './types.js';
