// The adversarial section of npm run bench: certificates crafted to make one part of the checker
// work hard (tens of thousands of copies of one structure, megabyte values), each at two sizes, the
// second four times the first. For each rule family it prints the slowest item, its size and time,
// and the growth exponent between the two sizes: about 1 for a linear rule, 2 for a quadratic one.
import { Checker } from '../src/check/checker.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { decodeDocument } from '../src/x509/index.js';
import { buildCertificate } from '../test-certs/generate/certificate.js';
import type { CertParts } from '../test-certs/generate/certificate.js';
import { supplier } from '../test-certs/generate/defect-kit.js';
import { bytes, concat, oid, octetString, printableString, seq, setAsGiven, tlv, utf8String } from '../test-certs/generate/der-writer.js';
import { authorityKeyIdentifier, certificatePolicies, extension, hardwareModuleName, keyUsage, subjectAltName } from '../test-certs/generate/extensions.js';
import { cn, euiAttribute, name, ou, rdn } from '../test-certs/generate/names.js';
import { buildValidPki } from '../test-certs/generate/pki.js';
import type { ValidPki } from '../test-certs/generate/pki.js';
import { caCertificate, device, organisationRequest } from '../test-certs/generate/profiles.js';
import { buildRequest, requestAttribute } from '../test-certs/generate/request.js';

const AT = '2026-06-01T00:00:00Z';
/** The larger item of each kind holds this many times more of its structure than the smaller. */
const GROWTH = 4;

/** Rule families: id prefixes, and the stages every item goes through besides the rules. */
const FAMILIES: [name: string, prefixes: string[]][] = [
  ['der.*, decode.*', ['der', 'decode']],
  ['cert.*', ['cert']],
  ['ee.*', ['ee']],
  ['org.*', ['org']],
  ['device.*', ['device']],
  ['csr.*', ['csr']],
  ['ca.*, ica.*, root.*, device-ca.*', ['ca', 'ica', 'root', 'device-ca']],
  ['kind.*', ['kind']],
  ['chain.* (with issuer resolution)', ['chain']],
];

interface Adversary {
  name: string;
  /** The certificate holding n copies of its structure, and any issuer it needs beside the sample PKI's. */
  build(n: number, pki: ValidPki): Uint8Array | { der: Uint8Array; issuer: Uint8Array };
  /**
   * n for the smaller item: 5,000 copies of a structure (the sample generator builds lists with
   * spread arguments, which bound a list to some tens of thousands), or about 250 KB of one value.
   */
  n: number;
}

const leaf = (pki: ValidPki, edit: (p: CertParts) => void): Uint8Array => {
  const parts = supplier(pki, 'adversary');
  edit(parts);
  return buildCertificate(parts).der;
};

const ADVERSARIES: Adversary[] = [
  { name: 'duplicate keyUsage extensions', n: 5000, build: (n, pki) => leaf(pki, (p) => p.extensions!.push(...Array.from({ length: n }, () => keyUsage(['digitalSignature'])))) },
  { name: 'unknown extensions', n: 5000, build: (n, pki) => leaf(pki, (p) => p.extensions!.push(...Array.from({ length: n }, (_, i) => extension(`x${i}`, `2.999.${i}`, bytes(0x05, 0x00))))) },
  {
    name: 'extensions with DER violations (critical BOOLEAN 0x01)',
    n: 5000,
    build: (n, pki) => leaf(pki, (p) => p.extensions!.push(...Array.from({ length: n }, (_, i) => ({ id: `v${i}`, der: seq(oid(`2.999.${i}`), tlv(0x01, bytes(0x01)), octetString(bytes(0x05, 0x00))) })))),
  },
  { name: 'subject RDNs (OU 02 repeated)', n: 5000, build: (n, pki) => leaf(pki, (p) => void (p.subject = name(...Array.from({ length: n }, () => rdn(ou(utf8String('02'))))))) },
  {
    name: 'one multi-valued RDN, out of DER order',
    n: 5000,
    build: (n, pki) => leaf(pki, (p) => void (p.subject = name(setAsGiven(...Array.from({ length: n }, (_, i) => ou(utf8String(String(n - i).padStart(6, '0')))))))),
  },
  { name: 'x500UniqueIdentifier attributes', n: 5000, build: (n, pki) => leaf(pki, (p) => void (p.subject = name(rdn(ou(utf8String('02'))), ...Array.from({ length: n }, (_, i) => rdn(euiAttribute(Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0, 0, i >> 8, i & 0xff))))))) },
  { name: 'certificate policies', n: 5000, build: (n, pki) => leaf(pki, (p) => replace(p, 'cp', certificatePolicies(Array.from({ length: n }, (_, i) => `1.2.826.0.1.${i}.1`)))) },
  { name: 'one policy OID arc of many octets', n: 240_000, build: (n, pki) => leaf(pki, (p) => replace(p, 'cp', extension('cp', '2.5.29.32', seq(seq(tlv(0x06, concat(bytes(0x2a), new Uint8Array(n).fill(0xff), bytes(0x7f)))))))) },
  { name: 'serial number of many octets', n: 240_000, build: (n, pki) => leaf(pki, (p) => void (p.serial = tlv(0x02, concat(bytes(0x01), new Uint8Array(n).fill(0x5a))))) },
  { name: 'common name of many characters', n: 240_000, build: (n, pki) => leaf(pki, (p) => void (p.subject = name(rdn(cn(utf8String('é'.repeat(n / 2)))), rdn(ou(utf8String('02')))))) },
  { name: 'BMPString common name full of lone surrogates', n: 120_000, build: (n, pki) => leaf(pki, (p) => void (p.subject = name(rdn(cn(tlv(0x1e, new Uint8Array(n * 2).fill(0xd8)))), rdn(ou(utf8String('02')))))) },
  {
    name: 'device subjectAltName entries',
    n: 5000,
    build: (n, pki) => {
      const parts = device({ label: 'adversary device', usage: 'ds', hwSerialNum: bytes(1, 2, 3, 4, 5, 6, 7, 8), issuer: pki.deviceCa });
      replace(parts, 'san', subjectAltName(Array.from({ length: n }, (_, i) => hardwareModuleName(Uint8Array.of(0, 0, 0, 0, 0, 0, i >> 8, i & 0xff)))));
      return buildCertificate(parts).der;
    },
  },
  {
    name: 'CSR with unexpected requested extensions',
    n: 5000,
    build: (n) => {
      const parts = organisationRequest({ label: 'adversary request', role: '02', usage: 'ds', commonName: 'SAMPLESUPPLIER', eui: Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x33, 0, 0, 1) });
      parts.extensions!.push(...Array.from({ length: n }, (_, i) => extension(`r${i}`, `2.999.${i}`, bytes(0x05, 0x00))));
      return buildRequest(parts);
    },
  },
  {
    name: 'CSR with many attributes',
    n: 5000,
    build: (n) => {
      const parts = organisationRequest({ label: 'adversary request', role: '02', usage: 'ds', commonName: 'SAMPLESUPPLIER', eui: Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x33, 0, 0, 2) });
      parts.extraAttributes = Array.from({ length: n }, (_, i) => requestAttribute(`2.999.${i}`, utf8String('x')));
      return buildRequest(parts);
    },
  },
  {
    // The CA's name is PrintableString, the certificate's issuer name UTF8String: equal only after normalising.
    name: 'issuer name of many RDNs, matched after normalising',
    n: 5000,
    build: (n, pki) => {
      const longName = (string: (s: string) => Uint8Array) => name(...Array.from({ length: n }, (_, i) => rdn(cn(string(`N${i}`)))));
      const ca = buildCertificate(caCertificate({ label: `adversary long-name ca ${n}`, subject: longName(printableString), issuer: pki.root, pathLen: 0 }));
      const parts = supplier(pki, 'adversary long issuer');
      parts.issuer = longName(utf8String);
      parts.signer = ca.key;
      replace(parts, 'aki', authorityKeyIdentifier(ca.keyId));
      return { der: buildCertificate(parts).der, issuer: ca.der };
    },
  },
];

