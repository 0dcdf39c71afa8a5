import type { CryptoAdapter } from '../crypto/adapter.js';
import { CERTIFICATE_KINDS } from '../smki/index.js';
import type { CertificateKind, Environment, RoleTable } from '../smki/index.js';
import { INTERNAL_RULE_ERROR } from './engine-findings.js';
import { isSelected } from './selection.js';
import type { RuleSelection } from './selection.js';
import { SEVERITY_RANK } from './types.js';
import { DOCUMENT_KINDS } from './types.js';
import type { DocumentKind, Finding, LintTarget, NotEffective, Report, Rule, RuleContext } from './types.js';

export interface LintOptions extends RuleSelection {
  evaluationTime: number;
  environment: Environment;
  roles: RoleTable;
  commonNameRoles: ReadonlySet<string>;
  crypto: CryptoAdapter;
}

export interface LintOutcome {
  findings: Finding[];
  notEffective: NotEffective[];
}

/**
 * Runs the rules that apply to a document and its SMKI kind. Rules are grouped by both once, so
 * each document only walks its own list. A rule that throws becomes an internal finding.
 */
export class Linter {
  private readonly byKind = new Map<DocumentKind, Map<CertificateKind, Rule[]>>();

  constructor(
    readonly rules: readonly Rule[],
    readonly options: LintOptions,
  ) {
    for (const document of DOCUMENT_KINDS) {
      const kinds = new Map<CertificateKind, Rule[]>();
      for (const kind of CERTIFICATE_KINDS) {
        kinds.set(
          kind,
          rules.filter((r) => r.documents.includes(document) && (r.appliesTo === 'all' || r.appliesTo.includes(kind)) && isSelected(r.id, options)),
        );
      }
      this.byKind.set(document, kinds);
    }
  }

  lint(target: LintTarget, phase: 'certificate' | 'chain' | 'all' = 'all'): LintOutcome {
    const findings: Finding[] = [];
    const notEffective: NotEffective[] = [];
    const container = target.document === 'duis-request';
    const malformed = !container && target.doc.problems.length > 0;
    // A CSR's certificate would be issued now, and a DUIS request sent now; a certificate was issued at its notBefore.
    const issued = (target.document === 'certificate' ? target.cert.validity?.notBefore?.ms : undefined) ?? this.options.evaluationTime;
    const when = container ? 'DUIS request checked' : 'certificate issued';
    const paired = target.document === 'certificate' && target.request !== undefined;
    let current: Rule | undefined;
    const ctx: RuleContext = {
      evaluationTime: this.options.evaluationTime,
      environment: this.options.environment,
      roles: this.options.roles,
      commonNameRoles: this.options.commonNameRoles,
      crypto: this.options.crypto,
      report: (r: Report) => {
        const rule = current!;
        const f: Finding = { ruleId: rule.id, severity: rule.severity, message: r.message, path: r.path, citation: rule.documentCitations?.[target.document] ?? rule.citation };
        if (r.offset !== undefined) f.offset = r.offset;
        if (r.line !== undefined) f.line = r.line;
        if (r.column !== undefined) f.column = r.column;
        findings.push(f);
      },
    };
    // A DUIS request has no SMKI kind; its rules apply to every kind.
    for (const rule of this.byKind.get(target.document)!.get(container ? 'unknown' : target.view.kind)!) {
      if (malformed && !rule.onMalformed) continue;
      if (rule.needsRequest && !paired) continue;
      if (phase === 'certificate' && rule.needsChain) continue;
      if (phase === 'chain' && !rule.needsChain) continue;
      const outside = outsideEffective(rule, issued, when);
      if (outside) {
        notEffective.push({ ruleId: rule.id, reason: outside });
        continue;
      }
      current = rule;
      try {
        (rule as Rule<typeof target.document>).check(target, ctx);
      } catch (error) {
        findings.push({
          ruleId: INTERNAL_RULE_ERROR.id,
          severity: INTERNAL_RULE_ERROR.severity,
          message: `rule ${rule.id} failed: ${error instanceof Error ? error.message : String(error)}`,
          path: '',
          citation: INTERNAL_RULE_ERROR.citation,
        });
      }
    }
    return { findings: sortFindings(findings), notEffective };
  }
}

/** Effective dates parsed once per rule; most rules have none. */
const EFFECTIVE = new WeakMap<Rule, { from: number; until: number }>();

function outsideEffective(rule: Rule, issued: number, when: string): string | undefined {
  if (!rule.effective) return undefined;
  let bounds = EFFECTIVE.get(rule);
  if (!bounds) {
    bounds = { from: rule.effective.from ? Date.parse(rule.effective.from) : -Infinity, until: rule.effective.until ? Date.parse(rule.effective.until) : Infinity };
    EFFECTIVE.set(rule, bounds);
  }
  if (issued >= bounds.from && issued < bounds.until) return undefined;
  const day = new Date(issued).toISOString().slice(0, 10);
  return issued < bounds.from ? `${when} ${day}, before the rule took effect on ${rule.effective.from}` : `${when} ${day}, after the rule ceased on ${rule.effective.until}`;
}

/** Worst first, then by byte offset and line (unknown last), then by rule id: a deterministic order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      (a.offset ?? Number.MAX_SAFE_INTEGER) - (b.offset ?? Number.MAX_SAFE_INTEGER) ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
