import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Defect } from './defect-kit.js';
import { renderDefect } from './defect-kit.js';
import { caDefects } from './defects-ca.js';
import { certificateDefects } from './defects-cert.js';
import { chainDefects } from './defects-chain.js';
import { derDefects } from './defects-der.js';
import { deviceDefects } from './defects-device.js';
import { inputDefects } from './defects-input.js';
import { duisSamples } from './duis.js';
import { organisationDefects } from './defects-org.js';
import { certificateLabelledRequest, renderRequestDefect, requestDefects } from './defects-request.js';
import { MANIFEST, manifestText } from './manifest.js';
import { samplePairs } from './pairs.js';
import { buildValidPki, orgBundle } from './pki.js';
import { mixedBundle, validRequests } from './requests.js';
import type { SampleFile, SamplePair } from './sample-file.js';

/** The generated folders; everything else under test-certs/ (README, generate/) is left alone. */
export const GENERATED_DIRS = ['valid', 'defects', 'bundles', 'requests', 'request-defects', 'pairs', 'duis'] as const;

const DEFECTS: Defect[] = [
  ...organisationDefects,
  ...certificateDefects,
  ...derDefects,
  ...chainDefects,
  ...deviceDefects,
  ...caDefects,
  ...inputDefects,
];

export function samplePkiFiles(): { files: SampleFile[]; pairs: SamplePair[] } {
  const pki = buildValidPki();
  const pairs = samplePairs(pki);
  const files = [
    ...pki.files,
    orgBundle(pki),
    mixedBundle(pki),
    ...DEFECTS.map((d) => renderDefect(d, pki)),
    ...validRequests(),
    ...requestDefects.map((d) => renderRequestDefect(d, pki)),
    certificateLabelledRequest(pki),
    ...pairs.files,
    ...duisSamples(pki),
  ];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.file)) throw new Error(`two samples named ${f.file}`);
    seen.add(f.file);
  }
  return { files, pairs: pairs.pairs };
}

/** Writes the sample PKI and its manifest under outDir, replacing earlier output. */
export function generateSamplePki(outDir: string): SampleFile[] {
  const { files, pairs } = samplePkiFiles();
  for (const dir of GENERATED_DIRS) rmSync(join(outDir, dir), { recursive: true, force: true });
  for (const f of files) {
    const path = join(outDir, f.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  writeFileSync(join(outDir, MANIFEST), manifestText(files, pairs));
  return files;
}

const here = dirname(fileURLToPath(import.meta.url));
export const TEST_CERTS_DIR = resolve(here, '..');

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = generateSamplePki(TEST_CERTS_DIR);
  console.log(`wrote ${files.length} files and ${MANIFEST} under ${TEST_CERTS_DIR}`);
}
