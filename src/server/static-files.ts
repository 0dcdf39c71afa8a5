import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { HttpError } from './http-error.js';

/** Media types of the files a built page consists of; anything else is served as bytes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  bytes: Buffer;
  type: string;
  /** Content-hashed build output never changes under its name; everything else is revalidated. */
  immutable: boolean;
}

const notFound = (path: string) => new HttpError(404, 'not-found', `nothing is served at ${path}`);

/**
 * The file of the built page at a URL path ('/' is index.html), never one outside root: the path
 * is decoded, dot segments and hidden names are refused, and the real path (links followed) must
 * still lie under the root. 503 when the page is not built.
 */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    await stat(join(realRoot, 'index.html'));
  } catch {
    throw new HttpError(503, 'page-not-built', `the web page is not built (no ${join(root, 'index.html')}): run npm run build:web; the API under /v1/ works without it`);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new HttpError(400, 'bad-request', `the path ${urlPath} is not valid percent-encoding`);
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'))) throw notFound(urlPath);
  const relative = decoded.endsWith('/') ? [...segments.slice(0, -1), 'index.html'] : segments;
  let file: string;
  try {
    file = await realpath(join(realRoot, ...relative));
    if (!file.startsWith(realRoot + sep) || !(await stat(file)).isFile()) throw notFound(urlPath);
  } catch {
    throw notFound(urlPath);
  }
  return { bytes: await readFile(file), type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', immutable: relative[0] === 'assets' };
}
