import { FORMAT_NAMES } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { CERTIFICATE_KINDS } from '../smki/index.js';
import type { CertificateKind } from '../smki/index.js';
import { badRequest } from './http-error.js';

/** The options of one check or compare, as the command line names them. */
export interface RequestOptions {
  at?: string;
  environment?: string;
  only?: string[];
  ignore?: string[];
  kind?: CertificateKind;
  requireIssuer?: boolean;
  format?: FormatName;
  /** The name a raw body's results carry as their source path. */
  name?: string;
}

type Key = keyof RequestOptions;

/** Option names in the query string and multipart fields (the command line's), and in a JSON body. */
const TEXT_NAMES: Record<string, Key> = { at: 'at', environment: 'environment', only: 'only', ignore: 'ignore', kind: 'kind', 'require-issuer': 'requireIssuer', format: 'format', name: 'name' };
const JSON_NAMES: Record<string, Key> = { at: 'at', environment: 'environment', only: 'only', ignore: 'ignore', kind: 'kind', requireIssuer: 'requireIssuer', format: 'format' };

/** Whether a query or multipart field name is an option this endpoint takes. */
export function isTextOption(name: string, allowed: readonly Key[]): boolean {
  const key = TEXT_NAMES[name];
  return key !== undefined && allowed.includes(key);
}

export function isJsonOption(name: string, allowed: readonly Key[]): boolean {
  const key = JSON_NAMES[name];
  return key !== undefined && allowed.includes(key);
}

/**
 * Adds options given as text (the query string, multipart fields): only and ignore are
 * comma-separated and repeatable, require-issuer is a flag (empty, true, 1, false, 0), the others are
 * given once. Names not in `allowed` are refused, naming `where`.
 */
export function addTextOptions(into: RequestOptions, pairs: Iterable<[string, string]>, allowed: readonly Key[], where: string): void {
  for (const [name, value] of pairs) {
    const key = TEXT_NAMES[name];
    if (key === undefined || !allowed.includes(key)) throw unknownOption(name, where, allowed, TEXT_NAMES);
    if (key === 'only' || key === 'ignore') {
      into[key] = [...(into[key] ?? []), ...splitList(value)];
      continue;
    }
    if (into[key] !== undefined) throw badRequest(`${where}: '${name}' is given twice`);
    if (key === 'requireIssuer') into.requireIssuer = flag(name, value, where);
    else set(into, key, value, name, where);
  }
}

/** Adds options given as JSON values: only and ignore as an array of strings (or one comma-separated string), requireIssuer as a boolean. */
export function addJsonOptions(into: RequestOptions, body: Record<string, unknown>, allowed: readonly Key[]): void {
  for (const [name, value] of Object.entries(body)) {
    const key = JSON_NAMES[name];
    if (key === undefined || !allowed.includes(key)) continue;
    if (into[key] !== undefined) throw badRequest(`'${name}' is given both in the query string and in the JSON body`);
    if (key === 'only' || key === 'ignore') {
      const list = typeof value === 'string' ? splitList(value) : value;
      if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) throw badRequest(`JSON body: '${name}' must be an array of rule ids or prefixes`);
      into[key] = list.flatMap(splitList);
    } else if (key === 'requireIssuer') {
      if (typeof value !== 'boolean') throw badRequest(`JSON body: 'requireIssuer' must be true or false`);
      into.requireIssuer = value;
    } else {
      if (typeof value !== 'string') throw badRequest(`JSON body: '${name}' must be a string`);
      set(into, key, value, name, 'JSON body');
    }
  }
}

function set(into: RequestOptions, key: Key, value: string, name: string, where: string): void {
  if (key === 'kind' && !CERTIFICATE_KINDS.includes(value as CertificateKind)) throw badRequest(`${where}: kind '${value}' is not one of ${CERTIFICATE_KINDS.join(', ')}`);
  if (key === 'format' && !FORMAT_NAMES.includes(value as FormatName)) throw badRequest(`${where}: format '${value}' is not one of ${FORMAT_NAMES.join(', ')}`);
  if (value === '') throw badRequest(`${where}: '${name}' is empty`);
  (into as Record<string, unknown>)[key] = value;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function flag(name: string, value: string, where: string): boolean {
  if (value === '' || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw badRequest(`${where}: '${name}' is a flag: give it without a value, or as true, false, 1 or 0 (not '${value}')`);
}

function unknownOption(name: string, where: string, allowed: readonly Key[], names: Record<string, Key>) {
  const known = Object.entries(names)
    .filter(([, key]) => allowed.includes(key))
    .map(([n]) => n);
  return badRequest(`${where}: '${name}' is not an option here (options: ${known.join(', ')})`);
}
