import type { DocumentModel, Extension, ExtensionValues, KnownExtensionName } from './types.js';

/** The first extension with this name, if present. */
export function findExtension(cert: DocumentModel, name: KnownExtensionName): Extension | undefined {
  const list = cert.extensions;
  for (let i = 0; i < list.length; i++) if (list[i].known === name) return list[i];
  return undefined;
}

/** The typed value of the first extension with this name, when present and decodable. */
export function extensionValue<K extends KnownExtensionName>(cert: DocumentModel, name: K): ExtensionValues[K] | undefined {
  return findExtension(cert, name)?.parsed as ExtensionValues[K] | undefined;
}
