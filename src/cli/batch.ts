import { Checker } from '../check/checker.js';
import { applyConfig } from '../check/config.js';
import type { CheckConfig } from '../check/config.js';
import { entriesOf } from '../check/entries.js';
import type { Entry } from '../check/entries.js';
import type { CertificateResult } from '../check/result.js';
import type { CryptoAdapter } from '../crypto/adapter.js';
import { createNodeCrypto } from '../crypto/node.js';
import type { InputPiece, SourcePart } from '../input/node.js';
import { SEVERITY_RANK } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { outputFormat } from '../report/formats.js';
import { junitOutcome } from '../report/junit-format.js';
import type { FormatName } from '../report/formats.js';
import { appendOutput } from '../report/stream.js';
import { addToSummary, emptySummary, mergeSummary } from '../report/summary.js';
import type { Summary } from '../report/summary.js';
import type { CertificateKind } from '../smki/index.js';
import { baselineEntries } from './baseline.js';
import { DEBUG_DELAY_MS } from './debug.js';
import type { BaselineEntry } from './baseline.js';

/** Everything a check run needs, as plain data so worker threads can rebuild it exactly. */
export interface CheckSettings {
  /** Evaluation time, ms since the epoch. */
  at: number;
  environment: string;
  only?: string[];
  ignore?: string[];
  kind?: CertificateKind;
  requireIssuer: boolean;
  format: FormatName;
  colour: boolean;
  /** The --config file's content, applied in every thread. */
  config?: CheckConfig;
  /** --max-item-size in bytes. */
  maxItemSize: number;
  /** --quiet: only results with a finding (not waived) at or above this severity are written. */
  quiet?: Severity;
  /** --write-baseline: collect a waiver for every finding at or above this severity. */
  baseline?: Severity;
  /** The DER of the certificate that will sign the DUIS requests (--signer). */
  signer?: Uint8Array;
}

/** Issuer certificates: named by --issuer (force: whatever they are) or CAs found in the run. */
export type IssuerList = { der: Uint8Array; force: boolean }[];

export interface ChunkOutput {
  /** The results' output, joined with the format's separator. */
  text: string;
  summary: Summary;
  /** Highest severity rank seen among findings that count (0 for none). */
  worst: number;
  /** What the formats' ends say beyond the summary (JUnit's counts, SARIF's folded notice). */
  failing: number;
  broken: number;
  notChecked: number;
  hidden: number;
  /** Indices of the configuration's waivers that matched a finding. */
  waiversUsed: number[];
  /** --write-baseline: the waivers the chunk's findings need. */
  baseline?: BaselineEntry[];
}

export function emptyChunk(): ChunkOutput {
  return { text: '', summary: emptySummary(), worst: 0, failing: 0, broken: 0, notChecked: 0, hidden: 0, waiversUsed: [] };
}

/** Entries checked stage by stage at a time. */
const GROUP = 16;
/** Groups whose signatures are being verified while the next are decoded: enough to keep node's thread pool busy. */
const GROUPS_AHEAD = 8;
/** Results per chunk of output: enough to write in large pieces, few enough to keep memory flat. */
const CHUNK_RESULTS = 256;

/** Checks pieces of inputs and formats their results; the same code runs in-process and in workers. */
export class Batch {
  readonly checker: Checker;
  private format;
  private noIssuers = true;
  /** The lowest severity rank a result needs to be written (0: every result). */
  private readonly quiet: number;

  constructor(
    private readonly settings: CheckSettings,
    issuers: IssuerList,
  ) {
    const crypto = DEBUG_DELAY_MS > 0 ? withVerifyDelay(createNodeCrypto(), DEBUG_DELAY_MS) : createNodeCrypto();
    this.checker = new Checker(applyConfig({ at: settings.at, environment: settings.environment, only: settings.only, ignore: settings.ignore, kind: settings.kind, signer: settings.signer, crypto }, settings.config));
    this.quiet = settings.quiet ? SEVERITY_RANK[settings.quiet] : 0;
    this.format = outputFormat(settings.format, settings.colour, { noIssuers: true });
    this.addIssuers(issuers);
  }

  /** Issuers after those given so far, in the run's order. */
  addIssuers(issuers: IssuerList): void {
    for (const issuer of issuers) this.checker.addIssuer(issuer.der, issuer.force);
    if (this.noIssuers && issuers.length > 0) {
      // SARIF gives the run's chain.not-checked once only when the run has no issuer at all.
      this.noIssuers = false;
      this.format = outputFormat(this.settings.format, this.settings.colour, { noIssuers: false });
    }
  }

  /**
   * Reads and checks the pieces in order, yielding the output of every CHUNK_RESULTS results. A
   * piece that names its items is checked for those alone.
   */
  *check<P extends Piece>(pieces: readonly P[], read: (piece: P) => Iterable<SourcePart>): Generator<ChunkOutput> {
    let out = emptyChunk();
    for (const group of groupsOf(pieces, read)) {
      this.add(out, this.checker.checkEntries(group, this.settings.requireIssuer));
      if (out.summary.inputs < CHUNK_RESULTS) continue;
      yield this.withWaivers(out);
      out = emptyChunk();
    }
    if (out.summary.inputs > 0) yield this.withWaivers(out);
  }