function replace(parts: CertParts, id: string, ext: { id: string; der: Uint8Array }): void {
  parts.extensions = parts.extensions!.map((e) => (e.id === id ? ext : e));
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The fastest of seven runs after one to warm up, in milliseconds, each after a full collection
 * when node runs with --expose-gc: the least noisy measure on a busy machine.
 */
function time(body: () => void): number {
  body();
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    gc?.();
    const t = performance.now();
    body();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

interface Timing {
  adversary: string;
  size: number;
  ms: number;
  /** The same kind at 1/GROWTH the size. */
  smallerMs: number;
}

export function adversarialSection(): void {
  const pki = buildValidPki();
  const issuers = [pki.root.der, pki.oca.der, pki.deviceCa.der];
  const items = ADVERSARIES.map((a) => {
    const [small, large] = [a.n, a.n * GROWTH].map((n) => {
      const built = a.build(n, pki);
      if (built instanceof Uint8Array) return built;
      issuers.push(built.issuer);
      return built.der;
    });
    return { adversary: a, small, large };
  });

  const crypto = createNodeCrypto();
  const rows: [string, Timing][] = [];
  const decodeTimings: Timing[] = items.map((i) => ({ adversary: i.adversary.name, size: i.large.length, ms: time(() => decodeDocument(i.large)), smallerMs: time(() => decodeDocument(i.small)) }));
  rows.push(['decoding (DER reader and model)', slowest(decodeTimings)]);
  for (const [family, prefixes] of FAMILIES) {
    const checker = new Checker({ at: AT, crypto, only: prefixes });
    for (const der of issuers) checker.addIssuer(der, true);
    const run = (der: Uint8Array) => {
      const decoded = checker.decodeDer(der, { path: 'adversary', index: 0 });
      return () => checker.lint({ ...decoded, findings: [], notEffective: [] }, prefixes.includes('chain') ? checker.chainFor(decoded, false) : undefined);
    };
    const timings = items.map((i) => ({ adversary: i.adversary.name, size: i.large.length, ms: time(run(i.large)), smallerMs: time(run(i.small)) }));
    rows.push([family, slowest(timings)]);
  }

  console.log(`\nadversarial items: each kind with 5,000 and 20,000 copies of a structure, or a 250 KB and a 1 MB value; the slowest per rule family`);
  const row = (cells: string[]) => console.log(`${cells[0].padEnd(36)}${cells[1].padEnd(58)}${cells[2].padStart(10)}${cells[3].padStart(11)}${cells[4].padStart(10)}`);
  row(['rule family', 'slowest item', 'size', 'time', 'growth']);
  for (const [family, t] of rows) {
    // time ~ size^k between the two sizes: k near 1 is linear, near 2 quadratic. Tiny times are noise.
    const k = Math.log(t.ms / Math.max(t.smallerMs, 0.001)) / Math.log(GROWTH);
    row([family, t.adversary, `${Math.round(t.size / 1024)} KB`, `${t.ms.toFixed(1)} ms`, t.ms < 1 ? '-' : `n^${k.toFixed(1)}`]);
  }
}

function slowest(timings: Timing[]): Timing {
  return timings.reduce((a, b) => (b.ms > a.ms ? b : a));
}
