import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';
import type { CertificateResult } from '../check/result.js';
import { SEVERITY_RANK } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { osReason } from '../input/os-error.js';
import { UsageError } from '../input/node.js';
import { CONFIG_SCHEMA_REF } from './init-command.js';

/** One waiver of a baseline, before a person has said why and until when. */
export interface BaselineEntry {
  sha256: string;
  rule: string;
  /** Which item it was found in, for the person filling in the reason. */
  comment: string;
}

/** The baseline entries of one result: each rule with a finding that reaches the threshold, once per document. */
export function baselineEntries(r: CertificateResult, threshold: Severity): BaselineEntry[] {
  if (r.sha256 === undefined) return [];
  const rules = new Set<string>();
  for (const f of r.findings) if (!f.waived && !f.ruleId.startsWith('config.') && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) rules.add(f.ruleId);
  const what = [r.document, r.kind, r.subject?.commonName !== undefined ? `CN '${r.subject.commonName}'` : undefined].filter(Boolean).join(' ');
  return [...rules].map((rule) => ({ sha256: r.sha256!, rule, comment: `${r.source.path} [${r.source.index}] ${what}` }));
}

/**
 * `check --write-baseline FILE`: a configuration whose waivers accept every finding the run failed
 * on, with reason and expires left empty: the configuration is refused until a person fills them.
 */
export class Baseline {
  private readonly entries = new Map<string, BaselineEntry>();

  add(entries: readonly BaselineEntry[]): void {
    for (const e of entries) {
      const key = `${e.sha256} ${e.rule}`;
      if (!this.entries.has(key)) this.entries.set(key, e);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the file atomically (a temporary beside it, then a rename). */
  write(path: string): void {
    const waivers = [...this.entries.values()].map((e) => ({ sha256: e.sha256, rule: e.rule, reason: '', expires: '', comment: e.comment }));
    const text = JSON.stringify({ $schema: CONFIG_SCHEMA_REF, waivers }, null, 2) + '\n';
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      writeFileSync(temp, text, { flag: 'wx' });
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw new UsageError(`cannot write --write-baseline '${path}': ${osReason(error)}`);
    }
  }
}
