// A page in headless Chromium for browser tests and benchmarks: a script bundled for the browser
// by esbuild (so a Node.js import anywhere in what it reaches fails the build), served with other
// files over real HTTP on 127.0.0.1, which is a secure context: WebCrypto is there as on https.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';

export interface OpenPage {
  page: Page;
  /** Uncaught exceptions and console errors of the page, as they happen. */
  errors: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/** Opens a page running script (a module: what it assigns to globalThis is reachable from page.evaluate). */
export async function openPage(script: string, files: ReadonlyMap<string, string | Uint8Array> = new Map()): Promise<OpenPage> {
  const bundle = await build({ entryPoints: [script], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent' });
  const routes = new Map<string, string | Uint8Array>([['/', '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/page.js"></script>'], ['/page.js', bundle.outputFiles[0].contents], ...files]);
  const server = createServer((req, res) => {
    const path = req.url === '/' ? '/index.html' : (req.url ?? '');
    const body = routes.get(req.url ?? '');
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const browser = await launchChromium().catch(async (e: unknown) => {
    await closeServer();
    throw e;
  });
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // goto waits for the load event, which comes after module scripts have run.
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    page,
    errors,
    async close() {
      await browser.close();
      await closeServer();
    },
  };
}
