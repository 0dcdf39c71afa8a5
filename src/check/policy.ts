import { formatName } from '../x509/index.js';
import { CONFIG_WAIVER_EXPIRED, CONFIG_WAIVER_UNUSED, matchesAny, sortFindings } from '../lint/index.js';
import type { Finding, Severity } from '../lint/index.js';
import type { CertificateResult } from './result.js';

/**
 * Accepts the findings of one rule (an id or a dotted prefix) on one document until a date. The
 * document is named by its sha256 (a certificate, a CSR, a certificate inside a DUIS request), or
 * a certificate by its serial number and issuer name.
 */
export interface Waiver {
  sha256?: string;
  /** Hex, with or without colons; leading zero octets do not matter. */
  serial?: string;
  /** The issuer name as smki-lint writes it ("OU=07, CN=T1"); case and spacing do not matter. */
  issuer?: string;
  rule: string;
  reason: string;
  /** ISO date (YYYY-MM-DD): the waiver holds until the end of that day, UTC, at the evaluation time. */
  expires: string;
  /** Where the waiver was written ("smki-lint.json waivers[2]"), for messages. */
  label?: string;
}

/** Severity by rule id or dotted prefix; the longest matching entry wins. */
export type SeverityOverrides = Readonly<Record<string, Severity>>;

const DAY = 86_400_000;

/** Lower-case hex without separators or leading zero octets, so 00:A1 and a1 name the same serial. */
export function serialKey(hex: string): string {
  return hex.replace(/[\s:]/g, '').toLowerCase().replace(/^(00)+(?=..)/, '');
}

/** A name written as text, compared without regard to case or spacing. */
export function issuerKey(name: string): string {
  return name.toLowerCase().replace(/\s*([,=+])\s*/g, '$1').replace(/\s+/g, ' ').trim();
}

function label(w: Waiver, i: number): string {
  return w.label ?? `waivers[${i}]`;
}

/**
 * The configuration's say over findings, applied to each result once its findings are complete:
 * severity overrides first, then waivers. It records which waivers matched, so that the run can
 * report the ones that matched nothing (unusedWaiverNotices).
 */
export class FindingPolicy {
  /** Indices of the waivers that matched a finding (expired ones included). */
  readonly used = new Set<number>();
  private readonly overrides: [string, Severity][];
  private readonly applied = new WeakSet<CertificateResult>();
  private readonly waivers: { waiver: Waiver; index: number; sha256?: string; serial?: string; issuer?: string; expired: boolean }[];

  constructor(
    overrides: SeverityOverrides = {},
    waivers: readonly Waiver[] = [],
    evaluationTime: number,
    private readonly selected: (ruleId: string) => boolean = () => true,
  ) {
    // Longest first, so "chain.signature.invalid" wins over "chain".
    this.overrides = Object.entries(overrides).sort((a, b) => b[0].length - a[0].length);
    this.waivers = waivers.map((waiver, index) => ({
      waiver,
      index,
      sha256: waiver.sha256?.toLowerCase(),
      serial: waiver.serial !== undefined ? serialKey(waiver.serial) : undefined,
      issuer: waiver.issuer !== undefined ? issuerKey(waiver.issuer) : undefined,
      expired: evaluationTime >= Date.parse(`${waiver.expires}T00:00:00Z`) + DAY,
    }));
  }

  /** Whether the policy changes anything at all (the hot path skips it otherwise). */
  get empty(): boolean {
    return this.overrides.length === 0 && this.waivers.length === 0;
  }

  /** Applies overrides and waivers to a result's findings, in place; a second call does nothing. */
  apply(result: CertificateResult): void {
    if (this.empty || result.findings.length === 0 || this.applied.has(result)) return;
    this.applied.add(result);
    for (const f of result.findings) {
      const override = this.overrides.find(([p]) => matchesAny(f.ruleId, [p]));
      if (override) f.severity = override[1];
    }
    if (this.waivers.length === 0) return void sortFindings(result.findings);
    const documents = this.waivers.filter((w) => this.sameDocument(w, result));
    const expired: Finding[] = [];
    const reported = new Set<number>();
    for (const f of result.findings) {
      if (f.ruleId.startsWith('config.')) continue;
      const w = documents.find((d) => matchesAny(f.ruleId, [d.waiver.rule]));
      if (!w) continue;
      this.used.add(w.index);
      if (!w.expired) {
        f.waived = { reason: w.waiver.reason, expires: w.waiver.expires };
      } else if (this.selected(CONFIG_WAIVER_EXPIRED.id) && !reported.has(w.index)) {
        reported.add(w.index);
        expired.push({
          ruleId: CONFIG_WAIVER_EXPIRED.id,
          severity: CONFIG_WAIVER_EXPIRED.severity,
          message: `${label(w.waiver, w.index)} for ${w.waiver.rule} expired on ${w.waiver.expires} ("${w.waiver.reason}"), so the findings it matched count again; renew it or fix the finding`,
          path: 'config.waivers',
          citation: CONFIG_WAIVER_EXPIRED.citation,
        });
      }
    }
    result.findings.push(...expired);
    sortFindings(result.findings);
  }

  /**
   * Records the waivers that match a result whose policy was applied elsewhere (its findings are
   * all still there, waived or not), without changing it: for runs that see only the results.
   */
  record(result: CertificateResult): void {
    for (const w of this.waivers) {
      if (!this.used.has(w.index) && this.sameDocument(w, result) && result.findings.some((f) => !f.ruleId.startsWith('config.') && matchesAny(f.ruleId, [w.waiver.rule]))) this.used.add(w.index);
    }
  }

  private sameDocument(w: FindingPolicy['waivers'][number], r: CertificateResult): boolean {
    if (w.sha256 !== undefined) return w.sha256 === r.sha256;
    const cert = r.certificate;
    if (!cert?.serialNumber || !cert.issuer) return false;
    let hex = '';
    for (const b of cert.serialNumber.bytes) hex += b.toString(16).padStart(2, '0');
    return serialKey(hex) === w.serial && issuerKey(formatName(cert.issuer)) === w.issuer;
  }
}

/** The run's config.waiver-unused notices: one for each waiver that no finding of the run matched. */
export function unusedWaiverNotices(waivers: readonly Waiver[], used: ReadonlySet<number>, selected: (ruleId: string) => boolean = () => true): Finding[] {
  if (!selected(CONFIG_WAIVER_UNUSED.id)) return [];
  return waivers.flatMap((w, i) => {
    if (used.has(i)) return [];
    const document = w.sha256 !== undefined ? `sha256 ${w.sha256}` : `serial ${w.serial} issued by ${w.issuer}`;
    return [{ ruleId: CONFIG_WAIVER_UNUSED.id, severity: CONFIG_WAIVER_UNUSED.severity, message: `${label(w, i)} (${w.rule} on ${document}) matched no finding of this run: remove it, or correct the document or rule it names`, path: 'config.waivers', citation: CONFIG_WAIVER_UNUSED.citation }];
  });
}
