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

type Phase = 'certificate' | 'chain' | 'all';
const PHASES: readonly Phase[] = ['certificate', 'chain', 'all'];

/**
 * The rules of one situation, ready to run: their check functions in a list of their own, and the
 * effective dates of the few rules that have them, so the loop over a document reads no rule
 * object (rules have many shapes: every property read on one is a slow, megamorphic load).
 */
interface RuleList {
  rules: readonly Rule[];
  checks: readonly Rule['check'][];
  /** Per rule: its effective bounds, or null when it is always in force. */
  bounds: readonly (EffectiveBounds | null)[];
}

interface EffectiveBounds {
  from: number;
  until: number;
}

/**
 * Runs the rules that apply to a document and its SMKI kind. The rules to run are listed once per
 * document, kind and situation (malformed or not, paired with a request or not, phase), so each
 * document only walks its own list. A rule that throws becomes an internal finding.
 */
export class Linter {
  private readonly byKind = new Map<DocumentKind, Map<CertificateKind, Rule[]>>();
  /** Per document and kind: the lists by situation (see rulesFor), filled as they are first needed. */
  private readonly lists = new Map<DocumentKind, Map<CertificateKind, (RuleList | undefined)[]>>();
  /** The context handed to every rule: one object for the linter's life, pointed at the rule running. */
  private readonly ctx: RuleContext;
  private findings: Finding[] = [];
  private current?: Rule;
  private target?: LintTarget;
  private last?: { document: DocumentKind; kind: CertificateKind; situation: number; list: RuleList };

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
      this.lists.set(document, new Map(CERTIFICATE_KINDS.map((kind) => [kind, []])));
    }
    this.ctx = {
      evaluationTime: options.evaluationTime,
      environment: options.environment,
      roles: options.roles,
      commonNameRoles: options.commonNameRoles,
      crypto: options.crypto,
      report: (r: Report) => {
        const rule = this.current!;
        const f: Finding = { ruleId: rule.id, severity: rule.severity, message: r.message, path: r.path, citation: rule.documentCitations?.[this.target!.document] ?? rule.citation };
        if (r.offset !== undefined) f.offset = r.offset;
        if (r.line !== undefined) f.line = r.line;
        if (r.column !== undefined) f.column = r.column;
        this.findings.push(f);
      },
    };
  }

  lint(target: LintTarget, phase: Phase = 'all'): LintOutcome {
    const findings: Finding[] = [];
    const notEffective: NotEffective[] = [];
    const container = target.document === 'duis-request';
    const malformed = !container && target.doc.problems.length > 0;
    // A CSR's certificate would be issued now, and a DUIS request sent now; a certificate was issued at its notBefore.
    const issued = (target.document === 'certificate' ? target.cert.validity?.notBefore?.ms : undefined) ?? this.options.evaluationTime;
    const paired = target.document === 'certificate' && target.request !== undefined;
    // A DUIS request has no SMKI kind; its rules apply to every kind.
    const kind = container ? 'unknown' : target.view.kind;
    this.findings = findings;
    this.target = target;
    const { rules, checks, bounds } = this.rulesFor(target.document, kind, malformed, paired, phase);
    const ctx = this.ctx;
    for (let i = 0; i < checks.length; i++) {
      const b = bounds[i];
      if (b !== null && (issued < b.from || issued >= b.until)) {
        notEffective.push({ ruleId: rules[i].id, reason: notEffectiveReason(rules[i], b, issued, container ? 'DUIS request checked' : 'certificate issued') });
        continue;
      }
      this.current = rules[i];
      try {
        // With the rule as `this`, as a method call would have it.
        (checks[i] as (this: Rule, target: LintTarget, ctx: RuleContext) => void).call(rules[i], target, ctx);
      } catch (error) {
        findings.push({
          ruleId: INTERNAL_RULE_ERROR.id,
          severity: INTERNAL_RULE_ERROR.severity,
          message: `rule ${rules[i].id} failed: ${error instanceof Error ? error.message : String(error)}`,
          path: '',
          citation: INTERNAL_RULE_ERROR.citation,
        });
      }
    }
    this.current = undefined;
    this.target = undefined;
    // Most documents have no finding, or one: nothing to sort.
    return { findings: findings.length > 1 ? sortFindings(findings) : findings, notEffective };
  }

  /** The rules to run in one situation, in registry order. */
  private rulesFor(document: DocumentKind, kind: CertificateKind, malformed: boolean, paired: boolean, phase: Phase): RuleList {
    const situation = (malformed ? 1 : 0) + (paired ? 2 : 0) + 4 * PHASES.indexOf(phase);
    // A batch is mostly one situation after another: the last list is kept at hand.
    const last = this.last;
    if (last !== undefined && last.document === document && last.kind === kind && last.situation === situation) return last.list;
    const lists = this.lists.get(document)!.get(kind)!;
    const list = (lists[situation] ??= ruleList(
      this.byKind
        .get(document)!
        .get(kind)!
        .filter((rule) => (!malformed || rule.onMalformed) && (!rule.needsRequest || paired) && (phase !== 'certificate' || !rule.needsChain) && (phase !== 'chain' || rule.needsChain)),
    ));
    this.last = { document, kind, situation, list };
    return list;
  }
}

function ruleList(rules: readonly Rule[]): RuleList {
  return {
    rules,
    checks: rules.map((rule) => rule.check),
    bounds: rules.map((rule) => (rule.effective ? { from: rule.effective.from ? Date.parse(rule.effective.from) : -Infinity, until: rule.effective.until ? Date.parse(rule.effective.until) : Infinity } : null)),
  };
}

/** Why a rule out of its effective dates did not run. */
function notEffectiveReason(rule: Rule, bounds: EffectiveBounds, issued: number, when: string): string {
  const day = new Date(issued).toISOString().slice(0, 10);
  return issued < bounds.from ? `${when} ${day}, before the rule took effect on ${rule.effective!.from}` : `${when} ${day}, after the rule ceased on ${rule.effective!.until}`;
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
