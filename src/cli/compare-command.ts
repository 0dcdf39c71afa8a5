import { applyConfig } from '../check/config.js';
import { resolveOptions } from '../check/options.js';
import { FindingPolicy, unusedWaiverNotices } from '../check/policy.js';
import { createNodeCrypto } from '../crypto/node.js';
import { comparePaths } from '../node.js';
import { isSelected, SEVERITY_RANK } from '../lint/index.js';
import { outputFormat } from '../report/formats.js';
import { ReportStream } from '../report/stream.js';
import { countResult, emptyChunk } from './batch.js';
import { exitCodeFor, quietThreshold } from './check-command.js';
import type { LintCommandOptions } from './check-command.js';
import { loadConfig } from './config-file.js';
import { listFiles } from './inputs.js';
import type { BufferedOutput } from './output.js';
import { TOOL } from './version.js';

export interface CompareCommandOptions extends LintCommandOptions {
  /** Files or directories of requests, and of the certificates issued for them. */
  requests: string[];
  certificates: string[];
}

/**
 * Runs `compare`: every certificate against the request whose public key it carries, and on its
 * own. Returns the exit code as `check` does: 1 when a finding reached --fail-on, else 0.
 */
export async function runCompare(opts: CompareCommandOptions, out: BufferedOutput): Promise<number> {
  // Every input is listed first, so a bad path is a usage error before anything is read.
  for (const inputs of [opts.requests, opts.certificates]) await listFiles(inputs);
  if (opts.issuers.length > 0) await listFiles(opts.issuers);
  const config = loadConfig(opts.config);
  const options = applyConfig({ at: opts.at, environment: opts.environment, only: opts.only, ignore: opts.ignore, crypto: createNodeCrypto() }, config);
  // Validates --at, --environment, --only and --ignore before any reading.
  const resolved = resolveOptions(options);
  // Pairing needs every request and certificate at hand, so compare reads them all before writing.
  const results = await comparePaths(opts.requests, opts.certificates, { ...options, issuers: opts.issuers, requireIssuer: opts.requireIssuer, maxItemSize: opts.maxItemSize });

  const format = outputFormat(opts.format, opts.colour);
  const report = new ReportStream(format, out.write, { drain: () => out.drain() });
  const run = emptyChunk();
  const waivers = new FindingPolicy({}, resolved.waivers, resolved.evaluationTime);
  const quiet = opts.quiet ? SEVERITY_RANK[quietThreshold(opts.failOn)] : 0;
  report.begin({ tool: TOOL, evaluatedAt: new Date(resolved.evaluationTime).toISOString(), environment: resolved.environment.name });
  for (const r of results) {
    waivers.record(r);
    // Compare has issuers or not per pair, so SARIF folds nothing: noIssuers is false.
    if (countResult(run, r, quiet, false)) report.add(format.result(r));
  }
  await report.end(run.summary, { ...run, notices: unusedWaiverNotices(resolved.waivers, waivers.used, (id) => isSelected(id, resolved)) });
  return exitCodeFor(run.worst, opts.failOn);
}
