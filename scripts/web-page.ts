// The built web page (dist/web/) in headless Chromium, as its users meet it: opened from disk
// (file://) or from a local HTTP server, text pasted through the clipboard, files dropped. The
// browser tests and `npm run screenshot:web` drive it through these helpers.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import type { LaunchedChromium } from './chromium.js';

export const WEB_DIST = join(import.meta.dirname, '..', 'dist', 'web');
export const WEB_INDEX = join(WEB_DIST, 'index.html');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** A static server of dist/web on 127.0.0.1, as any web server would serve it. */
export async function serveWebDist(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(WEB_DIST, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(WEB_DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface WebPage {
  browser: LaunchedChromium;
  page: Page;
  /** Uncaught exceptions and console errors, as they happen. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/** Opens the built page at url (default: from disk) in a fresh headless Chromium. */
export async function openWebPage(url = pathToFileURL(WEB_INDEX).href, viewport = { width: 1100, height: 900 }): Promise<WebPage> {
  if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run npm run build:web (npm test builds)`);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    return { browser, page, errors, requests };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Pastes text into a textarea as a user does, in place of what it held: through the clipboard, Ctrl+A and Ctrl+V. */
export async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

/** Drops files on an element, as dragging them from a file manager does. */
export async function dropFiles(page: Page, selector: string, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })));
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer });
}

/** Runs an action that starts a check (a paste, a drop, a key) and waits until its results, and any later check's, are shown. */
export async function checked(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => Number(document.getElementById('results')?.dataset.run ?? 0));
  await action();
  await page.waitForFunction((n) => {
    const results = document.getElementById('results')!;
    return Number(results.dataset.run ?? 0) > n && !results.hasAttribute('aria-busy');
  }, before);
}
