import { availableParallelism } from 'node:os';
import { detectEntries, documentEntries, isCertificateEntry, possibleIssuers, resultCount } from '../check/entries.js';
import type { Entry } from '../check/entries.js';
import { applyConfig } from '../check/config.js';
import { resolveOptions } from '../check/options.js';
import { loadConfig } from './config-file.js';
import { createNodeCrypto } from '../crypto/node.js';
import { readFiles } from '../input/node.js';
import { SEVERITY_RANK } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { emptySummary } from '../report/summary.js';
import type { CertificateKind } from '../smki/index.js';
import { Batch, mergeSummary } from './batch.js';
import type { CheckSettings, ChunkOutput } from './batch.js';
import { listFiles } from './inputs.js';
import { readSigner } from './signer.js';
import type { Write } from './output.js';
import { ParallelCheck } from './parallel.js';
import { TOOL } from './version.js';
import { workersPayOff } from './workers-pay-off.js';

export type FailOn = Severity | 'never';

/** What check and compare both take from the command line. */
export interface LintCommandOptions {
  format: FormatName;
  failOn: FailOn;
  at?: string;
  only?: string[];
  ignore?: string[];
  environment?: string;
  colour: boolean;
  /** Files or directories of issuer certificates (--issuer). */
  issuers: string[];
  requireIssuer: boolean;
  /** A JSON configuration file: environments, roles, CN roles. */
  config?: string;
}

export interface CheckCommandOptions extends LintCommandOptions {
  kind?: CertificateKind;
  /** The certificate file that will sign the DUIS requests checked (--signer). */
  signer?: string;
  /**
   * Worker threads; 1 checks in-process. Unset: the available cores, for runs large enough that
   * threads pay off (workersPayOff); set: used for any run but the smallest.
   */
  jobs?: number;
}

/** With --jobs given, runs smaller than these are still checked in-process. */
const PARALLEL_FILES = 64;
const PARALLEL_ENTRIES = 512;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs `check`: collects the issuers (--issuer, and CA certificates found among the inputs), then
 * checks every item in input order, on worker threads for large batches. Returns the exit code:
 * 0 when nothing reached --fail-on, 1 when something did.
 */
export async function runCheck(inputs: string[], opts: CheckCommandOptions, write: Write): Promise<number> {
  const files = await listFiles(inputs);
  const issuerFiles = opts.issuers.length > 0 ? await listFiles(opts.issuers) : [];
  const config = loadConfig(opts.config);
  const signer = opts.signer === undefined ? undefined : readSigner(opts.signer);
  // Validates --at, --environment, --only and --ignore before any reading.
  const resolved = resolveOptions(applyConfig({ at: opts.at, environment: opts.environment, only: opts.only, ignore: opts.ignore, crypto: createNodeCrypto() }, config));
  const settings: Omit<CheckSettings, 'issuers'> = {
    at: resolved.evaluationTime,
    environment: resolved.environment.name,
    only: opts.only,
    ignore: opts.ignore,
    kind: opts.kind,
    requireIssuer: opts.requireIssuer,
    signer,
    format: opts.format,
    colour: opts.colour,
    config,
  };
  const jobs = opts.jobs ?? defaultJobs();
  // Whether threads are worth starting, for a run of this many files or certificates.
  const parallelFor = (items: number, minimum: number) =>
    jobs > 1 && (opts.jobs === undefined ? workersPayOff(items, jobs, issuerFiles.length > 0) : items >= minimum);
  const workersForFiles = parallelFor(files.length, PARALLEL_FILES) && !files.includes('-');
  const parallel = workersForFiles ? new ParallelCheck(settings, jobs) : undefined;
  try {
    const explicit: CheckSettings['issuers'] = [];
    for await (const source of readFiles(issuerFiles)) {
      for (const e of documentEntries(detectEntries(source.bytes, source.path))) if (isCertificateEntry(e)) explicit.push({ der: e.der, force: true });
    }
    const format = outputFormat(opts.format, opts.colour);
    const summary = emptySummary();
    let worst = 0;
    // A format that joins its results itself gets them all at the end.
    const parts: string[] | undefined = format.join ? [] : undefined;
    const emit = (out: ChunkOutput) => {
      if (parts) for (const part of out.parts ?? []) parts.push(part);
      else write(out.text);
      mergeSummary(summary, out.summary);
      worst = Math.max(worst, out.worst);
    };
    write(format.begin({ tool: TOOL, evaluatedAt: new Date(settings.at).toISOString(), environment: settings.environment }));
    if (parallel) {
      await parallel.run({ kind: 'files', files }, explicit, emit);
    } else {
      await checkInProcess(files, settings, explicit, (entries) => (parallelFor(entries, PARALLEL_ENTRIES) ? jobs : 1), emit);
    }
    if (parts) write(format.join!(parts));
    write(format.end(summary));
    return exitCodeFor(worst, opts.failOn);
  } finally {
    await parallel?.close();
  }
}

/** 1 when the worst severity rank seen reaches --fail-on, else 0. */
export function exitCodeFor(worst: number, failOn: FailOn): number {
  return failOn !== 'never' && worst >= SEVERITY_RANK[failOn] ? 1 : 0;
}

/** Reads on the main thread; a large result (a big bundle, stdin) is still checked on workers. */
async function checkInProcess(
  files: string[],
  settings: Omit<CheckSettings, 'issuers'>,
  explicit: CheckSettings['issuers'],
  jobsFor: (entries: number) => number,
  emit: (out: ChunkOutput) => void,
): Promise<void> {
  const entries: Entry[] = [];
  for await (const source of readFiles(files)) for (const e of detectEntries(source.bytes, source.path)) entries.push(e);
  const jobs = jobsFor(entries.length);
  if (jobs > 1) {
    const parallel = new ParallelCheck(settings, jobs);
    try {
      await parallel.run({ kind: 'entries', entries }, explicit, emit);
    } finally {
      await parallel.close();
    }
    return;
  }
  const issuers = [...explicit, ...possibleIssuers(entries).map((der) => ({ der, force: false }))];
  const batch = new Batch({ ...settings, issuers });
  let position = 0;
  for (let i = 0; i < entries.length; i += 256) {
    const slice = entries.slice(i, i + 256);
    emit(batch.run(slice, position));
    position += resultCount(slice);
  }
}
