// Node-only: turning command-line inputs (files, directories, '-') into sources, in a
// deterministic order.
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { readFileBytes } from './file-bytes.js';
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

/**
 * The files to read, in order: each input as given (any name; '-' kept), directories replaced by
 * the files under them whose names end with one of the extensions, depth-first, each directory's
 * entries in byte order of their names. A directory reached twice (a symlink loop or two links to
 * one place) is walked once per input.
 */
export async function expandInputs(inputs: string[], opts: ExpandOptions = {}): Promise<string[]> {
  const extensions = (opts.extensions ?? CERTIFICATE_EXTENSIONS).map(normaliseExtension);
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stats = await statOrThrow(input);
    if (stats.isDirectory()) await walk(input, stats, extensions, files, new Set());
    else files.push(input);
  }
  return files;
}

function normaliseExtension(extension: string): string {
  const lower = extension.toLowerCase();
  return lower.startsWith('.') ? lower : `.${lower}`;
}

async function statOrThrow(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw usageError(path, error);
  }
}

async function walk(dir: string, stats: Stats, extensions: string[], files: string[], seen: Set<string>): Promise<void> {
  const identity = `${stats.dev}:${stats.ino}`;
  if (seen.has(identity)) return;
  seen.add(identity);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw usageError(dir, error);
  }
  for (const entry of sortByName(entries)) {
    const path = join(dir, entry.name);
    const wanted = hasExtension(entry.name, extensions);
    if (entry.isDirectory()) {
      await walk(path, await statOrThrow(path), extensions, files, seen);
    } else if (entry.isFile()) {
      if (wanted) files.push(path);
    } else if (entry.isSymbolicLink()) {
      let target: Stats;
      try {
        target = await stat(path);
      } catch (error) {
        // A dangling link only matters when it looks like a certificate file.
        if (wanted) throw usageError(path, error);
        continue;
      }
      if (target.isDirectory()) await walk(path, target, extensions, files, seen);
      else if (wanted && target.isFile()) files.push(path);
    }
    // Sockets, FIFOs and devices inside a directory are not certificate files.
  }
}

function hasExtension(name: string, extensions: string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.length > extension.length && lower.endsWith(extension));
}

/** Byte order of the UTF-8 names: the same on every platform and locale. */
function sortByName(entries: Dirent[]): Dirent[] {
  const keyed = entries.map((entry) => ({ entry, key: utf8.encode(entry.name) }));
  keyed.sort((a, b) => compareBytes(a.key, b.key));
  return keyed.map(({ entry }) => entry);
}

const utf8 = new TextEncoder();

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

let stdin: Promise<Uint8Array> | undefined;

/** All of one input's bytes; '-' is standard input, read once and shared by every '-'. */
export async function readSource(path: string): Promise<Source> {
  if (path === '-') {
    stdin ??= readStdin();
    return { path, bytes: await stdin };
  }
  return readFileSource(path);
}

/**
 * A file's bytes, read synchronously: for the many small files of a certificate repository, one
 * blocking open/read/close beats a round trip through the thread pool per call several times over.
 */
export function readFileSource(path: string): Source {
  try {
    return { path, bytes: readFileBytes(path) };
  } catch (error) {
    throw usageError(path, error);
  }
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
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Expands the inputs (so a bad path fails before anything is read), then yields every source in
 * that order. A file that cannot be read when its turn comes throws.
 */
export async function* readSources(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<Source> {
  yield* readFiles(await expandInputs(inputs, opts));
}

/** Reads paths already expanded by expandInputs, in order ('-' is standard input). */
export async function* readFiles(paths: readonly string[]): AsyncGenerator<Source> {
  for (const path of paths) yield path === '-' ? await readSource(path) : readFileSource(path);
}
