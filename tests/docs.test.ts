import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/rules/index.js';
import { RULES_DOC_URL } from '../src/report/rule-help.js';
import { renderRulesMarkdown } from '../src/report/rules-markdown.js';

describe('docs/rules.md', () => {
  it('is the catalogue as generated from rule metadata (run npm run docs after changing a rule)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'docs', 'rules.md'), 'utf8');
    expect(committed).toBe(renderRulesMarkdown());
  });

  it('lists every rule id once, at an anchor of its own', () => {
    const text = renderRulesMarkdown();
    for (const r of CATALOGUE) expect(text.split(`| <a id="${r.id}"></a>\`${r.id}\` |`).length - 1, r.id).toBe(1);
    expect(text.split('<a id="').length - 1).toBe(CATALOGUE.length);
  });

  it('is where SARIF help links point: docs/rules.md at the homepage in package.json', () => {
    const { homepage } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { homepage: string };
    expect(RULES_DOC_URL).toBe(`${homepage.replace(/#readme$/, '')}/blob/main/docs/rules.md`);
  });

  it('refuses a rule outside every documented area', () => {
    expect(() => renderRulesMarkdown([{ id: 'misc.thing', severity: 'notice', appliesTo: 'all', documents: ['certificate'], citation: 'c', description: 'd', source: 'adopted' }])).toThrow('misc.thing');
  });

  it('has unique rule ids in the catalogue', () => {
    const ids = CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
