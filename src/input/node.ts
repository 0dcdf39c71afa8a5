// Node-only input stage: expanding and reading files, directories and standard input.
export { CERTIFICATE_EXTENSIONS, UsageError, expandInputs, listInputFiles, readFileSource, readSource, readSources } from './read.js';
export type { ExpandOptions, FilePath, InputFile, ReadOptions, Source } from './read.js';
export { DEFAULT_MAX_ITEM_SIZE, Spool, fileParts, streamParts } from './parts.js';
export type { InputPiece, PartOptions } from './parts.js';
export { InputReader } from './input-reader.js';
export { fileSize } from './file-bytes.js';
export { displayPath } from './display-path.js';
export { PemSplitter } from './splitter.js';
export type { SourcePart, SourcePosition } from './splitter.js';
