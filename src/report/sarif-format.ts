import type { CertificateResult } from '../check/result.js';
import type { Finding, RuleMeta, Severity } from '../lint/index.js';
import { CATALOGUE } from '../rules/index.js';
import type { OutputFormat, RunEnd, RunInfo } from './format.js';
import { ruleHelp, ruleHelpUri } from './rule-help.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/smki-lint';
/**
 * The partialFingerprints key. Its value is the file, the document's sha256, the rule and the field
 * path: an alert follows its document within the file across runs, wherever in the file it moves
 * and whatever else changes around it, and copies of one document in two files are two alerts.
 */
export const FINGERPRINT_KEY = 'smkiLintFinding/v1';
const NOT_CHECKED = 'chain.not-checked';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

// ruleIndex lets consumers find the rule's metadata without matching ids.
const RULE_INDEX = new Map(CATALOGUE.map((rule, i) => [rule.id, i]));

function reportingDescriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Citation: ${rule.citation}.` },
    help: ruleHelp(rule),
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { citation: rule.citation, source: rule.source, appliesTo: rule.appliesTo, documents: rule.documents },
  };
}

/**
 * SARIF 2.1.0: one run whose results are the findings. A certificate without findings writes
 * nothing, so result() returns its findings without a leading comma and the separator goes only
 * between results that wrote something. In a run with no issuer at all, every certificate's
 * chain.not-checked notice says the same thing: it is left out of the results and given once,
 * as a notification of the run's invocation.
 */
export function sarifFormat(run: Pick<RunInfo, 'noIssuers'> = {}): OutputFormat {
  const folded = (f: Finding) => run.noIssuers === true && f.ruleId === NOT_CHECKED && f.severity === 'notice';
  return {
    begin(info: RunInfo): string {
      const driver = { name: info.tool.name, version: info.tool.version, informationUri: INFORMATION_URI, rules: CATALOGUE.map(reportingDescriptor) };
      const properties = { evaluatedAt: info.evaluatedAt, environment: info.environment };
      return (
        '{\n' +
        `  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n` +
        '  "version": "2.1.0",\n' +
        '  "runs": [\n' +
        '    {\n' +
        `      "tool": ${indent(JSON.stringify({ driver }, null, 2), '      ')},\n` +
        `      "properties": ${JSON.stringify(properties)},\n` +
        '      "results": ['
      );
    },
    result(result: CertificateResult): string {
      const seen = new Map<string, number>();
      let out = '';
      for (const f of result.findings) {
        if (folded(f)) continue;
        out += (out ? ',' : '') + '\n        ' + JSON.stringify(sarifResult(result, f, seen));
      }
      return out;
    },
    separator: ',',
    end(end: RunEnd): string {
      const invocation: Record<string, unknown> = { executionSuccessful: true };
      if (end.notChecked > 0) {
        const text = `No issuer certificates were available, so the signature, issuer name, authorityKeyIdentifier, validity and policies of ${end.notChecked} certificate${end.notChecked === 1 ? ' were' : 's were'} not checked against an issuer; pass --issuer <file|dir> or include the CA certificates in the run.`;
        invocation.toolExecutionNotifications = [notification(NOT_CHECKED, 'note', text)];
      }
      if (end.notices.length > 0) invocation.toolConfigurationNotifications = end.notices.map((f) => notification(f.ruleId, LEVEL[f.severity], f.message));
      invocation.properties = { summary: end.summary };
      return (end.written ? '\n      ' : '') + '],\n' + `      "invocations": [${JSON.stringify(invocation)}]\n` + '    }\n' + '  ]\n' + '}\n';
    },
  };
}

/** The format of a run with issuers (nothing folded). */
export const SARIF_FORMAT: OutputFormat = sarifFormat();

function notification(ruleId: string, level: string, text: string) {
  const index = RULE_INDEX.get(ruleId);
  return { associatedRule: { id: ruleId, ...(index !== undefined ? { index } : {}) }, level, message: { text } };
}

function sarifResult(r: CertificateResult, f: Finding, seen: Map<string, number>) {
  const ruleIndex = RULE_INDEX.get(f.ruleId);
  const properties: Record<string, unknown> = { itemIndex: r.source.index, fieldPath: f.path };
  // The byte offset is into the document's DER, which is not the file's bytes when the file is PEM, base64 or hex.
  if (f.offset !== undefined) properties.derOffset = f.offset;
  if (r.source.element !== undefined) properties.element = r.source.element;
  if (r.sha256 !== undefined) properties.sha256 = r.sha256;
  if (r.document !== undefined) properties.document = r.document;
  if (r.kind !== undefined) properties.kind = r.kind;
  const uri = artifactUri(r.source.path);
  // A document is named by its content; bytes that are no document, by their place in the file.
  let fingerprint = `${uri}:${r.sha256 ?? `#${r.source.index}`}:${f.ruleId}:${f.path}`;
  const repeat = seen.get(fingerprint) ?? 0;
  seen.set(fingerprint, repeat + 1);
  if (repeat > 0) fingerprint += `:${repeat}`;
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.path ? `${f.message} [${f.path}]` : f.message },
    // GitHub code scanning needs a start line: the XML element's for a DUIS request's finding, else the item's own line, or the file's first for binary DER.
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(r, f) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(f.waived ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.waived.reason} (waived until ${f.waived.expires})` }] } : {}),
    properties,
  };
}

function region(r: CertificateResult, f: Finding): { startLine: number; startColumn?: number } {
  if (f.line !== undefined) return f.column !== undefined ? { startLine: f.line, startColumn: f.column } : { startLine: f.line };
  return { startLine: r.source.line ?? 1 };
}

function indent(json: string, pad: string): string {
  return json.replace(/\n/g, '\n' + pad);
}

/** A path as a URI reference: relative paths stay relative (so consumers resolve them against the checkout), absolute ones become file: URIs. */
export function artifactUri(path: string): string {
  if (path === '-') return 'stdin';
  const slashed = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed)) return 'file:///' + slashed.slice(0, 2) + encodePath(slashed.slice(2));
  // A UNC path \\server\share\... names its host.
  if (slashed.startsWith('//')) return 'file://' + encodePath(slashed.slice(2));
  if (slashed.startsWith('/')) return 'file://' + encodePath(slashed);
  // A colon in the first segment of a relative reference would read as a scheme.
  return encodePath(slashed).replace(/:/g, '%3A');
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(24|26|2B|2C|3B|3D|40|3A)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    .join('/');
}
