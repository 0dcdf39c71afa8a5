import { Checker } from '../check/checker.js';
import { applyConfig } from '../check/config.js';
import type { CheckConfig } from '../check/config.js';
import type { Entry } from '../check/entries.js';
import { createNodeCrypto } from '../crypto/node.js';
import { SEVERITY_RANK } from '../lint/index.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
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
  /** Issuer certificates: named by --issuer (force) or CAs found in the run. */
  issuers: { der: Uint8Array; force: boolean }[];
  /** The DER of the certificate that will sign the DUIS requests (--signer). */
  signer?: Uint8Array;
}

export interface ChunkOutput {
  text: string;
  /** Each result's output, instead of text, when the format joins them itself (OutputFormat.join). */
  parts?: string[];
  summary: Summary;
  /** Highest severity rank seen (0 for none). */
  worst: number;
}

/** Entries checked stage by stage at a time. */
const GROUP = 16;

/** Checks entries and formats their results; the same code runs in-process and in workers. */
export class Batch {
  readonly checker: Checker;
  private readonly format;

  constructor(private readonly settings: CheckSettings) {
    this.checker = new Checker(applyConfig({ at: settings.at, environment: settings.environment, only: settings.only, ignore: settings.ignore, kind: settings.kind, signer: settings.signer, crypto: createNodeCrypto() }, settings.config));
    for (const issuer of settings.issuers) this.checker.addIssuer(issuer.der, issuer.force);
    this.format = outputFormat(settings.format, settings.colour);
  }

  /** Results of entries[0..] formatted as output positions firstPosition.. (a DUIS request takes one per certificate more). */
  run(entries: readonly Entry[], firstPosition: number): ChunkOutput {
    const summary = emptySummary();
    let worst = 0;
    let text = '';
    const parts: string[] | undefined = this.format.join ? [] : undefined;
    let position = firstPosition;
    // Small groups: each stage stays hot in the caches, and a group's decoded certificates are
    // dropped before the next young-generation collection would have to copy them.
    for (let start = 0; start < entries.length; start += GROUP) {
      const results = this.checker.checkEntries(entries.slice(start, start + GROUP), this.settings.requireIssuer);
      for (const result of results) {
        for (const f of result.findings) worst = Math.max(worst, SEVERITY_RANK[f.severity]);
        addToSummary(summary, result);
        const out = this.format.result(result, position++);
        if (parts) parts.push(out);
        else text += out;
      }
    }
    return parts ? { text, parts, summary, worst } : { text, summary, worst };
  }
}

export function mergeSummary(into: Summary, from: Summary): void {
  into.inputs += from.inputs;
  into.errors += from.errors;
  into.warnings += from.warnings;
  into.notices += from.notices;
  into.clean += from.clean;
}
