import { detectItems } from '../input/index.js';
import type { InputItem } from '../input/index.js';
import { INPUT_INVALID_ENCODING, INPUT_NO_CERTIFICATE, INPUT_NOT_CERTIFICATE, Linter, isSelected, sortFindings } from '../lint/index.js';
import type { ChainInfo, Finding, RuleMeta } from '../lint/index.js';
import { ALL_RULES } from '../rules/index.js';
import { smkiView } from '../smki/index.js';
import { toHex } from '../der/index.js';
import { decodeCertificate } from '../x509/index.js';
import { resolveOptions } from './options.js';
import type { CheckOptions, ResolvedOptions } from './options.js';
import { subjectSummary } from './result.js';
import type { CertificateResult, SourceRef } from './result.js';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);

/** A decoded item waiting to be linted (the chain stage needs every item decoded first). */
export interface DecodedItem {
  result: CertificateResult;
}

/**
 * Checks certificates: one result per input item. Options are resolved and rules grouped once,
 * so a Checker is meant to be reused across a whole batch.
 */
export class Checker {
  readonly options: ResolvedOptions;
  private readonly linter: Linter;

  constructor(options: CheckOptions) {
    this.options = resolveOptions(options);
    this.linter = new Linter(options.rules ?? ALL_RULES, this.options);
  }

  /** Every item found in one source's bytes, decoded but not linted. */
  decodeSource(bytes: Uint8Array, path: string): DecodedItem[] {
    const detected = detectItems(bytes);
    const out: DecodedItem[] = [];
    for (const p of detected.problems) {
      const meta = p.kind === 'no-certificate' ? INPUT_NO_CERTIFICATE : INPUT_INVALID_ENCODING;
      const where = p.line !== undefined ? ` (line ${p.line})` : '';
      out.push({ result: this.inputResult({ path, index: p.index }, meta, `${path}${where}: ${p.message}`) });
    }
    for (const item of detected.items) out.push(this.decodeItem(item, path));
    return out.sort((a, b) => a.result.source.index - b.result.source.index);
  }

  decodeItem(item: InputItem, path: string): DecodedItem {
    const source = { path, index: item.index };
    if (item.label !== undefined && !CERTIFICATE_LABELS.has(item.label)) {
      const r = this.inputResult(source, INPUT_NOT_CERTIFICATE, `${path}: PEM block ${item.index + 1}${item.line ? ` at line ${item.line}` : ''} is labelled '${item.label}', not CERTIFICATE; it was not checked`);
      r.sha256 = toHex(this.options.crypto.sha256(item.der));
      return { result: r };
    }
    return { result: this.decodeDer(item.der, source) };
  }

  decodeDer(der: Uint8Array, source: SourceRef): CertificateResult {
    const cert = decodeCertificate(der);
    const view = smkiView(cert, this.options.roles, this.options.kind);
    return {
      source,
      sha256: toHex(this.options.crypto.sha256(der)),
      kind: view.kind,
      kindReason: view.kindReason,
      subject: subjectSummary(view),
      findings: [],
      notEffective: [],
      certificate: cert,
      view,
    };
  }

  /** Runs the rules on a decoded result (in place) and returns it. */
  lint(result: CertificateResult, chain?: ChainInfo): CertificateResult {
    if (!result.certificate || !result.view) return result;
    const outcome = this.linter.lint({ cert: result.certificate, view: result.view, chain }, chain ? 'all' : 'certificate');
    result.findings = outcome.findings;
    result.notEffective = outcome.notEffective;
    return result;
  }

  /** Decode and lint every item of one source, without chain checks. */
  checkSource(bytes: Uint8Array, path: string): CertificateResult[] {
    return this.decodeSource(bytes, path).map((d) => this.lint(d.result));
  }

  private inputResult(source: SourceRef, meta: RuleMeta, message: string): CertificateResult {
    const findings: Finding[] = isSelected(meta.id, this.options) ? [{ ruleId: meta.id, severity: meta.severity, message, path: 'input', citation: meta.citation }] : [];
    return { source, findings: sortFindings(findings), notEffective: [] };
  }
}
