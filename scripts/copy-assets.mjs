// Copies non-TypeScript assets (the report JSON Schema) into dist/ after tsc.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const assets = [['src/report/report.schema.json', 'dist/report/report.schema.json']];
for (const [from, to] of assets) {
  if (!existsSync(from)) continue;
  mkdirSync(to.slice(0, to.lastIndexOf('/')), { recursive: true });
  copyFileSync(from, to);
}
