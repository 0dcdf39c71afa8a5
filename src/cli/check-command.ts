import { availableParallelism } from 'node:os';
import { documentEntries, entriesOf, isCertificateEntry } from '../check/entries.js';
import { applyConfig } from '../check/config.js';
import { resolveOptions } from '../check/options.js';
import { loadConfig } from './config-file.js';
import { createNodeCrypto } from '../crypto/node.js';
import { InputReader, UsageError, fileParts, fileSize } from '../input/node.js';
import type { InputFile, InputPiece } from '../input/node.js';
import { isSelected, SEVERITY_RANK } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { unusedWaiverNotices } from '../check/policy.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { ReportStream } from '../report/stream.js';
import type { CertificateKind } from '../smki/index.js';
import type { CertificateResult } from '../check/result.js';
import { Batch, emptyChunk, mergeChunk } from './batch.js';
import type { CheckSettings, ChunkOutput, IssuerList } from './batch.js';
import { DEBUG_KEEP_BYTES, DEBUG_THREADS, DEBUG_VERIFY_AHEAD } from './debug.js';
import { Baseline } from './baseline.js';
import { Progress } from './progress.js';
import { FileSpool } from './result-spool.js';
import { listFiles } from './inputs.js';
import type { BufferedOutput } from './output.js';
import { WorkerPool } from './parallel.js';
import { KeepBudget, UnitCutter, scanInputs } from './scan.js';
import type { Scan, ScannedPiece } from './scan.js';
import { readSigner } from './signer.js';
import { TOOL } from './version.js';
import { threadUse } from './workers-pay-off.js';
import type { ThreadUse } from './workers-pay-off.js';

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
  /** --max-item-size in bytes. */
  maxItemSize: number;
  /** --quiet: write only the results with a finding that reaches --fail-on (any finding, for --fail-on never). */
  quiet?: boolean;
}

/** The lowest severity --quiet shows: what --fail-on fails on. */
export function quietThreshold(failOn: FailOn): Severity {
  return failOn === 'never' ? 'notice' : failOn;
}

export interface CheckCommandOptions extends LintCommandOptions {
  kind?: CertificateKind;
  /** The certificate file that will sign the DUIS requests checked (--signer). */
  signer?: string;
  /**
   * The most threads checking at once (worker threads, or signatures verified beside the main
   * thread), at most the available cores; 1 checks on the main thread alone. Unset: the available
   * cores. Threads are used only for runs large enough that they pay off (threadUse), so more
   * threads are never slower than fewer.
   */
  jobs?: number;
  /** --write-baseline: a file to write a waiver for every finding that reaches --fail-on. */
  writeBaseline?: string;
  /** Show a progress line on stderr (a terminal, and the output elsewhere). */
  progress?: boolean;
}

/** SMKI_LINT_DEBUG_THREADS: runs of fewer items are still checked in-process. */
const PARALLEL_ITEMS = 512;
/**
 * The most CA certificates a run keeps as issuers (--issuer first, then those among the inputs):
 * every worker holds each one decoded, so a hostile input of nothing but CA certificates must not
 * grow memory without bound. Real SMKI hierarchies have a handful.
 */
export const MAX_ISSUERS = 4096;

/** What a run checked in-process keeps from its first reading, so small runs read their inputs once. */
const KEEP_BYTES = 8 * 1024 * 1024;
/**
 * What a run on worker threads keeps from its first reading to hand to the workers, so they need
 * not read it again (released as they are handed over); beyond it, workers read their pieces. Kept
 * parts cost several times their counted bytes once copied to the workers and waiting for their
 * collections: at 32 MB a run of a million certificates peaked near 500 MB, at 8 MB near 300 MB.
 */
const POOL_KEEP_BYTES = 8 * 1024 * 1024;
/**
 * What a run that verifies beside the main thread keeps: there the main thread bounds the run, and
 * reading a bundle of 20,000 certificates once rather than mostly twice made it some 4% faster.
 * Such a run has at most 25,000 items, so this is about all of it.
 */
const VERIFY_AHEAD_KEEP_BYTES = 32 * 1024 * 1024;
/** Bytes of input per item, to judge from file sizes alone whether threads will pay off: a PEM certificate is 600-900. */
const BYTES_PER_ITEM = 640;

