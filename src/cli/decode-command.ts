import { Checker } from '../check/checker.js';
import { applyConfig } from '../check/config.js';
import { entriesOf, resultEntries } from '../check/entries.js';
import { loadConfig } from './config-file.js';
import { createNodeCrypto } from '../crypto/node.js';
import { decodeFailed, decodeFormat } from '../report/decode-formats.js';
import type { DecodeFormatName } from '../report/decode-formats.js';
import { ReportStream } from '../report/stream.js';
import { COLOUR, PLAIN } from '../report/style.js';
import { addToSummary, emptySummary } from '../report/summary.js';
import type { CertificateKind } from '../smki/index.js';
import { InputReader } from '../input/node.js';
import { listFiles } from './inputs.js';
import type { BufferedOutput } from './output.js';
import { TOOL } from './version.js';

export interface DecodeCommandOptions {
  format: DecodeFormatName;
  kind?: CertificateKind;
  config?: string;
  colour: boolean;
  /** --max-item-size in bytes. */
  maxItemSize: number;
}

/**
 * Runs `decode`: every item of every input, read once and written as it is decoded. Exit 1 when an
 * item is not a certificate or request, cannot be fully decoded, or breaks DER; else 0.
 */
export async function runDecode(inputs: string[], opts: DecodeCommandOptions, out: BufferedOutput): Promise<number> {
  const files = await listFiles(inputs);
  const checker = new Checker(applyConfig({ kind: opts.kind, crypto: createNodeCrypto() }, loadConfig(opts.config)));
  const format = decodeFormat(opts.format, opts.colour ? COLOUR : PLAIN);
  const report = new ReportStream(format, out.write);
  const summary = emptySummary();
  const reader = new InputReader(opts.maxItemSize, files, 1);
  let failed = false;
  report.begin({ tool: TOOL, evaluatedAt: new Date().toISOString(), environment: checker.options.environment.name });
  try {
    for (const file of files) {
      for await (const part of reader.read(file)) {
        // A DUIS request, then each of its certificates.
        for (const entry of resultEntries(entriesOf(part.detected, file.display))) {
          const result = checker.decodeEntry(entry);
          failed ||= decodeFailed(result);
          addToSummary(summary, result);
          report.add(format.result(result));
        }
        await out.drain();
        if (out.stopped) return failed ? 1 : 0;
      }
    }
  } finally {
    reader.close();
  }
  await report.end(summary);
  return failed ? 1 : 0;
}
