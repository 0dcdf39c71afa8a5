// A benchmark corpus: distinct Organisation Certificates of every end-entity role, each with its
// own key, serial and EUI-64, issued by one Issuing OCA. Built with the sample PKI's DER pieces
// but signed with node:crypto, which is fast enough for tens of thousands of certificates.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { buildCertificate } from '../test-certs/generate/certificate.js';
import type { Built, CertParts } from '../test-certs/generate/certificate.js';
import { tlv } from '../test-certs/generate/der-writer.js';
import { authorityKeyIdentifier, caBasicConstraints, certificatePolicies, keyUsage, subjectKeyIdentifier } from '../test-certs/generate/extensions.js';
import type { KeyPair } from '../test-certs/generate/keys.js';
import { keyIdMethod2, subjectPublicKeyInfo } from '../test-certs/generate/keys.js';
import { caName, organisationName } from '../test-certs/generate/names.js';
import { OIDS } from '../test-certs/generate/oids.js';
import { V1, buildRequest } from '../test-certs/generate/request.js';
import { duisRequestXml, krpBody } from '../test-certs/generate/duis.js';
import { ECDSA_SHA256, USAGE_BITS, V3, VALIDITY } from '../test-certs/generate/profiles.js';
import type { Usage } from '../test-certs/generate/profiles.js';

const ROLES: [role: string, usage: Usage, commonName?: string][] = [
  ['01', 'ds'],
  ['02', 'ds', 'BENCHSUPPLIER'],
  ['02', 'ka'],
  ['03', 'ds'],
  ['03', 'ka'],
  ['04', 'ds'],
  ['05', 'ds'],
  ['06', 'ds'],
  ['08', 'ka'],
  ['7F', 'ds'],
  ['87', 'ds', 'BENCHXML'],
  ['89', 'ds'],
];

function nodeKey(label: string): KeyPair & { privateKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    label,
    type: 'P-256',
    publicKey: new Uint8Array(spki.subarray(spki.length - 65)),
    sign: (message: Uint8Array) => new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'der' })),
    privateKey,
  };
}

function serial(n: number): Uint8Array {
  const h = createHash('sha256').update(`bench serial ${n}`).digest();
  h[0] = 0x01 + (h[0] % 0x7f);
  return tlv(0x02, new Uint8Array(h.subarray(0, 16)));
}

function parts(o: { n: number; subject: Uint8Array; key: KeyPair; issuer: Built | 'self'; validity: Uint8Array; extensions: CertParts['extensions'] }): CertParts {
  return {
    version: V3,
    serial: serial(o.n),
    signature: ECDSA_SHA256,
    issuer: o.issuer === 'self' ? o.subject : o.issuer.subject,
    validity: o.validity,
    subject: o.subject,
    spki: subjectPublicKeyInfo(o.key),
    uniqueIds: [],
    extensions: o.extensions,
    signatureAlgorithm: ECDSA_SHA256,
    subjectKey: o.key,
    signer: o.issuer === 'self' ? o.key : o.issuer.key,
  };
}

function ca(n: number, subject: Uint8Array, issuer: Built | 'self', pathLen: number | null): Built {
  const key = nodeKey(`bench ca ${n}`);
  const extensions = [keyUsage(['keyCertSign', 'cRLSign']), caBasicConstraints(pathLen), certificatePolicies([OIDS.policyOrganisation]), subjectKeyIdentifier(keyIdMethod2(key))];
  if (issuer !== 'self') extensions.push(authorityKeyIdentifier(issuer.keyId));
  return buildCertificate(parts({ n, subject, key, issuer, validity: VALIDITY.ca, extensions }));
}

export interface BenchCorpus {
  root: Uint8Array;
  oca: Uint8Array;
  organisations: Uint8Array[];
}

export function buildCorpus(count: number): BenchCorpus {
  const { root, oca } = benchIssuers();
  return { root: root.der, oca: oca.der, organisations: [...organisationCertificates(count, oca)] };
}

/** The bench PKI's Root OCA and Issuing OCA (fresh keys each time). */
export function benchIssuers(): { root: Built; oca: Built } {
  const root = ca(-1, caName('00', 'BR'), 'self', null);
  return { root, oca: ca(-2, caName('07', 'B1'), root, 0) };
}

/**
 * Distinct Organisation Certificates issued by oca, one at a time. keyPool > 0 reuses that many
 * subject keys in turn (serials and EUI-64s stay distinct), for corpora of millions.
 */
