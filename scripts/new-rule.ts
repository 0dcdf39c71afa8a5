// Scaffolds a rule and its failing sample (run `npm run new-rule -- <id> [options]`):
//   src/rules/<area>/<rest-of-id>.ts   the rule, defined with its metadata and an empty check
//   src/rules/<area>/index.ts          lists it
//   test-certs/generate/defects-*.ts   a sample that expects it (a CSR sample too for --documents csr)
// The golden test fails until the check reports on the sample: write the check, make the sample
// break exactly this rule, then `npm run test-certs && npm run docs`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface NewRule {
  id: string;
  severity: 'error' | 'warning' | 'notice';
  source: 'spec' | 'dcc' | 'seen' | 'adopted';
  documents: ('certificate' | 'csr')[];
  /** SMKI kinds; empty for every SMKI kind. */
  kinds: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
const KINDS = ['organisation', 'device', 'issuing-oca', 'root', 'device-ca'];

/** The defects file each area's certificate samples live in. */
const DEFECT_FILES: Record<string, string> = {
  der: 'defects-der.ts',
  decode: 'defects-der.ts',
  cert: 'defects-cert.ts',
  ee: 'defects-org.ts',
  org: 'defects-org.ts',
  device: 'defects-device.ts',
  ca: 'defects-ca.ts',
  ica: 'defects-ca.ts',
  root: 'defects-ca.ts',
  'device-ca': 'defects-ca.ts',
  kind: 'defects-chain.ts',
  chain: 'defects-chain.ts',
};

/** How a sample of each kind starts: a valid certificate of that kind, and what to import for it. */
const STARTS: Record<string, { build: (cn: string) => string; imports: [string, string][] }> = {
  organisation: { build: () => 'supplier(pki, label)', imports: [['supplier', './defect-kit.js']] },
  device: {
    build: () => "device({ label, usage: 'ds', hwSerialNum: defectEui(label), issuer: pki.deviceCa })",
    imports: [['device', './profiles.js'], ['defectEui', './defect-kit.js']],
  },
  'issuing-oca': { build: (cn) => `issuingOca(label, '${cn}', pki.root)`, imports: [['issuingOca', './profiles.js']] },
  root: { build: (cn) => `rootOca(label, '${cn}')`, imports: [['rootOca', './profiles.js']] },
  'device-ca': { build: (cn) => `deviceCa(label, '${cn}', pki.root)`, imports: [['deviceCa', './profiles.js']] },
};

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Adds `name` to the import from `from` (or a new import line after the last one), unless it is there. */
export function ensureImport(text: string, name: string, from: string): string {
  const existing = new RegExp(`import \\{([^}]*)\\} from '${from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';`).exec(text);
  if (existing) {
    const names = existing[1].split(',').map((n) => n.trim()).filter(Boolean);
    if (names.includes(name)) return text;
    const merged = `import { ${[...names, name].sort((a, b) => a.localeCompare(b)).join(', ')} } from '${from}';`;
    return text.slice(0, existing.index) + merged + text.slice(existing.index + existing[0].length);
  }
  const imports = [...text.matchAll(/^import [^;]*;\n/gm)];
  const at = imports.length > 0 ? imports[imports.length - 1].index! + imports[imports.length - 1][0].length : 0;
  return `${text.slice(0, at)}import { ${name} } from '${from}';\n${text.slice(at)}`;
}

/** Inserts `entry` as the last element of the exported array `name` (one element per line, or all on one). */
export function appendToArray(text: string, name: string, entry: string): string {
  const start = text.search(new RegExp(`export const ${name}[^=]*= \\[`));
  if (start < 0) throw new Error(`no exported array ${name}`);
  const close = text.indexOf('];', start);
  const body = text.slice(text.indexOf('[', start) + 1, close);
  if (body.includes('\n')) return `${text.slice(0, close)}${entry.replace(/^/gm, '  ')},\n${text.slice(close)}`;
  const items = body.trim() ? `${body.trim()}, ${entry}` : entry;
  return `${text.slice(0, text.indexOf('[', start) + 1)}${items}${text.slice(close)}`;
}

function ruleSource(rule: NewRule): string {
  const allKinds = rule.kinds.length === 0;
  const lines = [
    "import { defineRule } from '../../lint/index.js';",
    ...(allKinds ? ["import { SMKI_KINDS } from '../../smki/index.js';"] : []),
    '',
    'export default defineRule({',
    `  id: '${rule.id}',`,
    `  severity: '${rule.severity}',`,
    ...(rule.documents.length === 1 && rule.documents[0] === 'certificate' ? [] : [`  documents: [${rule.documents.map((d) => `'${d}'`).join(', ')}],`]),
    `  appliesTo: ${allKinds ? 'SMKI_KINDS' : `[${rule.kinds.map((k) => `'${k}'`).join(', ')}]`},`,
    "  // The text and clause the rule rests on; an error needs a MUST of a text the project has read.",
    "  citation: '',",
    '  // The defect as found (not the requirement): SARIF and docs/rules.md show it.',
    "  description: '',",
    `  source: '${rule.source}',`,
    '  check({ doc, document }, ctx) {',
    '    // Report what was found and what was expected, at the field and offset of the defect, e.g.',
    "    // ctx.report({ path: pathsOf(document).subject, offset: doc.subject?.offset, message: '...' });",
    '  },',
    '});',
    '',
  ];
  return lines.join('\n');
}