export function availableJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs `check`. First reading: the inputs, in order, for the CA certificates among them (any
 * item's issuer may come later in the input) and for where large inputs can be cut. Second
 * reading: every item checked in input order, on worker threads for large runs, with output
 * written as it comes. Returns the exit code: 0 when nothing reached --fail-on, 1 when something did.
 */
export async function runCheck(inputs: string[], opts: CheckCommandOptions, out: BufferedOutput, warn: (line: string) => void): Promise<number> {
  const files = await listFiles(inputs);
  const issuerFiles = opts.issuers.length > 0 ? await listFiles(opts.issuers) : [];
  const config = loadConfig(opts.config);
  const signer = opts.signer === undefined ? undefined : readSigner(opts.signer, opts.maxItemSize);
  // Validates --at, --environment, --only and --ignore before any reading.
  const resolved = resolveOptions(applyConfig({ at: opts.at, environment: opts.environment, only: opts.only, ignore: opts.ignore, crypto: createNodeCrypto() }, config));
  const settings: CheckSettings = {
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
    maxItemSize: opts.maxItemSize,
    quiet: opts.quiet ? quietThreshold(opts.failOn) : undefined,
    baseline: opts.writeBaseline !== undefined ? quietThreshold(opts.failOn) : undefined,
  };
  const available = availableJobs();
  if (opts.jobs !== undefined && opts.jobs > available) warn(`--jobs ${opts.jobs} is more than the ${available} available cores; using ${available}`);
  const jobs = Math.min(opts.jobs ?? available, available);
  // Inputs that can be read only once are kept by the main thread, which then checks them itself.
  const onceOnly = files.some((f) => !f.regular);
  // How the run uses threads (threadUse), judged by the inputs' size before the first reading and
  // by what it found after; the debugging variables force a way on small runs.
  const useFor = (count: number, verifying: boolean): ThreadUse => {
    if (jobs <= 1) return 'none';
    if (DEBUG_THREADS) return count >= PARALLEL_ITEMS && !onceOnly ? 'workers' : 'none';
    if (DEBUG_VERIFY_AHEAD) return verifying ? 'verify-ahead' : 'none';
    const use = threadUse(count, jobs, verifying, files.length);
    return use === 'workers' && onceOnly ? 'none' : use;
  };
  // Worker threads start before the first reading when the size of the inputs already says they
  // pay off, and check what the reading has cut while it goes on.
  const expected = onceOnly ? 'none' : useFor(estimatedItems(files), issuerFiles.length > 0);
  let pool = expected === 'workers' ? new WorkerPool(settings, jobs) : undefined;
  const reader = new InputReader(settings.maxItemSize, files, 2);
  let report: ReportStream<CertificateResult> | undefined;
  try {
    const named = readIssuers(issuerFiles, settings.maxItemSize);
    const issuers: IssuerList = [...named.issuers];
    const budget = new KeepBudget(DEBUG_KEEP_BYTES ?? (pool ? POOL_KEEP_BYTES : expected === 'verify-ahead' ? VERIFY_AHEAD_KEEP_BYTES : KEEP_BYTES));
    const cutter = new UnitCutter((unit) => pool!.add(unit));
    const run = emptyChunk();
    const baseline = opts.writeBaseline !== undefined ? new Baseline() : undefined;
    let progress: Progress | undefined;
    const emit = async (chunk: ChunkOutput) => {
      report!.add(chunk.text);
      mergeChunk(run, { ...chunk, text: '', baseline: undefined }, '');
      baseline?.add(chunk.baseline ?? []);
      progress?.update(run.summary.inputs);
      await out.drain();
    };
    const stopped = () => out.stopped;
    pool?.begin(issuers, emit, stopped, budget);
    // The run's issuers: --issuer first, then the CA certificates among the inputs as the reading finds them.
    const found = (scan: Scan) => {
      for (let i = issuers.length - named.issuers.length; i < scan.issuers.length; i++) issuers.push({ der: scan.issuers[i], force: false });
    };
    const scan = await scanInputs(files, reader, MAX_ISSUERS - named.issuers.length, budget, (piece, sofar) => {
      found(sofar);
      if (pool) cutter.add(piece);
    });
    found(scan);
    const leftOut = named.leftOut + scan.issuersLeftOut;
    if (leftOut > 0) warn(`${leftOut} issuer certificates were left out: a run keeps at most ${MAX_ISSUERS} (--issuer first, then the CA certificates among the inputs)`);
    const use = pool ? 'workers' : useFor(scan.items, issuers.length > 0);
    if (!pool && use === 'workers') {
      pool = new WorkerPool(settings, jobs);
      pool.begin(issuers, emit, stopped, budget);
      for (const piece of scan.pieces) cutter.add(piece);
    }

    // Output starts once the reading has ended (the pool holds it back till then), so the run's
    // issuers are known here.
    const noIssuers = issuers.length === 0;
    const format = outputFormat(opts.format, opts.colour, { noIssuers });
    report = new ReportStream(format, out.write, { spool: format.countsFirst ? new FileSpool() : undefined, drain: () => out.drain() });
    progress = opts.progress ? new Progress(scan.items) : undefined;
    report.begin({ tool: TOOL, evaluatedAt: new Date(settings.at).toISOString(), environment: settings.environment, noIssuers });
    if (pool) {
      cutter.end();
      await pool.end();
    } else await checkInProcess(scan.pieces, reader, settings, issuers, emit, stopped, use === 'verify-ahead');
    progress?.end();
    const notices = unusedWaiverNotices(config?.waivers ?? [], new Set(run.waiversUsed), (id) => isSelected(id, settings));
    await report.end(run.summary, { ...run, notices });
    baseline?.write(opts.writeBaseline!);
    return exitCodeFor(run.worst, opts.failOn);
  } finally {
    report?.close();
    reader.close();
    await pool?.close();
  }
}

/**
 * How many items the inputs hold, judged before reading them: at least one per file, and for a
 * few large files (bundles) their size over a certificate's.
 */
function estimatedItems(files: readonly InputFile[]): number {
  if (files.length >= PARALLEL_ITEMS) return files.length;
  let items = 0;
  for (const f of files) items += Math.max(1, Math.floor((fileSize(f.path) ?? 0) / BYTES_PER_ITEM));
  return items;
}

/** 1 when the worst severity rank seen reaches --fail-on, else 0. */
export function exitCodeFor(worst: number, failOn: FailOn): number {
  return failOn !== 'never' && worst >= SEVERITY_RANK[failOn] ? 1 : 0;
}

/**
 * The second reading on the main thread: files again, once-only inputs from their spools. With
 * verifyAhead, signatures are verified on node's thread pool meanwhile.
 */
async function checkInProcess(
  pieces: readonly ScannedPiece[],
  reader: InputReader,
  settings: CheckSettings,
  issuers: IssuerList,
  emit: (out: ChunkOutput) => Promise<void>,
  stopped: () => boolean,
  verifyAhead: boolean,
): Promise<void> {
  const batch = new Batch(settings, issuers);
  // What the first reading kept is handed over once, so each part can be collected once checked.
  const kept = new Map(pieces.map((p) => [p.piece, p.parts]));
  for (const p of pieces) p.parts = undefined;
  const read = (piece: InputPiece) => {
    const parts = kept.get(piece);
    kept.delete(piece);
    return parts ?? reader.again(piece);
  };
  const chunks = verifyAhead ? batch.checkVerifyingAhead(pieces.map((p) => p.piece), read) : batch.check(pieces.map((p) => p.piece), read);
  for await (const chunk of chunks) {
    await emit(chunk);
    if (stopped()) return;
  }
}

/**
 * The certificates of --issuer files, at most MAX_ISSUERS (leftOut counts the rest); a file that
 * cannot be read is a usage error, known before any output.
 */
function readIssuers(files: readonly InputFile[], maxItemSize: number): { issuers: IssuerList; leftOut: number } {
  const issuers: IssuerList = [];
  let leftOut = 0;
  for (const file of files) {
    if (file.path === '-') throw new UsageError('--issuer - is not supported: name the file or directory of issuer certificates');
    for (const part of fileParts(file.path, { maxItemSize })) {
      for (const e of documentEntries(entriesOf(part.detected, file.display))) {
        if (e.problem?.kind === 'unreadable' || e.problem?.kind === 'too-large') throw new UsageError(`issuer file ${e.problem.message}`);
        if (!isCertificateEntry(e)) continue;
        if (issuers.length < MAX_ISSUERS) issuers.push({ der: e.der, force: true });
        else leftOut++;
      }
    }
  }
  return { issuers, leftOut };
}
