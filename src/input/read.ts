// Node-only: turning command-line inputs (files, directories, '-') into sources, in a
// deterministic order.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import process from 'node:process';
import { concatBytes } from './bytes.js';
import { displayPath } from './display-path.js';
import { fsPath } from './fs-path.js';
import { readStart } from './file-bytes.js';
import type { FileStart } from './file-bytes.js';
import { osReason } from './os-error.js';

export interface Source {
  /** The path as given or as found under a directory; '-' for standard input. */
  path: string;
  bytes: Uint8Array;
}

/** An input the user named cannot be used; the message names the path and the reason. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The file names a directory walk picks up by default (compared case-insensitively): certificates, CSRs and DUIS requests. */
export const CERTIFICATE_EXTENSIONS: readonly string[] = Object.freeze(['.pem', '.crt', '.cer', '.der', '.cert', '.csr', '.req', '.xml']);

export interface ExpandOptions {
  /** Name endings a directory walk keeps, e.g. ['.pem', '.csr']; default CERTIFICATE_EXTENSIONS. */
  extensions?: readonly string[];
}

export type ReadOptions = ExpandOptions;

function usageError(path: string, error: unknown): UsageError {
  const what = path === '-' ? 'standard input' : `'${path}'`;
  return new UsageError(`cannot read ${what}: ${osReason(error)}`, { cause: error });
}

/** What the file system is given to open: the name as text, or as bytes when it is not UTF-8. */
export type FilePath = string | Uint8Array;

/** One input to read, as listed by listInputFiles. */
export interface InputFile {
  /** What to open ('-' for standard input). */
  path: FilePath;
  /** The name shown in results and messages: the path, with bytes that are not UTF-8 escaped (\xE9). */
  display: string;
  /** A regular file, which can be read more than once; pipes, devices and standard input cannot. */
  regular: boolean;
}

/**
 * The files to read, in order: each input as given (any name; '-' kept), directories replaced by
 * the files under them whose names end with one of the extensions, depth-first, each directory's
 * entries in byte order of their names. Names are read as bytes, so a name that is not UTF-8 is
 * still opened (and shown escaped). A directory reached twice (a symlink loop or two links to one
 * place) is walked once per input.
 */
export async function listInputFiles(inputs: string[], opts: ExpandOptions = {}): Promise<InputFile[]> {
  const extensions = (opts.extensions ?? CERTIFICATE_EXTENSIONS).map((e) => utf8.encode(normaliseExtension(e)));
  const files: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push({ path: input, display: input, regular: false });
      continue;
    }
    const stats = await statOrThrow(input, input);
    if (stats.isDirectory()) await walk(input, stats, extensions, files, new Set());
    else files.push({ path: input, display: input, regular: stats.isFile() });
  }
  return files;
}

/** The names listInputFiles finds, as shown (see InputFile.display). */
export async function expandInputs(inputs: string[], opts: ExpandOptions = {}): Promise<string[]> {
  return (await listInputFiles(inputs, opts)).map((f) => f.display);
}

function normaliseExtension(extension: string): string {
  const lower = extension.toLowerCase();
  return lower.startsWith('.') ? lower : `.${lower}`;
}

async function statOrThrow(path: FilePath, display: string): Promise<Stats> {
  try {
    return await stat(fsPath(path));
  } catch (error) {
    throw usageError(display, error);
  }
}

async function walk(dir: FilePath, stats: Stats, extensions: Uint8Array[], files: InputFile[], seen: Set<string>): Promise<void> {
  const identity = `${stats.dev}:${stats.ino}`;
  if (seen.has(identity)) return;
  seen.add(identity);
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    throw usageError(displayPath(dir), error);
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const path = childPath(dir, entry.name);
    const display = displayPath(path);
    const wanted = hasExtension(entry.name, extensions);
    if (entry.isDirectory()) {
      await walk(path, await statOrThrow(path, display), extensions, files, seen);
    } else if (entry.isFile()) {
      if (wanted) files.push({ path, display, regular: true });
    } else if (entry.isSymbolicLink()) {
      let target: Stats;
      try {
        target = await stat(fsPath(path));
      } catch (error) {
        // A dangling link only matters when it looks like a certificate file.
        if (wanted) throw usageError(display, error);
        continue;
      }
      if (target.isDirectory()) await walk(path, target, extensions, files, seen);
      else if (wanted && target.isFile()) files.push({ path, display, regular: true });
    }
    // Sockets, FIFOs and devices inside a directory are not certificate files.
  }
}

/** dir/name: text while every name is UTF-8, bytes from the first one that is not. */
function childPath(dir: FilePath, name: Buffer): FilePath {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString('utf8'));
  const parent = typeof dir === 'string' ? Buffer.from(dir, 'utf8') : Buffer.from(dir);
  const needsSeparator = parent.length > 0 && parent[parent.length - 1] !== SEPARATOR;
  return Buffer.concat([parent, needsSeparator ? Buffer.of(SEPARATOR) : Buffer.alloc(0), name]);
}

const SEPARATOR = sep.charCodeAt(0);

function hasExtension(name: Buffer, extensions: Uint8Array[]): boolean {
  return extensions.some((extension) => {
    if (name.length <= extension.length) return false;
    const at = name.length - extension.length;
    for (let i = 0; i < extension.length; i++) {
      const b = name[at + i];
      // ASCII case folding only: the extensions are ASCII.
      if ((b >= 0x41 && b <= 0x5a ? b + 0x20 : b) !== extension[i]) return false;
    }
    return true;
  });
}

const utf8 = new TextEncoder();

let stdin: Promise<Uint8Array> | undefined;

/**
 * All of one input's bytes, read whole; '-' is standard input, read once and shared by every '-'.
 * (Checking reads inputs in pieces instead, see ./parts.ts.)
 */
export async function readSource(path: string): Promise<Source> {
  if (path === '-') {
    stdin ??= readStdin();
    return { path, bytes: await stdin };
  }
  return readFileSource(path);
}

/**
 * A file's bytes, at most maxItemSize of them (more is a usage error), read synchronously: for the many small files of a certificate repository, one
 * blocking open/read/close beats a round trip through the thread pool per call several times over.
 */
export function readFileSource(path: FilePath, maxItemSize = Infinity): Source {
  const display = displayPath(path);
  let start: FileStart;
  try {
    const fd = openSync(fsPath(path), 'r');
    try {
      start = readStart(fd, maxItemSize);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw usageError(display, error);
  }
  if (!start.complete) throw new UsageError(`'${display}' is larger than the item size limit (${maxItemSize} bytes; --max-item-size)`);
  return { path: display, bytes: start.bytes };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? utf8.encode(chunk) : chunk;
      chunks.push(bytes);
      length += bytes.length;
    }
  } catch (error) {
    throw usageError('-', error);
  }
  return concatBytes(chunks, length);
}

/**
 * Expands the inputs (so a bad path fails before anything is read), then yields every source in
 * that order, each read whole. A file that cannot be read when its turn comes throws.
 */
export async function* readSources(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<Source> {
  for (const file of await listInputFiles(inputs, opts)) yield file.path === '-' ? await readSource('-') : readFileSource(file.path);
}
