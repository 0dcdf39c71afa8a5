// Writes the files generated from rule metadata (run `npm run docs`): docs/rules.md, and the
// RuleId types in src/rules/rule-id.ts. Tests keep both current.
import { writeFileSync } from 'node:fs';
import { renderRuleIdSource } from '../src/report/rule-id-source.js';
import { renderRulesMarkdown } from '../src/report/rules-markdown.js';

for (const [file, text] of [
  ['docs/rules.md', renderRulesMarkdown()],
  ['src/rules/rule-id.ts', renderRuleIdSource()],
]) {
  writeFileSync(new URL(`../${file}`, import.meta.url), text);
  console.log(`${file} written`);
}
