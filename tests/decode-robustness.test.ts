import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDer } from '../src/der/index.js';
import type { DerNode, DerParseResult } from '../src/der/index.js';
import { decodeCertificate } from '../src/x509/index.js';
import type { Certificate } from '../src/x509/index.js';
import { bool, cat, ctx, hex, int, nul, octets, oid, printable, seq, set, tlv, utf8 } from './helpers/der-builder.js';

const webcrypto = globalThis.crypto;
x509.cryptoProvider.set(webcrypto as never);

const RUNS = 300;
/** Generous bound for one decode of a few-KiB input; catches runaway loops, not slowness. */
const MAX_MS = 1000;

let certs: Uint8Array[] = [];

beforeAll(async () => {
  const ec = { name: 'ECDSA', namedCurve: 'P-256' };
  const alg = { name: 'ECDSA', hash: 'SHA-256' };
  const ca = (await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify'])) as { publicKey: never; privateKey: never };
  const leaf = (await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify'])) as { publicKey: never; privateKey: never };
  const san = seq(tlv(0xa0, oid('1.3.6.1.5.5.7.8.4'), ctx(0, seq(oid('1.2.826.0.1.8641679.1.2.2.1'), octets(hex('0011223344556677'))))));
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01020304',
    name: [{ CN: [{ utf8String: 'Root CA' }] }, { OU: [{ printableString: '07' }] }] as never,
    notBefore: new Date(Date.UTC(2024, 0, 1)),
    notAfter: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    keys: ca,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(ca.publicKey),
      new x509.CertificatePolicyExtension(['1.2.826.0.1.8641679.1.2.1.1'], true),
    ],
  });
  const device = await x509.X509CertificateGenerator.create({
    serialNumber: '7f0102030405060708090a0b0c0d0e0f10111213',
    issuer: root.subject,
    subject: [{ '2.5.4.45': ['#03090000112233445566' + '77'] }] as never,
    notBefore: new Date(Date.UTC(2024, 5, 1)),
    notAfter: new Date(Date.UTC(2049, 11, 31, 23, 59, 59)),
    publicKey: leaf.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
      new x509.CertificatePolicyExtension(['1.2.826.0.1.8641679.1.2.1.3'], true),
      new x509.Extension('2.5.29.17', true, san),
    ],
  });
  const org = await x509.X509CertificateGenerator.create({
    serialNumber: '00ff',
    issuer: root.subject,
    subject: [{ CN: [{ utf8String: 'Organisation é' }] }, { OU: [{ printableString: 'A1' }] }, { E: [{ ia5String: 'x@y.z' }] }] as never,
    notBefore: new Date(Date.UTC(2025, 0, 1)),
    notAfter: new Date(Date.UTC(2060, 0, 1)),
    publicKey: leaf.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyAgreement, true),
      await x509.SubjectKeyIdentifierExtension.create(leaf.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1'], false),
    ],
  });
  certs = [root, device, org].map((c) => new Uint8Array(c.rawData));
  // A sanity check so the properties start from valid certificates.
  for (const der of certs) {
    const c = decodeCertificate(der);
    expect(c.violations).toEqual([]);
    expect(c.problems).toEqual([]);
  }
});

/** Every node lies inside its parent and inside [0, length]. */
function checkTree(result: DerParseResult, length: number): void {
  const stack: Array<{ node: DerNode; lo: number; hi: number }> = [];
  if (result.root) stack.push({ node: result.root, lo: 0, hi: length });
  let count = 0;
  while (stack.length > 0) {
    const { node, lo, hi } = stack.pop()!;
    count++;
    if (!(node.offset >= lo && node.valueOffset <= node.end && node.end <= hi)) {
      throw new Error(`node at ${node.offset} (value ${node.valueOffset}, end ${node.end}) outside [${lo}, ${hi}]`);
    }
    let prevEnd = node.valueOffset;
    for (const k of node.children ?? []) {
      if (k.offset < prevEnd) throw new Error(`child at ${k.offset} overlaps its predecessor ending at ${prevEnd}`);
      prevEnd = k.end;
      stack.push({ node: k, lo: node.valueOffset, hi: node.end });
    }
  }
  if (count > length + 1) throw new Error(`more nodes (${count}) than bytes (${length})`);
}

