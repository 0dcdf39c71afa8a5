import { Checker } from '../check/checker.js';
import { applyConfig } from '../check/config.js';
import type { CheckConfig } from '../check/config.js';
import { entriesOf } from '../check/entries.js';
import type { Entry } from '../check/entries.js';
import { createNodeCrypto } from '../crypto/node.js';
import type { InputPiece, SourcePart } from '../input/node.js';
import { SEVERITY_RANK } from '../lint/index.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { appendOutput } from '../report/stream.js';
import { addToSummary, emptySummary } from '../report/summary.js';
import type { Summary } from '../report/summary.js';
import type { CertificateKind } from '../smki/index.js';

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
  /** The DER of the certificate that will sign the DUIS requests (--signer). */
  signer?: Uint8Array;
}

/** Issuer certificates: named by --issuer (force: whatever they are) or CAs found in the run. */
export type IssuerList = { der: Uint8Array; force: boolean }[];

export interface ChunkOutput {
  /** The results' output, joined with the format's separator. */
  text: string;
  summary: Summary;
  /** Highest severity rank seen (0 for none). */
  worst: number;
}

/** Entries checked stage by stage at a time. */
const GROUP = 16;
/** Results per chunk of output: enough to write in large pieces, few enough to keep memory flat. */
const CHUNK_RESULTS = 256;

/** Checks pieces of inputs and formats their results; the same code runs in-process and in workers. */
export class Batch {
  readonly checker: Checker;
  private readonly format;

  constructor(
    private readonly settings: CheckSettings,
    issuers: IssuerList,
  ) {
    this.checker = new Checker(applyConfig({ at: settings.at, environment: settings.environment, only: settings.only, ignore: settings.ignore, kind: settings.kind, signer: settings.signer, crypto: createNodeCrypto() }, settings.config));
    this.addIssuers(issuers);
    this.format = outputFormat(settings.format, settings.colour);
  }

  /** Issuers after those given so far, in the run's order. */
  addIssuers(issuers: IssuerList): void {
    for (const issuer of issuers) this.checker.addIssuer(issuer.der, issuer.force);
  }

  /**
   * Reads and checks the pieces in order, yielding the output of every CHUNK_RESULTS results. A
   * piece that names its items is checked for those alone.
   */
  *check<P extends InputPiece & { items?: { from: number; to: number } }>(pieces: readonly P[], read: (piece: P) => Iterable<SourcePart>): Generator<ChunkOutput> {
    let out: ChunkOutput = { text: '', summary: emptySummary(), worst: 0 };
    // Small groups, across files: each stage stays hot in the caches, and a group's decoded
    // certificates are dropped before the next young-generation collection would have to copy them.
    let group: Entry[] = [];
    for (const piece of pieces) {
      for (const part of read(piece)) {
        for (const entry of entriesOf(part.detected, piece.display)) {
          if (piece.items && (entry.source.index < piece.items.from || entry.source.index >= piece.items.to)) continue;
          group.push(entry);
          if (group.length < GROUP) continue;
          this.add(out, group);
          group = [];
          if (out.summary.inputs >= CHUNK_RESULTS) {
            yield out;
            out = { text: '', summary: emptySummary(), worst: 0 };
          }
        }
      }
    }
    if (group.length > 0) this.add(out, group);
    if (out.summary.inputs > 0) yield out;
  }

  private add(out: ChunkOutput, entries: readonly Entry[]): void {
    for (const result of this.checker.checkEntries(entries, this.settings.requireIssuer)) {
      for (const f of result.findings) out.worst = Math.max(out.worst, SEVERITY_RANK[f.severity]);
      addToSummary(out.summary, result);
      out.text = appendOutput(this.format, out.text, this.format.result(result));
    }
  }
}

/** One chunk after another: texts joined as the format wants, summaries added up. */
export function mergeChunk(into: ChunkOutput, from: ChunkOutput, separator: string): void {
  into.text = appendOutput({ separator }, into.text, from.text);
  mergeSummary(into.summary, from.summary);
  into.worst = Math.max(into.worst, from.worst);
}

export function mergeSummary(into: Summary, from: Summary): void {
  into.inputs += from.inputs;
  into.errors += from.errors;
  into.warnings += from.warnings;
  into.notices += from.notices;
  into.clean += from.clean;
}