  /**
   * check, with the issuers' signatures verified on node's thread pool while this thread decodes
   * and lints: up to GROUPS_AHEAD groups wait for their verdicts at a time, and results are
   * taken in input order.
   */
  async *checkVerifyingAhead<P extends Piece>(pieces: readonly P[], read: (piece: P) => Iterable<SourcePart>): AsyncGenerator<ChunkOutput> {
    let out = emptyChunk();
    const waiting: Promise<CertificateResult[]>[] = [];
    const groups = groupsOf(pieces, read);
    for (;;) {
      const next = waiting.length < GROUPS_AHEAD ? groups.next() : undefined;
      if (next && !next.done) {
        const checked = this.checker.checkEntriesAsync(next.value, this.settings.requireIssuer);
        // A failure is thrown where the group is awaited; groups after it are never awaited.
        checked.catch(() => {});
        waiting.push(checked);
        continue;
      }
      if (waiting.length === 0) break;
      this.add(out, await waiting.shift()!);
      if (out.summary.inputs < CHUNK_RESULTS) continue;
      yield this.withWaivers(out);
      out = emptyChunk();
    }
    if (out.summary.inputs > 0) yield this.withWaivers(out);
  }

  /** The waivers matched so far go with the chunk (the main thread adds them up for the run's unused ones). */
  private withWaivers(out: ChunkOutput): ChunkOutput {
    out.waiversUsed = [...this.checker.policy.used];
    return out;
  }

  private add(out: ChunkOutput, results: readonly CertificateResult[]): void {
    for (const result of results) {
      if (this.settings.baseline) (out.baseline ??= []).push(...baselineEntries(result, this.settings.baseline));
      if (countResult(out, result, this.quiet, this.noIssuers)) out.text = appendOutput(this.format, out.text, this.format.result(result));
    }
  }
}

type Piece = InputPiece & { items?: { from: number; to: number } };

/**
 * The pieces' entries in groups of GROUP, across files. Small groups keep each stage hot in the
 * caches, and a group's decoded certificates are dropped before the next young-generation
 * collection would have to copy them. A piece that names its items gives those alone.
 */
function* groupsOf<P extends Piece>(pieces: readonly P[], read: (piece: P) => Iterable<SourcePart>): Generator<Entry[]> {
  let group: Entry[] = [];
  for (const piece of pieces) {
    for (const part of read(piece)) {
      for (const entry of entriesOf(part.detected, piece.display)) {
        if (piece.items && (entry.source.index < piece.items.from || entry.source.index >= piece.items.to)) continue;
        group.push(entry);
        if (group.length < GROUP) continue;
        yield group;
        group = [];
      }
    }
  }
  if (group.length > 0) yield group;
}

/**
 * Counts one result into a chunk: summary, worst severity that counts, and the totals the formats'
 * ends give. Returns whether the result is written: not when --quiet (the lowest rank shown) leaves it out.
 */
export function countResult(out: ChunkOutput, result: CertificateResult, quiet: number, noIssuers: boolean): boolean {
  let worst = 0;
  for (const f of result.findings) if (!f.waived) worst = Math.max(worst, SEVERITY_RANK[f.severity]);
  out.worst = Math.max(out.worst, worst);
  addToSummary(out.summary, result);
  if (noIssuers && result.findings.some((f) => f.ruleId === 'chain.not-checked' && f.severity === 'notice')) out.notChecked++;
  if (worst < quiet) {
    out.hidden++;
    return false;
  }
  const outcome = junitOutcome(result);
  if (outcome === 'failure') out.failing++;
  else if (outcome === 'error') out.broken++;
  return true;
}

/** One chunk after another: texts joined as the format wants, summaries added up. */
export function mergeChunk(into: ChunkOutput, from: ChunkOutput, separator: string): void {
  into.text = appendOutput({ separator }, into.text, from.text);
  mergeSummary(into.summary, from.summary);
  into.worst = Math.max(into.worst, from.worst);
  into.failing += from.failing;
  into.broken += from.broken;
  into.notChecked += from.notChecked;
  into.hidden += from.hidden;
  into.waiversUsed = [...new Set([...into.waiversUsed, ...from.waiversUsed])];
  if (from.baseline) (into.baseline ??= []).push(...from.baseline);
}

/** Debugging only: each asynchronous verdict comes a random 0..ms later, to show the output does not depend on their order. */
function withVerifyDelay(adapter: CryptoAdapter, ms: number): CryptoAdapter {
  const verifyAsync = adapter.verifyEcdsaAsync!.bind(adapter);
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(resolve, Math.random() * ms, value));
  return { ...adapter, verifyEcdsaAsync: (...args) => verifyAsync(...args).then(later) };
}