function checkParse(bytes: Uint8Array): void {
  const t0 = performance.now();
  const r = parseDer(bytes);
  const ms = performance.now() - t0;
  if (ms > MAX_MS) throw new Error(`parseDer took ${ms} ms on ${bytes.length} bytes`);
  for (const v of r.violations) {
    if (!(Number.isInteger(v.offset) && v.offset >= 0 && v.offset <= bytes.length)) throw new Error(`violation ${v.kind} offset ${v.offset} outside [0, ${bytes.length}]`);
  }
  if (r.violations.some((v) => v.kind === 'truncated') && !r.incomplete) throw new Error('truncated but not incomplete');
  checkTree(r, bytes.length);
}

function checkCertificate(bytes: Uint8Array): Certificate {
  const t0 = performance.now();
  const c = decodeCertificate(bytes);
  const ms = performance.now() - t0;
  if (ms > MAX_MS) throw new Error(`decodeCertificate took ${ms} ms on ${bytes.length} bytes`);
  const n = bytes.length;
  for (const v of c.violations) {
    if (!(Number.isInteger(v.offset) && v.offset >= 0 && v.offset <= n)) throw new Error(`violation ${v.kind} offset ${v.offset} outside [0, ${n}]`);
  }
  for (const p of c.problems) {
    if (!(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= n)) throw new Error(`problem ${p.path} offset ${p.offset} outside [0, ${n}]`);
    if (typeof p.path !== 'string' || p.path.length === 0) throw new Error('problem without a path');
  }
  for (const e of c.extensions) {
    if (e.offset < 0 || e.valueOffset + e.value.length > n) throw new Error(`extension ${e.oid} outside the input`);
  }
  if (c.tbs && c.tbs.length > n) throw new Error('tbs longer than the input');
  // Valid certificates in, findings out: a decode that read nothing must say why.
  if (c.tbs === undefined && c.problems.length === 0) throw new Error('no tbs and no problem');
  return c;
}

function checkBoth(bytes: Uint8Array): void {
  checkParse(bytes);
  checkCertificate(bytes);
}

const certIndex = () => fc.nat({ max: 2 });

