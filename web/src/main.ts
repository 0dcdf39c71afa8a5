// The page: inputs, options and results wired together. Everything runs here; nothing is sent.
import { parseConfig } from '../../src/check/config.js';
import type { CheckConfig } from '../../src/check/config.js';
import { OptionsError } from '../../src/check/options.js';
import { DEFAULT_ENVIRONMENTS } from '../../src/smki/index.js';
import { renderRun } from './render.js';
import { runCheck, TOOL } from './run.js';
import type { Source } from './run.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('check-form');
const input = byId<HTMLTextAreaElement>('input');
const fileInput = byId<HTMLInputElement>('files');
const fileList = byId<HTMLParagraphElement>('file-list');
const issuersText = byId<HTMLTextAreaElement>('issuers');
const issuerFiles = byId<HTMLInputElement>('issuer-files');
const signerText = byId<HTMLTextAreaElement>('signer');
const at = byId<HTMLInputElement>('at');
const environment = byId<HTMLSelectElement>('environment');
const configInput = byId<HTMLInputElement>('config');
const status = byId<HTMLParagraphElement>('status');
const results = byId<HTMLElement>('results');

const encoder = new TextEncoder();
/** Files dropped or chosen as inputs, and as issuers. */
let files: Source[] = [];
let issuerSources: Source[] = [];
let config: CheckConfig | undefined;
/** Each check's number: a slower, older check never overwrites a newer one's results. */
let latest = 0;

const readFiles = (list: Iterable<File>) => Promise.all(Array.from(list, async (f): Promise<Source> => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
const text = (name: string, value: string): Source[] => (value.trim() ? [{ name, bytes: encoder.encode(value) }] : []);

/** The status line: progress and problems shown, a finished check's summary only announced (the results heading shows it). */
function say(message: string, kind: 'progress' | 'problem' | 'done' = 'progress'): void {
  status.textContent = message;
  status.classList.toggle('problem', kind === 'problem');
  status.classList.toggle('visually-hidden', kind === 'done');
}

function showEnvironments(): void {
  const names = [...new Set([...DEFAULT_ENVIRONMENTS, ...(config?.environments ?? [])].map((e) => e.name))];
  const chosen = config?.environment ?? (names.includes(environment.value) ? environment.value : names[0]);
  environment.replaceChildren(...names.map((name) => new Option(name, name, false, name === chosen)));
}

/** Sets the files to check: dropped ones, or none; the file input, which holds only files chosen with it, is emptied. */
function setFiles(list: Source[]): void {
  files = list;
  fileInput.value = '';
  showFiles();
}

function showFiles(): void {
  fileList.textContent = files.length ? `Files: ${files.map((f) => `${f.name} (${f.bytes.length} bytes)`).join(', ')}` : '';
}

async function check(): Promise<void> {
  const sources = [...text('pasted text', input.value), ...files];
  if (sources.length === 0) {
    say('Paste or drop a certificate, CSR, bundle or DUIS request to check.');
    return;
  }
  const run = ++latest;
  say('Checking…');
  results.setAttribute('aria-busy', 'true');
  try {
    const signer = text('pasted signer', signerText.value)[0];
    const checked = await runCheck(sources, { at: at.value, environment: environment.value, config, issuers: [...text('pasted issuers', issuersText.value), ...issuerSources], signer });
    if (run !== latest) return;
    results.removeAttribute('aria-busy');
    renderRun(results, checked);
    say(document.getElementById('results-heading')?.textContent ?? '', 'done');
    // Which check the results are from: scripts driving the page wait on it.
    results.dataset.run = String(run);
  } catch (e) {
    if (run !== latest) return;
    results.removeAttribute('aria-busy');
    if (!(e instanceof OptionsError)) throw e;
    results.replaceChildren();
    say(e.message, 'problem');
    results.dataset.run = String(run);
  }
}

async function loadConfig(file: File | undefined): Promise<void> {
  config = undefined;
  if (file) {
    try {
      config = parseConfig(JSON.parse(await file.text()), file.name);
    } catch (e) {
      configInput.value = '';
      say(e instanceof OptionsError ? e.message : `${file.name}: not valid JSON (${(e as Error).message})`, 'problem');
      showEnvironments();
      return;
    }
  }
  showEnvironments();
  await check();
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void check();
});
// What was pasted or dropped last is what is checked: a paste sets the files aside, a drop the text.
input.addEventListener('input', (e) => {
  if ((e as InputEvent).inputType !== 'insertFromPaste') return;
  setFiles([]);
  void check();
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void check();
  }
});
fileInput.addEventListener('change', async () => {
  files = await readFiles(fileInput.files ?? []);
  showFiles();
  await check();
});
issuerFiles.addEventListener('change', async () => {
  issuerSources = await readFiles(issuerFiles.files ?? []);
  await check();
});
configInput.addEventListener('change', () => void loadConfig(configInput.files?.[0]));
for (const option of [at, environment, issuersText, signerText]) option.addEventListener('change', () => void check());
byId<HTMLButtonElement>('clear').addEventListener('click', () => {
  form.reset();
  setFiles([]);
  issuerSources = [];
  config = undefined;
  showEnvironments();
  at.value = today();
  results.replaceChildren();
  say('Cleared.');
  input.focus();
});

// Files dropped anywhere are checked; dropped on the issuer box, they are issuers.
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) document.body.classList.remove('dragging');
});
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  const dropped = await readFiles(e.dataTransfer?.files ?? []);
  if (dropped.length === 0) return;
  if (e.target instanceof Element && e.target.closest('#issuers')) issuerSources = dropped;
  else {
    input.value = '';
    setFiles(dropped);
  }
  await check();
});

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

at.value = today();
showEnvironments();
byId<HTMLParagraphElement>('version').textContent = `${TOOL.name} ${TOOL.version}. Signatures are verified in the browser; the rule catalogue links open the project's documentation.`;
