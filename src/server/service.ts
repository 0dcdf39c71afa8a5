import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CheckConfig } from '../check/config.js';
import { rolesJson, rulesJson } from '../cli/catalogue-commands.js';
import { TOOL } from '../cli/version.js';
import { checkPayload, CHECK_SHAPE, comparePayload, COMPARE_SHAPE } from './checks.js';
import type { Report } from './checks.js';
import { errorBody, HttpError } from './http-error.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ServiceLimits } from './limits.js';
import { readPayload } from './payload.js';
import { staticFile } from './static-files.js';

export interface ServiceOptions {
  /** The directory of the built web page (index.html and its assets). */
  webRoot: string;
  limits?: Partial<ServiceLimits>;
  /** A configuration (environments, roles, CN roles) applied to every check, as --config does. */
  config?: CheckConfig;
  /** Receives one access log line per request, and the stack of any internal error. */
  log?: (line: string) => void;
}

/** The service and what shutting it down needs. */
export interface Service {
  server: Server;
  /** Stops accepting connections, lets the requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/** The page may load its own scripts, styles, images and fonts, and nothing else: no inline code, no connections, no framing. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** API answers are data: nothing in them may run or load. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
const JSON_TYPE = 'application/json; charset=utf-8';

type Answer = { status?: number; body: string | Buffer; type: string; headers?: Record<string, string> };
type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<Answer> | Answer;

/**
 * A body refused before it was read whole is discarded as it comes for a little while, so that
 * a client still sending it can read the answer; past these bounds its connection is cut.
 */
const LINGER_BYTES = 1024 * 1024;
const LINGER_MS = 2000;

/**
 * `smki-lint serve`: the built web page, and the JSON API that checks what is posted with the
 * library, exactly as the CLI does. Nothing is kept between requests.
 */
export function createService(options: ServiceOptions): Service {
  const limits: ServiceLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const json = (value: unknown): Answer => ({ body: JSON.stringify(value) + '\n', type: JSON_TYPE });
  const report = (r: Report): Answer => ({ body: r.body, type: r.type });
  const routes: Record<string, Partial<Record<'GET' | 'POST', Handler>>> = {
    '/healthz': { GET: () => json({ status: 'ok', name: TOOL.name, version: TOOL.version }) },
    '/v1/rules': { GET: () => ({ body: rulesJson(), type: JSON_TYPE }) },
    '/v1/roles': { GET: () => ({ body: rolesJson(options.config), type: JSON_TYPE }) },
    '/v1/check': { POST: async (req, url, res) => report(await checkPayload(await readPayload(req, url.searchParams, CHECK_SHAPE, limits.maxBodySize, continueOf(req, res)), options.config, limits)) },
    '/v1/compare': { POST: async (req, url, res) => report(await comparePayload(await readPayload(req, url.searchParams, COMPARE_SHAPE, limits.maxBodySize, continueOf(req, res)), options.config, limits)) },
  };

  let active = 0;
  let closing = false;
  // Slow clients are looked for every second, so the timeout holds to within a second.
  const timeouts = { requestTimeout: limits.requestTimeout, headersTimeout: Math.min(limits.requestTimeout, 20_000), connectionsCheckingInterval: Math.min(limits.requestTimeout, 1000) };
  const server = createServer(timeouts, onRequest);
  // A client that asks before sending its body is told to go on only once the body is wanted (see continueOf).
  server.on('checkContinue', onRequest);

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0];
    res.once('close', () => {
      const bytes = Number(res.getHeader('Content-Length') ?? 0);
      log(`${new Date().toISOString()} ${req.method} ${printable(path)} ${res.statusCode} ${res.writableFinished ? bytes : '-'} ${(performance.now() - started).toFixed(1)}ms${res.writableFinished ? '' : ' aborted'}`);
    });
    // Health checks are answered however busy the service is.
    if (path !== '/healthz' && active >= limits.maxConcurrent) {
      answer(req, res, failure(new HttpError(429, 'busy', `this service is already serving ${limits.maxConcurrent} requests (--max-concurrent); retry shortly`, { 'Retry-After': '1' })), closing);
      return;
    }
    active++;
    res.once('close', () => {
      active--;
      if (closing) server.closeIdleConnections();
    });
    route(req, res, path)
      .catch((error: unknown) => {
        if (!(error instanceof HttpError)) log(`internal error on ${req.method} ${printable(path)}: ${(error as Error)?.stack ?? String(error)}`);
        return failure(error);
      })
      .then((a) => answer(req, res, a, closing));
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const methods = routes[path];
    if (!methods && path.startsWith('/v1/')) throw new HttpError(404, 'not-found', `no API endpoint at ${path}; endpoints: POST /v1/check, POST /v1/compare, GET /v1/rules, GET /v1/roles, GET /healthz`);
    const allowed = methods ? (Object.keys(methods) as ('GET' | 'POST')[]) : ['GET' as const];
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (!allowed.includes(method as 'GET')) {
      const allow = allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');
      throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on ${path}; use ${allow}`, { Allow: allow });
    }
    if (methods) return methods[method as 'GET' | 'POST']!(req, url, res);
    const file = await staticFile(options.webRoot, path);
    return { body: file.bytes, type: file.type, headers: { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache' } };
  }

  // A request the HTTP parser refuses, or one not sent in time, still gets a JSON answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const e = timedOut ? new HttpError(408, 'request-timeout', `the request was not received within ${limits.requestTimeout} ms`) : new HttpError(400, 'bad-request', `the request is not valid HTTP/1.1 (${error.code ?? error.message})`);
    const body = errorBody(e);
    socket.end(`HTTP/1.1 ${e.status} ${timedOut ? 'Request Timeout' : 'Bad Request'}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    log(`${new Date().toISOString()} - - ${e.status} ${Buffer.byteLength(body)} - ${e.code}`);
  });

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function failure(error: unknown): Answer {
  const e = error instanceof HttpError ? error : new HttpError(500, 'internal', 'internal error: the check failed unexpectedly; the service log has the details');
  return { status: e.status, body: errorBody(e), type: JSON_TYPE, headers: e.headers };
}

function answer(req: IncomingMessage, res: ServerResponse, a: Answer, closing: boolean): void {
  const body = typeof a.body === 'string' ? Buffer.from(a.body) : a.body;
  res.statusCode = a.status ?? 200;
  res.setHeader('Content-Type', a.type);
  res.setHeader('Content-Length', body.length);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Content-Security-Policy', API_CSP);
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(a.headers ?? {})) res.setHeader(name, value);
  if (closing) res.setHeader('Connection', 'close');
  if (!req.complete && hasBody(req)) discardRest(req);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Sends 100 Continue to a client waiting for it (Expect: 100-continue), once its body is about to be read. */
function continueOf(req: IncomingMessage, res: ServerResponse): () => void {
  return () => {
    if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
  };
}

/** The rest of a refused body: read and dropped, within LINGER_BYTES and LINGER_MS, then the connection is cut. */
function discardRest(req: IncomingMessage): void {
  const socket = req.socket;
  let left = LINGER_BYTES;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  req.once('end', () => clearTimeout(timer));
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) socket.destroy();
  });
  req.resume();
}

function hasBody(req: IncomingMessage): boolean {
  return (req.headers['content-length'] ?? '0') !== '0' || req.headers['transfer-encoding'] !== undefined;
}

/** A request path as a log line may show it: printable ASCII, at most 200 characters. */
function printable(path: string): string {
  const safe = path.replace(/[^\x21-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return safe.length > 200 ? `${safe.slice(0, 200)}...` : safe;
}
