// Chromium for the browser tests: Debian's `chromium` package, driven by playwright-core. No
// browser download reaches the machines this project is built on, so playwright's own builds are
// out: this script installs the package with apt-get when /usr/bin/chromium is missing, saying so.
// `npm test` and .ci/run run it (`tsx scripts/chromium.ts`); browser tests and benchmarks launch
// Chromium through launchChromium().
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless in a container, as root: no sandbox, no GPU, no traffic of the browser's own. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Installs Debian's chromium when it is missing, saying so on stderr; throws when it cannot. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  console.error(`Chromium is not installed (${CHROMIUM_PATH}) and the browser tests need it: installing Debian's chromium package with apt-get.`);
  if (process.getuid?.() !== 0) throw new Error("installing Chromium needs root: run 'apt-get update && apt-get install -y chromium' as root");
  const apt = (...args: string[]) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update', '-q');
  apt('install', '-y', '-q', '--no-install-recommends', 'chromium');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing`);
  console.error(`Installed ${chromiumVersion()}.`);
  return CHROMIUM_PATH;
}

/** `chromium --version`; Debian's launcher script may complain on stderr about /dev/shm, so that is dropped. */
export function chromiumVersion(): string {
  return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile of its own. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'smki-lint-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, args: ARGS, headless: true });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureChromium();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
