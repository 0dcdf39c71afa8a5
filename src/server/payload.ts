import type { IncomingMessage } from 'node:http';
import { readBody } from './body.js';
import { badRequest, HttpError } from './http-error.js';
import { addJsonOptions, addTextOptions, isJsonOption, isTextOption } from './request-options.js';
import type { RequestOptions } from './request-options.js';

/** One document sent: its bytes and the name its results carry as their source path. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** A list of documents an endpoint takes: its key in a JSON body, its field name in a multipart body. */
export interface DocumentList {
  key: string;
  field: string;
  /** At most one document (the DUIS signer). */
  single?: boolean;
}

/** What an endpoint reads from a request. */
export interface EndpointShape {
  lists: readonly DocumentList[];
  /** The list a body of bytes (PEM, DER, base64, hex, XML) fills; without it only JSON and multipart are taken. */
  raw?: string;
  options: readonly (keyof RequestOptions)[];
}

export interface Payload {
  lists: Record<string, NamedBytes[]>;
  options: RequestOptions;
}

/** Types of a body that is the document itself; what it holds is read from its content, as the CLI reads a file. */
export const RAW_TYPES: readonly string[] = [
  'application/x-pem-file',
  'application/pem-certificate-chain',
  'application/pkix-cert',
  'application/pkcs10',
  'application/x-x509-ca-cert',
  'application/x-x509-user-cert',
  'application/octet-stream',
  'text/plain',
  'application/xml',
  'text/xml',
];
const JSON_TYPE = 'application/json';
const MULTIPART_TYPE = 'multipart/form-data';

const utf8 = new TextEncoder();

/**
 * Reads a request's documents and options: options from the query string, and from the JSON body
 * or the multipart fields; documents from the body. The media type is judged before the body is
 * read (415); a body over the limit is not read on (413).
 */
export async function readPayload(req: IncomingMessage, query: URLSearchParams, shape: EndpointShape, maxBodySize: number, beforeReading: () => void): Promise<Payload> {
  const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
  const accepted = [...(shape.raw ? RAW_TYPES : []), JSON_TYPE, MULTIPART_TYPE];
  if (!accepted.includes(type)) {
    throw new HttpError(415, 'unsupported-media-type', `Content-Type '${type}' is not taken here; send one of ${accepted.join(', ')}`);
  }
  const options: RequestOptions = {};
  addTextOptions(options, query, [...shape.options, ...(shape.raw ? (['name'] as const) : [])], 'query string');
  if (options.name !== undefined && (type === JSON_TYPE || type === MULTIPART_TYPE)) throw badRequest(`query string: 'name' names a body that is the document itself; in a ${type} body each document carries its own name`);

  const body = await readBody(req, maxBodySize, beforeReading);
  if (body.length === 0) throw badRequest(`the body is empty: send ${shape.raw ? 'a certificate, CSR or DUIS request, or ' : ''}a JSON or multipart body (see the README's API section)`);
  const lists: Record<string, NamedBytes[]> = Object.fromEntries(shape.lists.map((l) => [l.key, []]));
  if (type === JSON_TYPE) readJson(body, shape, lists, options);
  else if (type === MULTIPART_TYPE) await readMultipart(body, req.headers['content-type']!, shape, lists, options);
  else lists[shape.raw!].push({ name: options.name ?? 'body', bytes: body });
  for (const list of shape.lists) {
    if (list.single && lists[list.key].length > 1) throw badRequest(`'${list.key}' is one certificate; ${lists[list.key].length} were sent`);
  }
  return { lists, options };
}

function readJson(body: Buffer, shape: EndpointShape, lists: Record<string, NamedBytes[]>, options: RequestOptions): void {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(`the JSON body does not parse: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw badRequest(`the JSON body must be an object such as { "${shape.lists[0].key}": ["-----BEGIN CERTIFICATE-----\\n..."] }`);
  const object = json as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!shape.lists.some((l) => l.key === key) && !isJsonOption(key, shape.options)) {
      throw badRequest(`JSON body: '${key}' is not a field here (fields: ${[...shape.lists.map((l) => l.key), ...shape.options.filter((o) => isJsonOption(o, shape.options))].join(', ')})`);
    }
  }
  addJsonOptions(options, object, shape.options);
  for (const list of shape.lists) {
    const value = object[list.key];
    if (value === undefined) continue;
    const items = list.single ? [value] : value;
    if (!Array.isArray(items)) throw badRequest(`JSON body: '${list.key}' must be an array of documents (strings, or { "name", "content" } objects)`);
    items.forEach((item, i) => lists[list.key].push(jsonDocument(item, list.single ? list.key : `${list.key}[${i}]`)));
  }
}

/** A document in a JSON body: its text (PEM, base64 or hex of DER, or XML), or { name, content }. */
function jsonDocument(item: unknown, where: string): NamedBytes {
  if (typeof item === 'string') return { name: where, bytes: utf8.encode(item) };
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const { name, content, ...rest } = item as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0) throw badRequest(`JSON body: ${where} has '${extra[0]}'; a document is a string or { "name", "content" }`);
    if (typeof content !== 'string') throw badRequest(`JSON body: ${where}.content must be a string (PEM, base64 or hex of DER, or XML)`);
    if (name !== undefined && (typeof name !== 'string' || name === '')) throw badRequest(`JSON body: ${where}.name must be a non-empty string`);
    return { name: (name as string | undefined) ?? where, bytes: utf8.encode(content) };
  }
  throw badRequest(`JSON body: ${where} must be a string (PEM, base64 or hex of DER, or XML) or { "name", "content" }`);
}

async function readMultipart(body: Buffer, contentType: string, shape: EndpointShape, lists: Record<string, NamedBytes[]>, options: RequestOptions): Promise<void> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('the multipart/form-data body does not parse (check the boundary parameter and the parts)');
  }
  const fields: [string, string][] = [];
  const counts = new Map<string, number>();
  for (const [field, value] of form) {
    const list = shape.lists.find((l) => l.field === field || l.key === field);
    if (list) {
      const i = counts.get(list.key) ?? 0;
      counts.set(list.key, i + 1);
      const fallback = list.single ? list.field : `${list.field}[${i}]`;
      lists[list.key].push(typeof value === 'string' ? { name: fallback, bytes: utf8.encode(value) } : { name: value.name || fallback, bytes: new Uint8Array(await value.arrayBuffer()) });
    } else if (typeof value === 'string' && isTextOption(field, shape.options)) {
      fields.push([field, value]);
    } else {
      throw badRequest(`multipart field '${field}' is not taken here (documents: ${shape.lists.map((l) => l.field).join(', ')}; options as fields or in the query string)`);
    }
  }
  addTextOptions(options, fields, shape.options, 'multipart fields');
}
