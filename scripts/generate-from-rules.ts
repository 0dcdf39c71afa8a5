// Writes docs/rules.md from the built rule metadata (run `npm run docs`); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { renderRulesMarkdown } from '../dist/report/rules-markdown.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesMarkdown());
console.log('docs/rules.md written');
