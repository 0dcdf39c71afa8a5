// `smki-lint serve` over real HTTP on 127.0.0.1: the service in this process for the endpoints,
// limits and errors, and the built CLI spawned for its start, its log and its shutdown.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTest, spawnService } from '../bench/load.js';
import { parseConfig } from '../src/check/config.js';
import { createService } from '../src/server/service.js';
import type { Service, ServiceOptions } from '../src/server/service.js';
import { loadManifest } from './helpers/sample-pki.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'smki-lint.js');
const AT = loadManifest().evaluationTime;
const bytes = (name: string) => readFileSync(join(ROOT, name));
const text = (name: string) => bytes(name).toString('utf8');

/** The CLI's standard output for these arguments, run from the package root so paths read as given. */
function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status === 2) throw new Error(r.stderr);
  return r.stdout;
}

interface Running {
  service: Service;
  url: string;
  port: number;
  log: string[];
}

const running: Running[] = [];

async function start(options: Partial<ServiceOptions> = {}): Promise<Running> {
  const log: string[] = [];
  const service = createService({ webRoot: WEB_ROOT, log: (line) => log.push(line), ...options });
  await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
  const { port } = service.server.address() as AddressInfo;
  const r = { service, url: `http://127.0.0.1:${port}`, port, log };
  running.push(r);
  return r;
}

/** Writes raw bytes on a new connection and resolves with everything received until the server closes it. */
function raw(port: number, ...pieces: (string | Buffer)[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('end', () => resolve(received));
    socket.on('error', (e) => (received ? resolve(received) : reject(e)));
    for (const p of pieces) socket.write(p);
  });
}

const WEB_ROOT = mkdtempSync(join(tmpdir(), 'smki-lint-web-'));
const CONFIG_FILE = join(WEB_ROOT, '..', `${WEB_ROOT.split('/').pop()}-config.json`);
const CONFIG = { environments: [{ name: 'lab', policies: { organisation: ['1.2.3.4'] } }], roles: [{ code: 200, name: 'labTool' }] };
let main: Running;

beforeAll(async () => {
  mkdirSync(join(WEB_ROOT, 'assets'));
  writeFileSync(join(WEB_ROOT, 'index.html'), '<!doctype html><title>smki-lint</title><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(WEB_ROOT, 'assets', 'app-1a2b.js'), 'console.log(1);\n');
  writeFileSync(join(WEB_ROOT, 'assets', 'style-3c4d.css'), 'body{}\n');
  writeFileSync(join(WEB_ROOT, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(WEB_ROOT, 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(WEB_ROOT, '.secret'), 'hidden');
  mkdirSync(join(WEB_ROOT, 'docs'));
  writeFileSync(join(WEB_ROOT, 'docs', 'index.html'), '<!doctype html><title>docs</title>');
  symlinkSync(join(ROOT, 'package.json'), join(WEB_ROOT, 'outside.json'));
  writeFileSync(CONFIG_FILE, JSON.stringify(CONFIG));
  main = await start({ config: parseConfig(CONFIG, CONFIG_FILE), limits: { maxBodySize: 256 * 1024, maxItems: 60 } });
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.service.close()));
});

async function post(path: string, body: string | Buffer | FormData, type?: string, base = main.url): Promise<Response> {
  return fetch(base + path, { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} });
}

async function expectError(response: Response, status: number, code: string, message: RegExp | string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  if (typeof message === 'string') expect(body.error.message).toContain(message);
  else expect(body.error.message).toMatch(message);
}

