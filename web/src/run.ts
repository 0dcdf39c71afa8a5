// A check as the page runs it, without the page: the inputs, the issuers and the settings in,
// the results and the run's header out, as `smki-lint check` would give them.
import { name, version } from '../../package.json';
import { applyConfig } from '../../src/check/config.js';
import type { CheckConfig } from '../../src/check/config.js';
import { detectEntries, documentEntries, isCertificateEntry, possibleIssuers } from '../../src/check/entries.js';
import type { CertificateResult } from '../../src/check/result.js';
import { signerCertificate } from '../../src/check/signer.js';
import type { RunInfo } from '../../src/report/format.js';
import { Checker } from '../../src/web.js';

/** Bytes to read, under the name results give them (a file's name, or "pasted text"). */
export interface Source {
  name: string;
  bytes: Uint8Array;
}

export interface RunSettings {
  /** Evaluation time: an ISO 8601 date or date-time, read as UTC. */
  at: string;
  environment: string;
  config?: CheckConfig;
  issuers: readonly Source[];
  signer?: Source;
}

export interface Run {
  info: RunInfo;
  results: CertificateResult[];
  /** What was given as issuers but held no certificate, for people. */
  issuerProblems: string[];
}

export const TOOL = { name, version };

/**
 * Checks every source as one run: the named issuers first, then the CA certificates among the
 * inputs; signatures are verified with WebCrypto where the page has it (a secure context: https,
 * localhost or a file), else with the bundled pure-JavaScript crypto, with the same results.
 * Bad settings throw an OptionsError that says what is wrong.
 */
export async function runCheck(sources: readonly Source[], settings: RunSettings): Promise<Run> {
  const signer = settings.signer && signerCertificate(settings.signer.bytes, `the signer (${settings.signer.name})`);
  const checker = new Checker(applyConfig({ at: settings.at, environment: settings.environment, signer }, settings.config));
  const issuerProblems: string[] = [];
  for (const source of settings.issuers) {
    const entries = documentEntries(detectEntries(source.bytes, source.name));
    const certificates = entries.filter(isCertificateEntry);
    for (const e of certificates) checker.addIssuer(e.der, true);
    for (const e of entries) if (e.problem) issuerProblems.push(e.problem.message);
    if (certificates.length === 0 && !entries.some((e) => e.problem)) issuerProblems.push(`${source.name}: holds no certificate`);
  }
  const entries = sources.flatMap((s) => detectEntries(s.bytes, s.name));
  for (const der of possibleIssuers(entries)) checker.addIssuer(der);
  const results = globalThis.crypto?.subtle ? await checker.checkEntriesAsync(entries) : checker.checkEntries(entries);
  const info: RunInfo = { tool: TOOL, evaluatedAt: new Date(checker.options.evaluationTime).toISOString(), environment: checker.options.environment.name, noIssuers: checker.issuers.size === 0 };
  return { info, results, issuerProblems };
}
