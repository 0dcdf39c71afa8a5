import type { CertificateResult } from '../check/result.js';
import { decodeSummaryJson } from './decode-json.js';
import { renderDecodeView } from './decode-text.js';
import { resultDecodeView } from './decode-view.js';
import type { OutputFormat } from './format.js';
import type { Style } from './style.js';
import { terminalSafe } from './terminal-safe.js';

export type DecodeFormatName = 'text' | 'json' | 'jsonl';

export const DECODE_FORMAT_NAMES: readonly DecodeFormatName[] = ['text', 'json', 'jsonl'];

/** Formats for `decode`: the full model of each item (or why it is not a certificate or request), streamed like a report. */
export function decodeFormat(name: DecodeFormatName, style: Style): OutputFormat<CertificateResult> {
  switch (name) {
    case 'json':
      return {
        // One array, laid out as JSON.stringify(array, null, 2) would.
        begin: () => '[',
        result: (r) => '\n  ' + JSON.stringify(decodeJson(r), null, 2).replace(/\n/g, '\n  '),
        separator: ',',
        end: (end) => (end.written ? '\n' : '') + ']\n',
      };
    case 'jsonl':
      return { begin: () => '', result: (r) => JSON.stringify(decodeJson(r)) + '\n', separator: '', end: () => '' };
    case 'text':
      return {
        begin: () => '',
        result(r) {
          const heading = `${r.source.path} [${r.source.index}]` + (r.source.element !== undefined ? `  ${r.source.element} (line ${r.source.line})` : '');
          const view = resultDecodeView(r);
          if (!view) return `${style.bold(terminalSafe(heading))}\n  ${style.red('not a certificate or request')}: ${terminalSafe(notDecoded(r))}\n\n`;
          return renderDecodeView(heading, view, style) + '\n';
        },
        separator: '',
        end: () => '',
      };
  }
}

function decodeJson(r: CertificateResult): unknown {
  if (r.duis) return { source: r.source, document: r.document, duis: r.duis };
  return r.view ? decodeSummaryJson(r) : { source: r.source, error: notDecoded(r) };
}

function notDecoded(r: CertificateResult): string {
  return r.findings.map((f) => f.message).join('; ');
}

/**
 * Whether decode reports a problem for this item: it is not a certificate or request, it could
 * not be fully decoded, or its encoding breaks DER (the problems check reports as der.* and
 * decode.malformed). A DUIS request is a container: its certificates are items of their own.
 */
export function decodeFailed(r: CertificateResult): boolean {
  if (r.duis) return false;
  const model = r.certificate ?? r.csr;
  return !model || model.problems.length > 0 || model.violations.length > 0;
}