describe('POST /v1/check answers what smki-lint check --format json writes', () => {
  it.each([
    ['a certificate, PEM', 'test-certs/defects/org-role-86-reserved.pem', 'application/x-pem-file'],
    ['a bundle of certificates with text between them', 'test-certs/bundles/orgs.pem', 'application/pem-certificate-chain'],
    ['a certificate and a CSR in one file', 'test-certs/bundles/mixed.pem', 'text/plain'],
    ['a CSR, raw DER', 'test-certs/requests/org-02-ds.der', 'application/pkcs10'],
    ['a CSR, hex', 'test-certs/requests/org-02-ds-hex.req', 'text/plain'],
    ['a CSR, bare base64 wrapped at 76 with CRLF', 'test-certs/requests/org-02-ds-base64-76-crlf.csr', 'application/octet-stream'],
    ['a DUIS request', 'test-certs/duis/defects/wrong-signer.xml', 'application/xml'],
    ['a DUIS request that is not well-formed', 'test-certs/duis/defects/not-well-formed.xml', 'text/xml'],
    ['a certificate, DER, with no Content-Type', 'test-certs/defects/der-length-non-minimal.pem', undefined],
  ])('%s, byte for byte', async (_what, file, type) => {
    const response = await post(`/v1/check?at=${AT}&name=${encodeURIComponent(file)}`, bytes(file), type);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(cli(['check', file, '--at', AT, '--format', 'json']));
  });

  it.each(['test-certs/bundles/orgs.pem', 'test-certs/duis/valid/6.15.1-krp-supplier.xml', 'test-certs/requests/org-02-ds.der'])('reads %s with --max-item-size as the CLI does, byte for byte', async (file) => {
    const small = await start({ limits: { maxItemSize: 1024 } });
    const response = await post(`/v1/check?at=${AT}&name=${file}`, bytes(file), 'application/octet-stream', small.url);
    expect(await response.text()).toBe(cli(['check', file, '--at', AT, '--max-item-size', '1KiB', '--format', 'json']));
  });

  it('a raw body is named "body" unless ?name= says otherwise', async () => {
    const report = (await (await post(`/v1/check?at=${AT}`, bytes('test-certs/valid/org-02-ds.pem'), 'application/x-pem-file')).json()) as { results: { source: { path: string } }[] };
    expect(report.results.map((r) => r.source.path)).toEqual(['body']);
  });

  it('multipart: documents, issuers and a signer as parts named by their files, options as fields and in the query', async () => {
    const form = new FormData();
    const files = ['test-certs/duis/defects/wrong-signer.xml', 'test-certs/defects/org-role-86-reserved.pem', 'test-certs/defects/chain-signature-invalid.pem'];
    for (const f of files) form.append('document', new Blob([bytes(f)]), f);
    form.append('issuer', new Blob([bytes('test-certs/valid/issuing-oca.pem')]), 'issuing-oca.pem');
    form.append('issuer', new Blob([bytes('test-certs/valid/root-oca.pem')]), 'root-oca.pem');
    form.append('signer', new Blob([bytes('test-certs/duis/signers/supplier-ds.pem')]), 'supplier-ds.pem');
    form.append('at', AT);
    const response = await post('/v1/check?ignore=org.role.reserved&require-issuer', form);
    expect(response.status).toBe(200);
    const expected = cli(['check', ...files, '--issuer', 'test-certs/valid/issuing-oca.pem', '--issuer', 'test-certs/valid/root-oca.pem', '--signer', 'test-certs/duis/signers/supplier-ds.pem', '--at', AT, '--ignore', 'org.role.reserved', '--require-issuer', '--format', 'json']);
    expect(expected).toContain('duis.signer.role');
    expect(await response.text()).toBe(expected);
  });

  it('JSON: documents as text or { name, content }, issuers, and every option the CLI has', async () => {
    const file = 'test-certs/defects/org-role-86-reserved.pem';
    const body = { documents: [{ name: file, content: text(file) }, text('test-certs/valid/org-02-ka.pem')], issuers: [text('test-certs/valid/issuing-oca.pem')], at: AT, only: ['org.role', 'chain'], kind: 'organisation', requireIssuer: true, environment: 'lab' };
    const response = await post('/v1/check', JSON.stringify(body), 'application/json');
    expect(response.status).toBe(200);
    const report = (await response.json()) as { environment: string; results: { source: { path: string }; findings: { ruleId: string }[]; issuer?: { signatureValid: boolean } }[] };
    expect(report.environment).toBe('lab');
    expect(report.results.map((r) => r.source.path)).toEqual([file, 'documents[1]']);
    expect(report.results.map((r) => r.findings.map((f) => f.ruleId))).toEqual([['org.role.reserved'], []]);
    expect(report.results.every((r) => r.issuer?.signatureValid === true)).toBe(true);
    // The same check on the command line, the documents under the names they were given.
    const dir = mkdtempSync(join(tmpdir(), 'smki-lint-serve-json-'));
    writeFileSync(join(dir, 'documents[1]'), text('test-certs/valid/org-02-ka.pem'));
    const expected = cli(['check', file, join(dir, 'documents[1]'), '--issuer', 'test-certs/valid/issuing-oca.pem', '--at', AT, '--only', 'org.role,chain', '--kind', 'organisation', '--require-issuer', '--environment', 'lab', '--config', CONFIG_FILE, '--format', 'json']);
    expect(JSON.stringify(report, null, 2) + '\n').toBe(expected.replaceAll(join(dir, 'documents[1]'), 'documents[1]'));
  });

  it.each([
    ['sarif', 'application/sarif+json; charset=utf-8'],
    ['jsonl', 'application/x-ndjson; charset=utf-8'],
    ['junit', 'application/xml; charset=utf-8'],
    ['text', 'text/plain; charset=utf-8'],
  ])('?format=%s gives that format of the CLI, as %s', async (format, type) => {
    const file = 'test-certs/bundles/mixed.pem';
    const response = await post(`/v1/check?at=${AT}&format=${format}&name=${file}`, bytes(file), 'application/x-pem-file');
    expect(response.headers.get('content-type')).toBe(type);
    // JUnit's measured times are the only part that differs from one run to the next.
    const untimed = (text: string) => text.replace(/ time="[\d.]+"/g, ' time="-"');
    expect(untimed(await response.text())).toBe(untimed(cli(['check', file, '--at', AT, '--format', format, '--no-color'])));
  });

  it('keeps nothing between requests: an issuer sent once is not there for the next request', async () => {
    const cert = bytes('test-certs/valid/org-02-ds.pem');
    const withIssuer = { documents: [cert.toString()], issuers: [text('test-certs/valid/issuing-oca.pem')], at: AT };
    const first = (await (await post('/v1/check', JSON.stringify(withIssuer), 'application/json')).json()) as { results: { findings: { ruleId: string }[] }[] };
    const second = (await (await post(`/v1/check?at=${AT}`, cert, 'application/x-pem-file')).json()) as { results: { findings: { ruleId: string }[] }[] };
    expect(first.results[0].findings).toEqual([]);
    expect(second.results[0].findings.map((f) => f.ruleId)).toEqual(['chain.not-checked']);
  });

  it('a body that holds no certificate gets its result, as a file would', async () => {
    const report = (await (await post(`/v1/check?at=${AT}`, 'hello', 'text/plain')).json()) as { results: { findings: { ruleId: string }[] }[] };
    expect(report.results[0].findings.map((f) => f.ruleId)).toEqual(['input.no-certificate']);
  });
});

