import 'reflect-metadata';
import { X509Certificate as PeculiarCertificate } from '@peculiar/x509';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_DIRS, TEST_CERTS_DIR, generateSamplePki } from '../test-certs/generate/index.js';
import { MANIFEST } from '../test-certs/generate/manifest.js';

interface ManifestEntry {
  file: string;
  kind: string;
  description: string;
  expect: string[];
  items?: number;
}

const KINDS = ['organisation', 'device', 'issuing-oca', 'root', 'device-ca', 'unknown'];
const RULE_ID = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Every generated file under dir, as paths relative to it (manifest included). */
function generatedFiles(dir: string): string[] {
  const files = [MANIFEST];
  for (const sub of GENERATED_DIRS) {
    if (!existsSync(join(dir, sub))) continue;
    for (const entry of readdirSync(join(dir, sub), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(relative(dir, join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

const pemBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----\n[\s\S]*?-----END CERTIFICATE-----\n/g) ?? [];

const manifest = JSON.parse(readFileSync(join(TEST_CERTS_DIR, MANIFEST), 'utf8')) as {
  evaluationTime: string;
  environment: string;
  files: ManifestEntry[];
};

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('sample PKI generator', () => {
  it('regenerates the committed files byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'smki-test-certs-'));
    scratch.push(out);
    generateSamplePki(out);
    const committed = generatedFiles(TEST_CERTS_DIR);
    expect(generatedFiles(out)).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(TEST_CERTS_DIR, file))), file).toBe(true);
    }
  });
});

describe('valid sample certificates', () => {
  const validPems = readdirSync(join(TEST_CERTS_DIR, 'valid')).map((name) => ({
    name: `valid/${name}`,
    pem: readFileSync(join(TEST_CERTS_DIR, 'valid', name), 'utf8'),
  }));
  const bundlePems = pemBlocks(readFileSync(join(TEST_CERTS_DIR, 'bundles/orgs.pem'), 'utf8')).map((pem, i) => ({ name: `bundles/orgs.pem #${i + 1}`, pem }));
  const all = [...validPems, ...bundlePems];
  const issuers = validPems.map((v) => new X509Certificate(v.pem));

  it.each(all)('$name parses and verifies under its issuer', ({ pem }) => {
    expect(pemBlocks(pem).length).toBe(1);
    expect(() => new PeculiarCertificate(pem)).not.toThrow();
    const cert = new X509Certificate(pem);
    const candidates = issuers.filter((issuer) => cert.checkIssued(issuer));
    expect(candidates.length).toBe(1);
    expect(cert.verify(candidates[0].publicKey)).toBe(true);
  });

  it('the bundle holds as many certificates as the manifest says', () => {
    const entry = manifest.files.find((f) => f.file === 'bundles/orgs.pem');
    expect(entry?.items).toBe(bundlePems.length);
  });
});

describe('manifest', () => {
  it('states the evaluation context', () => {
    expect(manifest.evaluationTime).toBe('2026-06-01T00:00:00Z');
    expect(manifest.environment).toBe('test');
  });

  it('lists every sample file exactly once, and only existing files', () => {
    const listed = manifest.files.map((f) => f.file);
    expect(new Set(listed).size).toBe(listed.length);
    for (const file of listed) expect(existsSync(join(TEST_CERTS_DIR, file)), file).toBe(true);
    const onDisk = generatedFiles(TEST_CERTS_DIR).filter((f) => f !== MANIFEST);
    expect([...listed].sort()).toEqual(onDisk);
  });

  it('gives every entry a kind, a description and well-formed rule ids', () => {
    for (const entry of manifest.files) {
      expect(KINDS, entry.file).toContain(entry.kind);
      expect(entry.description.length, entry.file).toBeGreaterThan(10);
      expect(new Set(entry.expect).size, entry.file).toBe(entry.expect.length);
      for (const id of entry.expect) expect(id, entry.file).toMatch(RULE_ID);
    }
  });

  it('expects nothing of the valid certificates but the Device CA notice', () => {
    for (const entry of manifest.files.filter((f) => f.file.startsWith('valid/') || f.file.startsWith('bundles/'))) {
      expect(entry.expect, entry.file).toEqual(entry.kind === 'device-ca' ? ['device-ca.profile-unavailable'] : []);
    }
  });

  it('expects at least one finding of every defect sample', () => {
    for (const entry of manifest.files.filter((f) => f.file.startsWith('defects/'))) {
      expect(entry.expect.length, entry.file).toBeGreaterThan(0);
    }
  });
});