describe('robustness on mutated certificates', () => {
  it('the unmodified certificates decode cleanly', () => {
    expect(certs.length).toBe(3);
    for (const der of certs) {
      checkBoth(der);
      expect(parseDer(der).violations).toEqual([]);
    }
  });

  it('truncations', () => {
    fc.assert(
      fc.property(certIndex(), fc.nat(), (i, n) => {
        const der = certs[i];
        const cut = der.subarray(0, n % der.length);
        checkBoth(cut);
        // Any strict prefix is truncated (and says so) or empty.
        const r = parseDer(cut);
        expect(r.incomplete).toBe(true);
        expect(r.violations.some((v) => v.kind === 'truncated')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('every prefix of one certificate', () => {
    const der = certs[1];
    for (let n = 0; n < der.length; n++) checkBoth(der.subarray(0, n));
  });

  it('single byte flips', () => {
    fc.assert(
      fc.property(certIndex(), fc.nat(), fc.integer({ min: 1, max: 255 }), (i, pos, x) => {
        const der = certs[i].slice();
        der[pos % der.length] ^= x;
        checkBoth(der);
      }),
      { numRuns: RUNS },
    );
  });

  it('single byte replacements in the header region (tags and lengths)', () => {
    fc.assert(
      fc.property(certIndex(), fc.nat({ max: 40 }), fc.constantFrom(0x00, 0x1f, 0x30, 0x3f, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x85, 0xa0, 0xff), (i, pos, b) => {
        const der = certs[i].slice();
        der[pos] = b;
        checkBoth(der);
      }),
      { numRuns: RUNS },
    );
  });

  it('byte insertions', () => {
    fc.assert(
      fc.property(certIndex(), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), (i, pos, ins) => {
        const der = certs[i];
        const at = pos % (der.length + 1);
        checkBoth(cat(der.subarray(0, at), ins, der.subarray(at)));
      }),
      { numRuns: RUNS },
    );
  });

  it('byte deletions', () => {
    fc.assert(
      fc.property(certIndex(), fc.nat(), fc.integer({ min: 1, max: 16 }), (i, pos, count) => {
        const der = certs[i];
        const at = pos % der.length;
        checkBoth(cat(der.subarray(0, at), der.subarray(Math.min(der.length, at + count))));
      }),
      { numRuns: RUNS },
    );
  });

  it('several mutations at once', () => {
    const mutation = fc.record({ kind: fc.constantFrom('flip', 'insert', 'delete'), pos: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(certIndex(), fc.array(mutation, { minLength: 2, maxLength: 6 }), (i, muts) => {
        let der: Uint8Array = certs[i].slice();
        for (const m of muts) {
          const at = der.length === 0 ? 0 : m.pos % der.length;
          if (m.kind === 'flip' && der.length > 0) der[at] = m.byte;
          else if (m.kind === 'insert') der = cat(der.subarray(0, at), [m.byte], der.subarray(at));
          else der = cat(der.subarray(0, at), der.subarray(at + 1));
        }
        checkBoth(der);
      }),
      { numRuns: RUNS },
    );
  });

  it('a mutated certificate inside a larger buffer: offsets stay absolute', () => {
    fc.assert(
      fc.property(certIndex(), fc.uint8Array({ maxLength: 16 }), fc.nat(), (i, prefix, pos) => {
        const der = certs[i].slice();
        der[pos % der.length] ^= 0xff;
        const buf = cat(prefix, der);
        const r = parseDer(buf, prefix.length);
        for (const v of r.violations) {
          expect(v.offset).toBeGreaterThanOrEqual(prefix.length);
          expect(v.offset).toBeLessThanOrEqual(buf.length);
        }
        if (r.root) expect(r.root.offset).toBe(prefix.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('robustness on random bytes', () => {
  it('fully random byte arrays (0..2000 bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 2000, size: 'max' }), (bytes) => {
        checkBoth(bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('random arrays built from header-like octets (reaches deep nesting and odd lengths)', () => {
    const octet = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(0x30, 0x31, 0xa0, 0xa3, 0x24, 0x04, 0x02, 0x03, 0x06, 0x0c, 0x13, 0x17, 0x18, 0x01, 0x05, 0x00, 0x1f, 0x9f, 0xbf) },
      { weight: 3, arbitrary: fc.constantFrom(0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xff, 0x7f, 0x00, 0x01, 0x02, 0x03) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
    );
    fc.assert(
      fc.property(fc.array(octet, { maxLength: 600, size: 'max' }), (arr) => {
        checkBoth(Uint8Array.from(arr));
      }),
      { numRuns: RUNS },
    );
  });

  it('a random certificate-shaped prefix followed by random bytes', () => {
    fc.assert(
      fc.property(certIndex(), fc.nat(), fc.uint8Array({ maxLength: 200, size: 'max' }), (i, cutAt, tail) => {
        const der = certs[i];
        checkBoth(cat(der.subarray(0, cutAt % der.length), tail));
      }),
      { numRuns: RUNS },
    );
  });
});

// Random well-formed DER: the reader must accept it without violations and see every node.
type Tree = { bytes: Uint8Array; nodes: number };
const leaf: fc.Arbitrary<Tree> = fc.oneof(
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((v) => ({ bytes: int(v), nodes: 1 })),
  fc.boolean().map((v) => ({ bytes: bool(v), nodes: 1 })),
  fc.constant({ bytes: nul(), nodes: 1 }),
  fc.uint8Array({ maxLength: 300 }).map((v) => ({ bytes: octets(v), nodes: 1 })),
  fc.string({ maxLength: 20 }).map((s) => ({ bytes: utf8(s), nodes: 1 })),
  fc.stringMatching(/^[A-Za-z0-9 '()+,\-./:=?]{0,20}$/).map((s) => ({ bytes: printable(s), nodes: 1 })),
  fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.bigInt({ min: 0n, max: 2n ** 70n }), { maxLength: 6 }))
    .map(([a, b, rest]) => ({ bytes: oid([a, b, ...rest].join('.')), nodes: 1 })),
);
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 5 }).map((kids) => ({ bytes: seq(...kids.map((k) => k.bytes)), nodes: 1 + kids.reduce((s, k) => s + k.nodes, 0) })),
    fc.tuple(fc.integer({ min: 0, max: 30 }), fc.array(tie('tree'), { maxLength: 3 })).map(([n, kids]) => ({
      bytes: ctx(n, ...kids.map((k) => k.bytes)),
      nodes: 1 + kids.reduce((s, k) => s + k.nodes, 0),
    })),
    fc.array(tie('tree'), { maxLength: 4 }).map((kids) => {
      const sorted = kids.map((k) => k.bytes).sort(compareBytes);
      return { bytes: set(...sorted), nodes: 1 + kids.reduce((s, k) => s + k.nodes, 0) };
    }),
  ),
}));

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Re-encodes a parsed tree from its nodes (tag, DER length, content or children). */
function reencode(bytes: Uint8Array, node: DerNode): Uint8Array {
  const identifier = bytes.subarray(node.offset, node.offset + node.headerLength - lengthOctets(bytes, node));
  const content = node.children === null ? bytes.subarray(node.valueOffset, node.end) : cat(...node.children.map((k) => reencode(bytes, k)));
  return tlv(Array.from(identifier), content);
}

function lengthOctets(bytes: Uint8Array, node: DerNode): number {
  // Low tag numbers: one identifier octet; the rest of the header is the length.
  let i = node.offset + 1;
  if ((bytes[node.offset] & 0x1f) === 0x1f) while (bytes[i++] & 0x80);
  return node.valueOffset - i;
}

function countNodes(node: DerNode): number {
  return 1 + (node.children ?? []).reduce((s, k) => s + countNodes(k), 0);
}

describe('random well-formed DER', () => {
  it('is read without violations, node for node, and re-encodes to the same bytes', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const r = parseDer(t.bytes);
        expect(r.violations).toEqual([]);
        expect(r.incomplete).toBe(false);
        expect(r.root!.end).toBe(t.bytes.length);
        expect(countNodes(r.root!)).toBe(t.nodes);
        expect(reencode(t.bytes, r.root!)).toEqual(t.bytes);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hostile lengths', () => {
  it('a header declaring 0x7FFFFFFF content octets returns at once with a truncated violation', () => {
    const inputs = [hex('30 84 7f ff ff ff 02 01 05'), hex('04 84 7f ff ff ff'), hex('30 84 ff ff ff ff 30 84 7f ff ff ff'), cat(hex('30 84 7f ff ff ff'), new Uint8Array(1000))];
    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    for (const bytes of inputs) {
      const r = parseDer(bytes);
      expect(r.violations.filter((v) => v.kind === 'truncated').map((v) => v.offset)).toEqual([0]);
      expect(r.incomplete).toBe(true);
      expect(r.root!.end).toBe(bytes.length);
      const c = decodeCertificate(bytes);
      expect(c.violations.some((v) => v.kind === 'truncated')).toBe(true);
    }
    expect(performance.now() - t0).toBeLessThan(100);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a hostile length deep inside a certificate', () => {
    const der = certs[0].slice();
    // Replace the serial number INTEGER's length with a 4-octet 0x7FFFFFFF (same total size, so shift by rebuilding).
    const r = parseDer(der);
    const serial = r.root!.children![0].children![1];
    const hostile = cat(der.subarray(0, serial.offset + 1), [0x84, 0x7f, 0xff, 0xff, 0xff], der.subarray(serial.valueOffset));
    const c = checkCertificate(hostile);
    expect(c.violations.some((v) => v.kind === 'truncated')).toBe(true);
  });
});
