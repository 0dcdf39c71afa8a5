import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../src/lint/index.js';
import { ENGINE_FINDINGS } from '../src/lint/index.js';
import { ALL_RULES, CATALOGUE } from '../src/rules/index.js';

const RULES_DIR = join(import.meta.dirname, '..', 'src', 'rules');
/** Folders of src/rules/ that hold shared code, not an area's rules. */
const SHARED_FOLDERS = new Set(['checks']);

interface Area {
  folder: string;
  /** The rules the area's index.ts lists. */
  listed: readonly Rule[];
  /** Each module of the folder (index.ts aside) and what it exports. */
  modules: { file: string; exports: Record<string, unknown> }[];
}

const isRule = (value: unknown): value is Rule => typeof value === 'object' && value !== null && 'id' in value && typeof (value as Rule).check === 'function';

const areas: Area[] = [];

beforeAll(async () => {
  const folders = readdirSync(RULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory() && !SHARED_FOLDERS.has(e.name));
  for (const { name: folder } of folders) {
    const dir = join(RULES_DIR, folder);
    const index = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as Record<string, unknown>;
    const lists = Object.values(index).filter((v): v is readonly Rule[] => Array.isArray(v) && v.every(isRule));
    expect(lists, `${folder}/index.ts exports one list of rules`).toHaveLength(1);
    const modules = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort()) {
      modules.push({ file, exports: (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown> });
    }
    areas.push({ folder, listed: lists[0], modules });
  }
});

describe('rule registry', () => {
  it('has unique rule ids across the rules and the findings the pipeline emits', () => {
    const ids = CATALOGUE.map((r) => r.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('names each area folder after the first segment of the ids it holds', () => {
    for (const area of areas) {
      expect(area.listed.length, `${area.folder}/index.ts lists no rule`).toBeGreaterThan(0);
      for (const rule of area.listed) expect(rule.id.split('.')[0], `${rule.id} is listed in src/rules/${area.folder}/`).toBe(area.folder);
    }
  });

  it("lists every rule file in its area's index", () => {
    for (const area of areas) {
      for (const { file, exports } of area.modules) {
        const rules = Object.values(exports).flatMap((v) => (isRule(v) ? [v] : Array.isArray(v) ? v.filter(isRule) : []));
        for (const rule of rules) expect(area.listed, `src/rules/${area.folder}/${file} defines ${rule.id}, which ${area.folder}/index.ts does not list`).toContain(rule);
      }
    }
  });

  it('keeps one rule per file (the DER violation rules, made from one table, aside)', () => {
    for (const area of areas) {
      for (const { file, exports } of area.modules) {
        const defaults = isRule(exports.default) ? 1 : 0;
        const others = Object.entries(exports).filter(([name, v]) => name !== 'default' && isRule(v)).length;
        expect(defaults + others, `src/rules/${area.folder}/${file}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('runs exactly the rules the areas list, and lists the engine findings under their own ids', () => {
    const listed = areas.flatMap((a) => a.listed);
    expect(new Set(ALL_RULES)).toEqual(new Set(listed));
    expect(ALL_RULES).toHaveLength(listed.length);
    const ruleIds = new Set(ALL_RULES.map((r) => r.id));
    for (const f of ENGINE_FINDINGS) expect(ruleIds.has(f.id), f.id).toBe(false);
  });
});