describe('POST /v1/compare answers what smki-lint compare --format json writes', () => {
  it('JSON: requests, certificates and issuers', async () => {
    const request = 'test-certs/pairs/requests/org-other-key-usage.csr';
    const certificate = 'test-certs/pairs/certificates/org-other-key-usage.pem';
    const body = { requests: [{ name: request, content: text(request) }], certificates: [{ name: certificate, content: text(certificate) }], issuers: [text('test-certs/valid/issuing-oca.pem')], at: AT };
    const response = await post('/v1/compare', JSON.stringify(body), 'application/json');
    expect(response.status).toBe(200);
    const expected = cli(['compare', request, certificate, '--issuer', 'test-certs/valid/issuing-oca.pem', '--at', AT, '--format', 'json']);
    expect(expected).toContain('compare.key-usage.mismatch');
    expect(await response.text()).toBe(expected);
  });

  it('multipart: a batch paired by public key', async () => {
    const requests = ['test-certs/pairs/requests/org-match.csr', 'test-certs/pairs/requests/unanswered.csr', 'test-certs/pairs/requests/device-match.csr'];
    const certificates = ['test-certs/pairs/certificates/device-match.pem', 'test-certs/pairs/certificates/org-match.pem'];
    const form = new FormData();
    for (const f of requests) form.append('request', new Blob([bytes(f)]), f);
    for (const f of certificates) form.append('certificate', new Blob([bytes(f)]), f);
    const response = await post(`/v1/compare?at=${AT}`, form);
    expect(response.status).toBe(200);
    const args = [...requests.flatMap((f) => ['--requests', f]), ...certificates.flatMap((f) => ['--certificates', f])];
    expect(await response.text()).toBe(cli(['compare', ...args, '--at', AT, '--format', 'json']));
  });

  it('takes no raw body: a request and a certificate need two parts', async () => {
    await expectError(await post('/v1/compare', bytes('test-certs/pairs/requests/org-match.csr'), 'application/x-pem-file'), 415, 'unsupported-media-type', "Content-Type 'application/x-pem-file' is not taken here; send one of application/json, multipart/form-data");
  });
});

