// Copies non-TypeScript assets (the report's and the configuration's JSON Schemas) into dist/ after tsc.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const assets = [
  ['src/report/report.schema.json', 'dist/report/report.schema.json'],
  ['src/check/config.schema.json', 'dist/config.schema.json'],
];
for (const [from, to] of assets) {
  if (!existsSync(from)) continue;
  mkdirSync(to.slice(0, to.lastIndexOf('/')), { recursive: true });
  copyFileSync(from, to);
}
