import { Checker } from '../check/checker.js';
import { applyConfig } from '../check/config.js';
import { loadConfig } from './config-file.js';
import { createNodeCrypto } from '../crypto/node.js';
import { readFiles } from '../input/node.js';
import { decodeSummaryJson } from '../report/decode-json.js';
import { renderCertificate, renderDuisRequest, renderRequest } from '../report/decode-text.js';
import type { Write } from './output.js';
import { COLOUR, PLAIN } from '../report/style.js';
import type { CertificateKind } from '../smki/index.js';
import { listFiles } from './inputs.js';

export interface DecodeCommandOptions {
  format: 'text' | 'json';
  kind?: CertificateKind;
  config?: string;
  colour: boolean;
}

/** Runs `decode`; exit 1 when an item could not be read as a certificate or request. */
export async function runDecode(inputs: string[], opts: DecodeCommandOptions, write: Write): Promise<number> {
  const files = await listFiles(inputs);
  const checker = new Checker(applyConfig({ kind: opts.kind, crypto: createNodeCrypto() }, loadConfig(opts.config)));
  const style = opts.colour ? COLOUR : PLAIN;
  let failed = false;
  const json: unknown[] = [];
  for await (const source of readFiles(files)) {
    for (const result of checker.decodeSource(source.bytes, source.path)) {
      const heading = `${result.source.path} [${result.source.index}]` + (result.source.element ? `  ${result.source.element} (line ${result.source.line})` : '');
      if (result.duis) {
        if (opts.format === 'json') json.push({ source: result.source, document: result.document, duis: result.duis });
        else write(renderDuisRequest(heading, result.duis, style) + '\n');
        continue;
      }
      const model = result.certificate ?? result.csr;
      if (!model || !result.view) {
        failed = true;
        const why = result.findings.map((f) => f.message).join('; ');
        if (opts.format === 'json') json.push({ source: result.source, error: why });
        else write(`${style.bold(heading)}\n  ${style.red('not a certificate or request')}: ${why}\n\n`);
        continue;
      }
      if (model.problems.length > 0) failed = true;
      if (opts.format === 'json') json.push(decodeSummaryJson(result));
      else if (result.csr) write(renderRequest(heading, result.csr, result.view, result.sha256 ?? '', style) + '\n');
      else write(renderCertificate(heading, result.certificate!, result.view, result.sha256 ?? '', style) + '\n');
    }
  }
  if (opts.format === 'json') write(JSON.stringify(json, null, 2) + '\n');
  return failed ? 1 : 0;
}