describe('the catalogue and health', () => {
  it('GET /v1/rules is smki-lint rules --format json', async () => {
    const response = await fetch(`${main.url}/v1/rules`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(cli(['rules', '--format', 'json']));
  });

  it('GET /v1/roles is smki-lint roles --format json, with the configuration the service runs with', async () => {
    const response = await fetch(`${main.url}/v1/roles`);
    const body = await response.text();
    expect(body).toBe(cli(['roles', '--format', 'json', '--config', CONFIG_FILE]));
    expect(body).toContain('"labTool"');
  });

  it('GET /healthz says ok and the version; HEAD gives the headers alone', async () => {
    const response = await fetch(`${main.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', name: 'smki-lint', version: JSON.parse(text('package.json')).version });
    const head = await fetch(`${main.url}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(response.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('every answer says nosniff and carries a Content-Security-Policy; API answers are not cached', async () => {
    for (const path of ['/healthz', '/v1/rules', '/v1/nothing', '/']) {
      const response = await fetch(main.url + path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
    expect((await fetch(`${main.url}/v1/rules`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('the web page', () => {
  it('serves index.html at / with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${main.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>smki-lint</title>');
    expect(await (await fetch(`${main.url}/docs/`)).text()).toContain('<title>docs</title>');
  });

  it.each([
    ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/style-3c4d.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/logo.svg', 'image/svg+xml', 'no-cache'],
    ['/data.bin', 'application/octet-stream', 'no-cache'],
  ])('serves %s as %s', async (path, type, cache) => {
    const response = await fetch(main.url + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(join(WEB_ROOT, ...path.split('/'))));
  });

  it.each([
    ['a file that is not there', '/nothing.js'],
    ['a directory without index.html', '/assets/'],
    ['a directory named without its slash', '/docs'],
    ['a hidden file', '/.secret'],
    ['a link to a file outside the page', '/outside.json'],
  ])('404 for %s', async (_what, path) => {
    await expectError(await fetch(main.url + path), 404, 'not-found', `nothing is served at ${path}`);
  });

  it.each(['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%2e%2e%2f%2e%2e%2fpackage.json'])('never serves a file outside the page: %s', async (path) => {
    // Sent as written, on a raw connection: fetch would resolve the dot segments itself.
    const answer = await raw(main.port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 (404|400) /);
    expect(answer).not.toContain('"name": "smki-lint"');
  });

  it('400 for a path that is not valid percent-encoding', async () => {
    await expectError(await fetch(`${main.url}/%E0%A4%A`), 400, 'bad-request', 'not valid percent-encoding');
  });

  it('503 with a clear message while the page is not built; the API still answers', async () => {
    const unbuilt = await start({ webRoot: join(WEB_ROOT, 'no-such-dir') });
    await expectError(await fetch(`${unbuilt.url}/`), 503, 'page-not-built', 'the web page is not built');
    await expectError(await fetch(`${unbuilt.url}/assets/app.js`), 503, 'page-not-built', 'run npm run build:web');
    expect((await fetch(`${unbuilt.url}/healthz`)).status).toBe(200);
  });
});

describe('errors: each a status and { error: { code, message } }', () => {
  it.each([
    ['an evaluation time that is not ISO 8601', `/v1/check?at=yesterday`, "evaluation time 'yesterday' is not an ISO 8601 date"],
    ['an unknown environment', `/v1/check?environment=production`, "unknown environment 'production'"],
    ['a rule selection that matches no rule', `/v1/check?only=org.rol`, "--only 'org.rol' matches no rule id"],
    ['an unknown kind', `/v1/check?kind=leaf`, "kind 'leaf' is not one of organisation"],
    ['an unknown format', `/v1/check?format=xml`, "format 'xml' is not one of text, json"],
    ['an unknown option', `/v1/check?fail-on=error`, "query string: 'fail-on' is not an option here (options: at, environment, only, ignore, kind, require-issuer, format, name)"],
    ['an option given twice', `/v1/check?at=2026-01-01&at=2026-02-01`, "query string: 'at' is given twice"],
    ['a flag with a value it does not take', `/v1/check?require-issuer=maybe`, "'require-issuer' is a flag"],
  ])('400 for %s', async (_what, path, message) => {
    await expectError(await post(path, bytes('test-certs/valid/org-02-ds.pem'), 'application/x-pem-file'), 400, 'bad-request', message);
  });

  it.each([
    ['an empty body', '', 'application/x-pem-file', 'the body is empty'],
    ['JSON that does not parse', '{"documents": [', 'application/json', 'the JSON body does not parse'],
    ['JSON that is not an object', '["x"]', 'application/json', 'the JSON body must be an object'],
    ['an unknown JSON field', '{"documents": ["x"], "failOn": "error"}', 'application/json', "JSON body: 'failOn' is not a field here"],
    ['documents that are not an array', '{"documents": "x"}', 'application/json', "'documents' must be an array of documents"],
    ['a document that is neither text nor { name, content }', '{"documents": [42]}', 'application/json', 'documents[0] must be a string'],
    ['a document with a field it does not take', '{"documents": [{"content": "x", "encoding": "hex"}]}', 'application/json', "documents[0] has 'encoding'"],
    ['an option of the wrong type', '{"documents": ["x"], "requireIssuer": "yes"}', 'application/json', "'requireIssuer' must be true or false"],
    ['an option in both the query and the body', '{"documents": ["x"], "at": "2026-01-01"}', 'application/json', "'at' is given both in the query string and in the JSON body"],
    ['no document', '{"issuers": []}', 'application/json', 'no document was sent'],
    ['a signer that is not one certificate', JSON.stringify({ documents: ['x'], signer: text('test-certs/bundles/orgs.pem') }), 'application/json', 'the signer must be one certificate (DER or PEM); 3 were found'],
    ['a multipart body that does not parse', '--x\r\nnonsense', 'multipart/form-data; boundary=y', 'the multipart/form-data body does not parse'],
  ])('400 for %s', async (what, body, type, message) => {
    const path = what.startsWith('an option in both') ? '/v1/check?at=2026-01-01' : '/v1/check';
    await expectError(await post(path, body, type), 400, 'bad-request', message);
  });

  it('400 for a multipart field the endpoint does not take, and for ?name= with a multipart body', async () => {
    const form = new FormData();
    form.append('certificate', new Blob([bytes('test-certs/valid/org-02-ds.pem')]), 'a.pem');
    await expectError(await post('/v1/check', form), 400, 'bad-request', "multipart field 'certificate' is not taken here (documents: document, issuer, signer");
    const named = new FormData();
    named.append('document', new Blob([bytes('test-certs/valid/org-02-ds.pem')]), 'a.pem');
    await expectError(await post('/v1/check?name=x.pem', named), 400, 'bad-request', "'name' names a body that is the document itself");
  });

  it('400 for a compare without certificates', async () => {
    await expectError(await post('/v1/compare', JSON.stringify({ requests: [text('test-certs/pairs/requests/org-match.csr')] }), 'application/json'), 400, 'bad-request', 'compare needs requests and certificates');
  });

  it('400 for a request that is not HTTP', async () => {
    const answer = await raw(main.port, 'NONSENSE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ error: { code: 'bad-request', message: expect.stringContaining('not valid HTTP/1.1') } });
  });

  it('404 for an unknown API path, naming the endpoints', async () => {
    await expectError(await fetch(`${main.url}/v1/lint`), 404, 'not-found', 'no API endpoint at /v1/lint; endpoints: POST /v1/check, POST /v1/compare, GET /v1/rules, GET /v1/roles, GET /healthz');
  });

  it.each([
    ['GET', '/v1/check', 'POST'],
    ['PUT', '/v1/compare', 'POST'],
    ['POST', '/v1/rules', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['DELETE', '/', 'GET, HEAD'],
    ['POST', '/index.html', 'GET, HEAD'],
  ])('405 for %s %s, with Allow: %s', async (method, path, allow) => {
    const response = await fetch(main.url + path, { method });
    expect(response.headers.get('allow')).toBe(allow);
    await expectError(response, 405, 'method-not-allowed', `${method} is not allowed on ${path}; use ${allow}`);
  });

  it('413 for a body declared too large, answered before any of it is read; the connection is closed', async () => {
    const answer = await raw(main.port, `POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-pem-file\r\nContent-Length: ${1024 * 1024 * 1024}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual({ error: { code: 'body-too-large', message: 'the body is 1073741824 bytes; this service takes at most 262144 bytes per request (--max-body-size)' } });
  });

  it('413 without 100 Continue to a client that waits before sending a body too large; 100 Continue to one that fits', async () => {
    const refused = await raw(main.port, `POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-pem-file\r\nExpect: 100-continue\r\nContent-Length: ${1024 * 1024 * 1024}\r\n\r\n`);
    expect(refused).toMatch(/^HTTP\/1\.1 413 /);
    expect(refused).not.toContain('100 Continue');
    const pem = bytes('test-certs/valid/org-02-ds.pem');
    const socket = connect(main.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.write(`POST /v1/check?at=${AT} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-pem-file\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: ${pem.length}\r\n\r\n`);
    while (!received.includes('100 Continue')) await new Promise((r) => setTimeout(r, 10));
    socket.end(pem);
    await new Promise((r) => socket.once('close', r));
    expect(received).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
  });

  it('413 for a chunked body that grows past the limit, and the rest is not read', async () => {
    const socket = connect(main.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', () => {});
    socket.write('POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    // Keep sending until the answer comes: it must come once the limit is passed, not at the end.
    while (!received.includes('\r\n\r\n') && sent < 64 * 1024 * 1024) {
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write('\r\n');
      sent += chunk.length;
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => socket.once('close', r));
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toContain('"code":"body-too-large"');
    expect(received).toContain('the body is more than 262144 bytes');
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('413 for more items than --max-items', async () => {
    const many = Array.from({ length: 61 }, () => text('test-certs/valid/org-02-ds.pem')).join('\n');
    await expectError(await post('/v1/check', many, 'application/x-pem-file'), 413, 'too-many-items', 'the request holds 61 items (certificates, CSRs, DUIS requests and their certificates, issuers); this service checks at most 60 per request (--max-items)');
    const sixty = Array.from({ length: 60 }, () => text('test-certs/valid/org-02-ds.pem')).join('\n');
    expect((await post('/v1/check', sixty, 'application/x-pem-file')).status).toBe(200);
    // Issuers count too.
    const withIssuer = JSON.stringify({ documents: [sixty], issuers: [text('test-certs/valid/issuing-oca.pem')] });
    await expectError(await post('/v1/check', withIssuer, 'application/json'), 413, 'too-many-items', 'holds 61 items');
  });

  it('415 for a Content-Type the endpoint does not take', async () => {
    await expectError(await post('/v1/check', 'x=1', 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type', "Content-Type 'application/x-www-form-urlencoded' is not taken here; send one of application/x-pem-file");
  });

  it('429 with Retry-After when --max-concurrent requests are in flight; health checks still answer', async () => {
    const busy = await start({ limits: { maxConcurrent: 1 } });
    // One request in flight: its headers sent, its body not yet.
    const held = connect(busy.port, '127.0.0.1');
    let heldAnswer = '';
    held.setEncoding('utf8');
    held.on('data', (d: string) => (heldAnswer += d));
    const pem = bytes('test-certs/valid/org-02-ds.pem');
    held.write(`POST /v1/check?at=${AT} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-pem-file\r\nContent-Length: ${pem.length}\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 200));
    const refused = await post('/v1/check', pem, 'application/x-pem-file', busy.url);
    expect(refused.headers.get('retry-after')).toBe('1');
    await expectError(refused, 429, 'busy', 'this service is already serving 1 requests (--max-concurrent); retry shortly');
    expect((await fetch(`${busy.url}/healthz`)).status).toBe(200);
    held.end(pem);
    await new Promise((r) => held.once('close', r));
    expect(heldAnswer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect((await post(`/v1/check?at=${AT}`, pem, 'application/x-pem-file', busy.url)).status).toBe(200);
  });

  it('408 for a request not sent within the timeout', async () => {
    const slow = await start({ limits: { requestTimeout: 1000 } });
    const answer = await raw(slow.port, 'POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nabc');
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(answer).toContain('"code":"request-timeout"');
  });
});

describe('the access log', () => {
  it('has one line per request: time, method, path, status, bytes, milliseconds; no query, no body', async () => {
    const before = main.log.length;
    const response = await post(`/v1/check?at=${AT}&name=secret-name.pem`, bytes('test-certs/valid/org-02-ds.pem'), 'application/x-pem-file');
    const length = (await response.arrayBuffer()).byteLength;
    await fetch(`${main.url}/v1/nothing`);
    const lines = main.log.slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z POST /v1/check 200 ${length} \\d+\\.\\dms$`));
    expect(lines[1]).toMatch(/ GET \/v1\/nothing 404 \d+ \d+\.\dms$/);
    expect(lines.join('\n')).not.toMatch(/secret-name|BEGIN|MII/);
  });

  it('shows a path with bytes that are not printable escaped', async () => {
    const before = main.log.length;
    await raw(main.port, 'GET /caf\xe9\x1b[31m HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(main.log.slice(before).join('\n')).not.toMatch(/[\x00-\x1f\x7f-\xff]/);
  });
});

describe('a bounded load', () => {
  it('answers 400 requests from 16 clients at once, every one 200', async () => {
    const requests = [
      { path: `/v1/check?at=${AT}`, headers: { 'Content-Type': 'application/x-pem-file' }, body: bytes('test-certs/valid/org-02-ds.pem') },
      { path: `/v1/check?at=${AT}`, headers: { 'Content-Type': 'application/xml' }, body: bytes('test-certs/duis/valid/6.15.1-krp-supplier.xml') },
      { path: '/v1/rules', method: 'GET' },
    ];
    const r = await loadTest(main.url, requests, 400, 16, 60_000);
    expect(r.failures).toEqual([]);
    expect(r).toMatchObject({ count: 400, ok: 400, errors: 0, timedOut: false });
  });
});

describe('smki-lint serve, spawned', () => {
  it('finishes a request in flight on SIGTERM, refuses new connections, logs to stderr and exits 0', async () => {
    const service = await spawnService(BIN);
    const { port } = new URL(service.url);
    const file = 'test-certs/defects/org-role-86-reserved.pem';
    const body = bytes(file);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.write(`POST /v1/check?at=${AT}&name=${file} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-pem-file\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.subarray(0, 100));
    await new Promise((r) => setTimeout(r, 300));
    service.child.kill('SIGTERM');
    while (!service.stderr().includes('SIGTERM: no new connections')) await new Promise((r) => setTimeout(r, 20));
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    socket.end(body.subarray(100));
    await new Promise((r) => socket.once('close', r));
    expect(await service.exited).toBe(0);
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer.split('\r\n\r\n')[1]).toBe(cli(['check', file, '--at', AT, '--format', 'json']));
    expect(service.stderr()).toMatch(/ POST \/v1\/check 200 \d+ \d+\.\dms\n/);
    expect(service.stderr()).toContain('smki-lint serve: stopped\n');
  });

  it('stops on SIGINT too, and says when the page is not built', async () => {
    const service = await spawnService(BIN);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
    expect(service.stderr()).toContain('SIGINT: no new connections');
  });

  it('exits 2 with a clear message when the port is taken or an option is wrong', async () => {
    const taken = spawnSync(process.execPath, [BIN, 'serve', '--port', String(main.port)], { encoding: 'utf8' });
    expect(taken.status).toBe(2);
    expect(taken.stderr).toBe(`smki-lint: cannot listen on 127.0.0.1 port ${main.port}: the port is in use (choose another with --port)\n`);
    const badPort = spawnSync(process.execPath, [BIN, 'serve', '--port', '70000'], { encoding: 'utf8' });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain("'70000' is not a whole number from 0 to 65535");
    const badSize = spawnSync(process.execPath, [BIN, 'serve', '--max-body-size', 'lots'], { encoding: 'utf8' });
    expect(badSize.status).toBe(2);
    expect(badSize.stderr).toContain("'lots' is not a size from 1KiB to 1024MiB (e.g. 4MiB, 512K or 65536)");
  });

  it('--help names every option and the endpoints', () => {
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const text of ['--port', '--host', '--max-body-size', '--max-item-size', '--max-items', '--max-concurrent', '--timeout', '--config', 'POST /v1/check', 'POST /v1/compare', '/v1/rules', '/v1/roles', '/healthz', 'SIGTERM']) expect(help.stdout).toContain(text);
  });
});