/** The sample entry for a defects file, and the imports it needs. */
function certificateSample(rule: NewRule, name: string): { entry: string; imports: [string, string][] } {
  const kind = rule.kinds[0] ?? 'organisation';
  const start = STARTS[kind];
  const cn = name.replace(/[^a-z0-9]/gi, '').slice(-8).toUpperCase();
  return {
    entry: [
      '{',
      `  name: '${name}',`,
      `  kind: '${kind}',`,
      "  description: 'What is wrong with this sample, and nothing else.',",
      '  // The path and offset of its finding, located in the bytes the sample writes.',
      `  expect: [finding('${rule.id}', CERT.subject, at.field('subject'))],`,
      '  // A valid certificate of the kind: change one field so that it breaks this rule.',
      `  build: (pki, label) => ${start.build(cn)},`,
      '}',
    ].join('\n'),
    imports: [...start.imports, ['CERT', './expect-kit.js'], ['finding', './expect-kit.js'], ['at', './locations.js']],
  };
}

function requestSample(rule: NewRule, name: string): { entry: string; imports: [string, string][] } {
  const device = rule.kinds[0] === 'device';
  return {
    entry: [
      '{',
      `  name: '${name}',`,
      `  kind: '${device ? 'device' : 'organisation'}',`,
      "  description: 'What is wrong with this request, and nothing else.',",
      `  expect: [finding('${rule.id}', CSR.subject, at.field('subject'))],`,
      `  build: ${device ? 'deviceWith((p) => p)' : 'supplierWith((p) => p)'},`,
      '}',
    ].join('\n'),
    imports: [['CSR', './expect-kit.js'], ['finding', './expect-kit.js'], ['at', './locations.js']],
  };
}

function addSample(file: string, array: string, sample: { entry: string; imports: [string, string][] }): void {
  let text = readFileSync(file, 'utf8');
  for (const [name, from] of sample.imports) text = ensureImport(text, name, from);
  writeFileSync(file, appendToArray(text, array, sample.entry));
}

/** Writes the rule, lists it, and adds its failing samples under `root` (the repository). Returns the files touched. */
export function scaffoldRule(root: string, rule: NewRule): string[] {
  if (!ID.test(rule.id)) throw new Error(`'${rule.id}' is not a rule id: namespaced lower-case words, e.g. org.subject.thing`);
  for (const k of rule.kinds) if (!KINDS.includes(k)) throw new Error(`unknown kind '${k}': one of ${KINDS.join(', ')}`);
  if (rule.severity === 'error' && rule.source !== 'spec') throw new Error('an error is a MUST of a text the project has read (source spec); a seen or adopted rule is a warning');
  const [area, ...rest] = rule.id.split('.');
  const dir = join(root, 'src', 'rules', area);
  const index = join(dir, 'index.ts');
  if (!existsSync(index)) throw new Error(`no area ${area}: src/rules/${area}/index.ts does not exist (a new area also needs its place in src/rules/index.ts and docs)`);
  const ruleFile = join(dir, `${rest.join('-')}.ts`);
  if (existsSync(ruleFile)) throw new Error(`${ruleFile} exists`);
  if (readFileSync(index, 'utf8').includes(`'./${rest.join('-')}.js'`)) throw new Error(`${index} already lists ${rest.join('-')}`);

  writeFileSync(ruleFile, ruleSource(rule));
  const variable = camel(rest.join('-'));
  const indexText = readFileSync(index, 'utf8');
  const lists = [...indexText.matchAll(/export const (\w+)[^=]*= \[/g)];
  if (lists.length !== 1) throw new Error(`${index} exports ${lists.length} rule lists; expected one`);
  const withImport = indexText.replace(/((?:^import [^\n]*\n)+)/m, `$1import ${variable} from './${rest.join('-')}.js';\n`);
  writeFileSync(index, appendToArray(withImport, lists[0][1], variable));

  const touched = [ruleFile, index];
  const generate = join(root, 'test-certs', 'generate');
  const stem = rule.id.replace(/\./g, '-');
  if (rule.documents.includes('certificate')) {
    const file = DEFECT_FILES[area];
    if (!file) throw new Error(`no certificate samples for area ${area}: add the sample by hand`);
    const array = readFileSync(join(generate, file), 'utf8').match(/export const (\w+): Defect\[\]/)![1];
    addSample(join(generate, file), array, certificateSample(rule, stem));
    touched.push(join(generate, file));
  }
  if (rule.documents.includes('csr')) {
    addSample(join(generate, 'defects-request.ts'), 'requestDefects', requestSample(rule, `csr-${stem}`));
    touched.push(join(generate, 'defects-request.ts'));
  }
  return touched;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      severity: { type: 'string', default: 'error' },
      source: { type: 'string', default: 'spec' },
      documents: { type: 'string', default: 'certificate' },
      'applies-to': { type: 'string', default: '' },
      root: { type: 'string', default: '.' },
    },
  });
  if (positionals.length !== 1) {
    console.error('usage: npm run new-rule -- <id> [--severity error|warning|notice] [--source spec|dcc|seen|adopted] [--documents certificate,csr] [--applies-to organisation,device,...]');
    process.exit(2);
  }
  const rule: NewRule = {
    id: positionals[0],
    severity: values.severity as NewRule['severity'],
    source: values.source as NewRule['source'],
    documents: values.documents!.split(',').filter(Boolean) as NewRule['documents'],
    kinds: values['applies-to']!.split(',').filter(Boolean),
  };
  try {
    for (const file of scaffoldRule(resolve(values.root!), rule)) console.log(`wrote ${file}`);
  } catch (error) {
    console.error(`new-rule: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(
    [
      '',
      'Next: write the check and its citation and description; make the sample break exactly this rule,',
      'with the path and offset of its finding; then npm run test-certs && npm run docs, and npm test.',
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
