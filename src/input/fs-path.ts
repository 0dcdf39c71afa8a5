import type { PathLike } from 'node:fs';
import type { FilePath } from './read.js';

/** node:fs takes a Uint8Array path as it takes a Buffer; its types name only Buffer. */
export const fsPath = (path: FilePath) => path as PathLike;
