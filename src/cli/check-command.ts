import { availableParallelism } from 'node:os';
import { detectEntries, isCertificateEntry, possibleIssuers } from '../check/entries.js';
import type { Entry } from '../check/entries.js';
import { resolveOptions } from '../check/options.js';
import { createNodeCrypto } from '../crypto/node.js';
import { readSources } from '../input/node.js';
import { SEVERITY_RANK } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { outputFormat } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import { emptySummary } from '../report/summary.js';
import type { CertificateKind } from '../smki/index.js';
import { Batch, mergeSummary } from './batch.js';
import type { CheckSettings, ChunkOutput } from './batch.js';
import { listFiles } from './inputs.js';
import type { Write } from './output.js';
import { runParallel } from './parallel.js';
import { TOOL } from './version.js';

export type FailOn = Severity | 'never';

export interface CheckCommandOptions {
  format: FormatName;
  failOn: FailOn;
  at?: string;
  only?: string[];
  ignore?: string[];
  environment?: string;
  kind?: CertificateKind;
  colour: boolean;
  /** Files or directories of issuer certificates (--issuer). */
  issuers: string[];
  requireIssuer: boolean;
  /** Worker threads; 1 checks in-process. */
  jobs: number;
}

/** Below this many items, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 512;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs `check`: reads every input, collects the issuers (--issuer, and CA certificates found in
 * the run), then checks every item in input order, on worker threads for large batches.
 * Returns the exit code: 0 when nothing reached --fail-on, 1 when something did.
 */
export async function runCheck(inputs: string[], opts: CheckCommandOptions, write: Write): Promise<number> {
  const files = await listFiles(inputs);
  const issuerFiles = opts.issuers.length > 0 ? await listFiles(opts.issuers) : [];
  // Validates --at and --environment before any reading.
  const resolved = resolveOptions({ at: opts.at, environment: opts.environment, crypto: createNodeCrypto() });

  const entries: Entry[] = [];
  for await (const source of readSources(files)) for (const e of detectEntries(source.bytes, source.path)) entries.push(e);
  const issuers: CheckSettings['issuers'] = [];
  for await (const source of readSources(issuerFiles)) {
    for (const e of detectEntries(source.bytes, source.path)) if (isCertificateEntry(e)) issuers.push({ der: e.der, force: true });
  }
  for (const der of possibleIssuers(entries)) issuers.push({ der, force: false });

  const settings: CheckSettings = {
    at: resolved.evaluationTime,
    environment: resolved.environment.name,
    only: opts.only,
    ignore: opts.ignore,
    kind: opts.kind,
    requireIssuer: opts.requireIssuer,
    format: opts.format,
    colour: opts.colour,
    issuers,
  };
  const format = outputFormat(opts.format, opts.colour);
  const summary = emptySummary();
  let worst = 0;
  const emit = (out: ChunkOutput) => {
    write(out.text);
    mergeSummary(summary, out.summary);
    worst = Math.max(worst, out.worst);
  };

  write(format.begin({ tool: TOOL, evaluatedAt: new Date(settings.at).toISOString(), environment: settings.environment }));
  if (opts.jobs > 1 && entries.length >= PARALLEL_THRESHOLD) {
    await runParallel(entries, settings, opts.jobs, emit);
  } else {
    const batch = new Batch(settings);
    for (let i = 0; i < entries.length; i += 256) emit(batch.run(entries.slice(i, i + 256), i));
  }
  write(format.end(summary));
  const threshold = opts.failOn === 'never' ? Infinity : SEVERITY_RANK[opts.failOn];
  return worst >= threshold ? 1 : 0;
}
