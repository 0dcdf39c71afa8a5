import type { CertificateResult } from '../check/result.js';
import type { Finding, RuleMeta, Severity } from '../lint/index.js';
import { CATALOGUE } from '../rules/index.js';
import type { OutputFormat, RunInfo } from './format.js';
import type { Summary } from './summary.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/smki-lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

// ruleIndex lets consumers find the rule's metadata without matching ids.
const RULE_INDEX = new Map(CATALOGUE.map((rule, i) => [rule.id, i]));

function reportingDescriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Citation: ${rule.citation}.` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { citation: rule.citation, source: rule.source, appliesTo: rule.appliesTo, documents: rule.documents },
  };
}

/**
 * SARIF 2.1.0: one run whose results are the findings. A certificate without findings writes
 * nothing, so result() returns its findings without a leading comma and the separator goes only
 * between results that wrote something.
 */
export const SARIF_FORMAT: OutputFormat = {
  begin(run: RunInfo): string {
    const driver = { name: run.tool.name, version: run.tool.version, informationUri: INFORMATION_URI, rules: CATALOGUE.map(reportingDescriptor) };
    const properties = { evaluatedAt: run.evaluatedAt, environment: run.environment };
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
    return result.findings.map((f) => '\n        ' + JSON.stringify(sarifResult(result, f))).join(',');
  },
  separator: ',',
  end(summary: Summary): string {
    // Every finding is one SARIF result, so the summary says whether the array has elements.
    const written = summary.errors + summary.warnings + summary.notices > 0;
    const invocation = { executionSuccessful: true, properties: { summary } };
    return (written ? '\n      ' : '') + '],\n' + `      "invocations": [${JSON.stringify(invocation)}]\n` + '    }\n' + '  ]\n' + '}\n';
  },
};

function sarifResult(r: CertificateResult, f: Finding) {
  const ruleIndex = RULE_INDEX.get(f.ruleId);
  const properties: Record<string, unknown> = { itemIndex: r.source.index, fieldPath: f.path };
  // The byte offset is into the document's DER, which is not the file's bytes when the file is PEM, base64 or hex.
  if (f.offset !== undefined) properties.derOffset = f.offset;
  if (r.source.element !== undefined) properties.element = r.source.element;
  if (r.sha256 !== undefined) properties.sha256 = r.sha256;
  if (r.document !== undefined) properties.document = r.document;
  if (r.kind !== undefined) properties.kind = r.kind;
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.path ? `${f.message} [${f.path}]` : f.message },
    // GitHub code scanning needs a start line: the XML element's for a DUIS request's finding, else the item's own line, or the file's first for binary DER.
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(r.source.path) }, region: region(r, f) } }],
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