export function* organisationCertificates(count: number, oca: Built, keyPool = 0): Generator<Uint8Array> {
  const pool: ReturnType<typeof nodeKey>[] = [];
  for (let n = 0; n < count; n++) {
    const [role, usage, commonName] = ROLES[n % ROLES.length];
    let key: ReturnType<typeof nodeKey>;
    if (keyPool > 0 && pool.length === keyPool) key = pool[n % keyPool];
    else {
      key = nodeKey(`bench org ${n}`);
      if (keyPool > 0) pool.push(key);
    }
    const eui = Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x40 + ((n >> 24) & 0x3f), (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    const extensions = [keyUsage(USAGE_BITS[usage]), subjectKeyIdentifier(keyIdMethod2(key)), certificatePolicies([OIDS.policyOrganisation]), authorityKeyIdentifier(oca.keyId)];
    yield buildCertificate(parts({ n, subject: organisationName({ commonName, role, eui }), key, issuer: oca, validity: VALIDITY.organisation, extensions })).der;
  }
}

export interface RequestCorpus {
  /** Distinct Organisation CSRs, each self-signed with its own key. */
  requests: Uint8Array[];
  /** For each request, the certificate issued for it by `oca`. */
  certificates: Uint8Array[];
  oca: Uint8Array;
}

/** Organisation CSRs of every end-entity role and the certificates issued for them, for `compare` and CSR lint. */
export function buildRequestCorpus(count: number): RequestCorpus {
  const root = ca(-3, caName('00', 'BR'), 'self', null);
  const oca = ca(-4, caName('07', 'B2'), root, 0);
  const requests: Uint8Array[] = [];
  const certificates: Uint8Array[] = [];
  for (let n = 0; n < count; n++) {
    const [role, usage, commonName] = ROLES[n % ROLES.length];
    const key = nodeKey(`bench request ${n}`);
    const eui = Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x41, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    const subject = organisationName({ commonName, role, eui });
    requests.push(buildRequest({ version: V1, subject, spki: subjectPublicKeyInfo(key), extensions: [keyUsage(USAGE_BITS[usage])], extraAttributes: [], signatureAlgorithm: ECDSA_SHA256, signer: key }));
    const extensions = [keyUsage(USAGE_BITS[usage]), subjectKeyIdentifier(keyIdMethod2(key)), certificatePolicies([OIDS.policyOrganisation]), authorityKeyIdentifier(oca.keyId)];
    certificates.push(buildCertificate(parts({ n, subject, key, issuer: oca, validity: VALIDITY.organisation, extensions })).der);
  }
  return { requests, certificates, oca: oca.der };
}

export interface DuisCorpus {
  /** DUIS requests (XML bytes), each Update Security Credentials (KRP) for its own supplier. */
  requests: Uint8Array[];
  root: Uint8Array;
  oca: Uint8Array;
}

/**
 * DUIS requests of the shape the benchmark target names: three replacement certificates (a
 * supplier's signing, key agreement and prepayment top-up certificates, each with its own key)
 * and one path certificate, the Issuing OCA that issued them.
 */
export function buildDuisCorpus(count: number): DuisCorpus {
  const root = ca(-5, caName('00', 'BR'), 'self', null);
  const oca = ca(-6, caName('07', 'B3'), root, 0);
  const requests: Uint8Array[] = [];
  const organisation = (n: number, usage: Usage, eui: Uint8Array, commonName?: string) => {
    const key = nodeKey(`bench duis ${n}`);
    const extensions = [keyUsage(USAGE_BITS[usage]), subjectKeyIdentifier(keyIdMethod2(key)), certificatePolicies([OIDS.policyOrganisation]), authorityKeyIdentifier(oca.keyId)];
    return buildCertificate(parts({ n, subject: organisationName({ commonName, role: '02', eui }), key, issuer: oca, validity: VALIDITY.organisation, extensions })).der;
  };
  const text = new TextEncoder();
  for (let n = 0; n < count; n++) {
    const eui = Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x42, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    const cells = { DigitalSigningCertificate: organisation(3 * n, 'ds', eui, 'BENCHSUPPLIER'), KeyAgreementCertificate: organisation(3 * n + 1, 'ka', eui), KeyAgreementTopUpCertificate: organisation(3 * n + 2, 'ka', eui) };
    const sender = Array.from(eui, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-');
    requests.push(text.encode(duisRequestXml({ requestId: `${sender}:00-DB-12-34-56-78-90-A0:${n}`, variant: '6.15.1', body: krpBody('Supplier', cells, [oca.der]), keyInfo: { issuer: 'CN=B3, OU=07', serial: BigInt(n + 1) } })));
  }
  return { requests, root: root.der, oca: oca.der };
}
