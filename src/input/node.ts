// Node-only input stage: expanding and reading files, directories and standard input.
export { CERTIFICATE_EXTENSIONS, UsageError, expandInputs, readFileSource, readFiles, readSource, readSources } from './read.js';
export type { ExpandOptions, ReadOptions, Source } from './read.js';
