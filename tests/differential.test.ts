import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { OID } from '../src/der/index.js';
import { decodeCertificate, extensionValue } from '../src/x509/index.js';
import type { Certificate, KeyUsage } from '../src/x509/index.js';
import { ctx, hex, octets, oid, seq, tlv, toHexString } from './helpers/der-builder.js';

/**
 * Differential tests: our strict decoder against pkijs and @peculiar/x509 (both lenient, both
 * independent of our code) on every valid sample certificate and on certificates generated here.
 */

const webcrypto = globalThis.crypto;
x509.cryptoProvider.set(webcrypto as never);

const VALID_DIR = new URL('../test-certs/valid/', import.meta.url);

function pemBlocks(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    out.push(new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
  }
  return out;
}

function loadValidFiles(): Array<[string, Uint8Array]> {
  if (!existsSync(VALID_DIR)) return [];
  const files = readdirSync(VALID_DIR)
    .filter((f) => f.endsWith('.pem'))
    .sort();
  return files.map((f) => {
    const blocks = pemBlocks(readFileSync(new URL(f, VALID_DIR), 'utf8'));
    if (blocks.length !== 1) throw new Error(`${f}: expected one certificate, found ${blocks.length}`);
    return [`test-certs/valid/${f}`, blocks[0]];
  });
}

async function generateCertificates(): Promise<Array<[string, Uint8Array]>> {
  const ec = { name: 'ECDSA', namedCurve: 'P-256' };
  const alg = { name: 'ECDSA', hash: 'SHA-256' };
  const ca = (await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify'])) as { publicKey: never; privateKey: never };
  const leaf = (await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify'])) as { publicKey: never; privateKey: never };
  const san = seq(tlv(0xa0, oid(OID.hardwareModuleName), ctx(0, seq(oid('1.2.826.0.1.8641679.1.2.2.1'), octets(hex('0011223344556677'))))));
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '00c0ffee',
    name: [{ OU: [{ printableString: '00' }] }, { CN: [{ printableString: 'GR' }] }] as never,
    notBefore: new Date(Date.UTC(2024, 0, 1)),
    notAfter: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    keys: ca,
    signingAlgorithm: alg,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.BasicConstraintsExtension(true, 2, true),
      await x509.SubjectKeyIdentifierExtension.create(ca.publicKey),
      new x509.CertificatePolicyExtension(['1.2.826.0.1.8641679.1.2.1.1', '2.5.29.32.0'], true),
    ],
  });
  const device = await x509.X509CertificateGenerator.create({
    serialNumber: '7f0102030405060708090a0b0c0d0e0f10111213',
    issuer: root.subject,
    subject: [{ CN: [{ utf8String: 'Gerät é€' }] }, { E: [{ ia5String: 'a@b.c' }] }, { L: [{ bmpString: 'Zürich' }] }, { '2.5.4.45': ['#03090000112233445566' + '77'] }] as never,
    notBefore: new Date(Date.UTC(2024, 5, 1, 12, 30, 15)),
    notAfter: new Date(Date.UTC(2049, 11, 31, 23, 59, 59)),
    publicKey: leaf.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement | x509.KeyUsageFlags.decipherOnly, true),
      await x509.SubjectKeyIdentifierExtension.create(leaf.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
      new x509.CertificatePolicyExtension(['1.2.826.0.1.8641679.1.2.1.3'], true),
      new x509.Extension(OID.subjectAltName, true, san),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1'], false),
    ],
  });
  return [
    ['generated/root', new Uint8Array(root.rawData)],
    ['generated/device', new Uint8Array(device.rawData)],
  ];
}

const fileCerts = loadValidFiles();
const generatedCerts = await generateCertificates();

const hexOf = (b: ArrayBuffer | ArrayBufferView | undefined | null): string | undefined =>
  b === undefined || b === null ? undefined : toHexString(b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));

/** asn1js universal tag number -> the name our model uses for the value type. */
const TYPE_NAMES: Record<number, string> = {
  3: 'BIT STRING',
  12: 'UTF8String',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  26: 'VisibleString',
  28: 'UniversalString',
  30: 'BMPString',
};

interface PkijsValue {
  idBlock: { tagNumber: number; tagClass: number };
  valueBlock: { value?: unknown; valueHexView?: Uint8Array; unusedBits?: number };
}

function pkijsAttributes(name: pkijs.RelativeDistinguishedNames): Array<[string, string, string]> {
  return name.typesAndValues.map((tv) => {
    const v = tv.value as unknown as PkijsValue;
    const type = TYPE_NAMES[v.idBlock.tagNumber] ?? `tag ${v.idBlock.tagNumber}`;
    const value =
      v.idBlock.tagNumber === 3 ? toHexString(Uint8Array.of(v.valueBlock.unusedBits ?? 0)) + hexOf(v.valueBlock.valueHexView) : String(v.valueBlock.value);
    return [tv.type, type, value];
  });
}

function ourAttributes(cert: Certificate, which: 'issuer' | 'subject'): Array<[string, string, string]> {
  return cert[which]!.rdns.flatMap((r) => r.attributes.map((a) => [a.oid, a.valueType, a.value] as [string, string, string]));
}

function keyUsageFlags(ku: KeyUsage): number {
  const order: Array<keyof KeyUsage> = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];
  let flags = 0;
  order.forEach((k, i) => {
    if (ku[k] === true) flags |= 1 << i;
  });
  return flags;
}

describe('sample certificates', () => {
  it('test-certs/valid holds certificates to compare', () => {
    expect(existsSync(VALID_DIR), 'test-certs/valid/ is missing').toBe(true);
    expect(fileCerts.length).toBeGreaterThan(0);
  });
});

describe.each([...fileCerts, ...generatedCerts])('%s', (_label, der) => {
  const ours = decodeCertificate(der);
  const pk = pkijs.Certificate.fromBER(der);
  const pc = new x509.X509Certificate(der);

  it('decodes as valid DER with no problems', () => {
    expect(ours.violations).toEqual([]);
    expect(ours.problems).toEqual([]);
  });

  it('version', () => {
    expect(ours.version).toBe(pk.version + 1);
  });

  it('serial number', () => {
    expect(toHexString(ours.serialNumber!.bytes)).toBe(hexOf(pk.serialNumber.valueBlock.valueHexView));
    // @peculiar/x509 drops the sign octet of a positive serial (00 c0 ff ee -> c0ffee).
    expect(toHexString(ours.serialNumber!.bytes).replace(/^00(?=[89a-f])/, '')).toBe(pc.serialNumber.toLowerCase());
    const h = toHexString(ours.serialNumber!.bytes);
    const unsigned = BigInt('0x' + h);
    const expected = ours.serialNumber!.bytes[0] & 0x80 ? unsigned - (1n << BigInt(h.length * 4)) : unsigned;
    expect(ours.serialNumber!.value).toBe(expected);
  });

  it('issuer and subject: per attribute OID, string type and value', () => {
    expect(ourAttributes(ours, 'issuer')).toEqual(pkijsAttributes(pk.issuer));
    expect(ourAttributes(ours, 'subject')).toEqual(pkijsAttributes(pk.subject));
    expect(toHexString(ours.issuer!.raw)).toBe(hexOf(pk.issuer.valueBeforeDecode));
    expect(toHexString(ours.subject!.raw)).toBe(hexOf(pk.subject.valueBeforeDecode));
    // Per-RDN grouping against @peculiar/x509's JSON form (string values only).
    const peculiarRdns = pc.subjectName.toJSON().map((rdn) => Object.values(rdn).flat());
    const ourRdns = ours.subject!.rdns.map((r) => r.attributes.map((a) => (a.stringType ? a.value : '#' + toHexString(a.valueRaw))));
    expect(ourRdns).toEqual(peculiarRdns);
  });

  it('validity', () => {
    const v = ours.validity!;
    expect(v.notBefore!.ms).toBe(pk.notBefore.value.getTime());
    expect(v.notAfter!.ms).toBe(pk.notAfter.value.getTime());
    expect(v.notBefore!.ms).toBe(pc.notBefore.getTime());
    expect(v.notAfter!.ms).toBe(pc.notAfter.getTime());
    expect(v.notBefore!.encoding).toBe(pk.notBefore.type === 0 ? 'UTCTime' : 'GeneralizedTime');
    expect(v.notAfter!.encoding).toBe(pk.notAfter.type === 0 ? 'UTCTime' : 'GeneralizedTime');
  });

  it('subjectPublicKeyInfo: algorithm, curve, key bytes', () => {
    const spki = ours.subjectPublicKeyInfo!;
    const ref = pk.subjectPublicKeyInfo;
    expect(spki.algorithm.oid).toBe(ref.algorithm.algorithmId);
    const params = ref.algorithm.algorithmParams as { valueBlock: { toString(): string }; idBlock: { tagNumber: number } } | undefined;
    if (spki.algorithm.parametersOid !== undefined) {
      expect(params!.idBlock.tagNumber).toBe(6);
      expect(spki.algorithm.parametersOid).toBe(params!.valueBlock.toString());
    } else {
      expect(params === undefined || params.idBlock.tagNumber !== 6).toBe(true);
    }
    expect(toHexString(spki.publicKey)).toBe(hexOf(ref.subjectPublicKey.valueBlock.valueHexView));
    expect(spki.unusedBits).toBe(ref.subjectPublicKey.valueBlock.unusedBits);
    expect(toHexString(spki.raw)).toBe(hexOf(pc.publicKey.rawData));
  });

  it('extensions: OID, critical and raw value, in order', () => {
    const ref = (pk.extensions ?? []).map((e) => [e.extnID, e.critical, hexOf(e.extnValue.valueBlock.valueHexView)]);
    expect(ours.extensions.map((e) => [e.oid, e.critical, toHexString(e.value)])).toEqual(ref);
    expect(ours.extensions.map((e) => [e.oid, e.critical, toHexString(e.value)])).toEqual(pc.extensions.map((e) => [e.type, e.critical, hexOf(e.value)]));
    for (const e of ours.extensions) expect(e.error).toBeUndefined();
  });

  it('keyUsage bits', () => {
    const ref = pc.getExtension(x509.KeyUsagesExtension);
    const ku = extensionValue(ours, 'keyUsage');
    expect(ku === undefined).toBe(ref === null);
    if (ku && ref) {
      expect(keyUsageFlags(ku)).toBe(ref.usages);
      expect(ku.names.length).toBe(Object.values(ku).filter((v) => v === true).length);
    }
  });

  it('basicConstraints', () => {
    const ref = (pk.extensions ?? []).find((e) => e.extnID === OID.basicConstraints);
    const bc = extensionValue(ours, 'basicConstraints');
    expect(bc === undefined).toBe(ref === undefined);
    if (bc && ref) {
      const p = ref.parsedValue as pkijs.BasicConstraints;
      expect(bc.cA).toBe(p.cA);
      const pathLen = p.pathLenConstraint;
      expect(bc.pathLenConstraint).toBe(typeof pathLen === 'number' || pathLen === undefined ? pathLen : pathLen.valueBlock.valueDec);
      const pcBc = pc.getExtension(x509.BasicConstraintsExtension)!;
      expect(bc.cA).toBe(pcBc.ca);
      expect(bc.pathLenConstraint).toBe(pcBc.pathLength);
    }
  });

  it('subjectKeyIdentifier', () => {
    const ref = pc.getExtension(x509.SubjectKeyIdentifierExtension);
    const ski = extensionValue(ours, 'subjectKeyIdentifier');
    expect(ski === undefined).toBe(ref === null);
    if (ski && ref) expect(toHexString(ski)).toBe(ref.keyId);
  });

  it('authorityKeyIdentifier keyIdentifier', () => {
    const ref = (pk.extensions ?? []).find((e) => e.extnID === OID.authorityKeyIdentifier);
    const aki = extensionValue(ours, 'authorityKeyIdentifier');
    expect(aki === undefined).toBe(ref === undefined);
    if (aki && ref) {
      const p = ref.parsedValue as pkijs.AuthorityKeyIdentifier;
      expect(hexOf(aki.keyIdentifier)).toBe(hexOf(p.keyIdentifier?.valueBlock.valueHexView));
      expect(aki.hasAuthorityCertIssuer).toBe(p.authorityCertIssuer !== undefined);
      expect(hexOf(aki.keyIdentifier)).toBe(pc.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId);
    }
  });

  it('certificatePolicies OIDs', () => {
    const ref = (pk.extensions ?? []).find((e) => e.extnID === OID.certificatePolicies);
    const cp = extensionValue(ours, 'certificatePolicies');
    expect(cp === undefined).toBe(ref === undefined);
    if (cp && ref) {
      const p = ref.parsedValue as pkijs.CertificatePolicies;
      expect(cp.map((x) => x.oid)).toEqual(p.certificatePolicies.map((x) => x.policyIdentifier));
      expect(cp.map((x) => x.hasQualifiers)).toEqual(p.certificatePolicies.map((x) => x.policyQualifiers !== undefined));
      expect(cp.map((x) => x.oid)).toEqual([...pc.getExtension(x509.CertificatePolicyExtension)!.policies]);
    }
  });

  it('subjectAltName otherName type and hardwareModuleName', () => {
    const ref = (pk.extensions ?? []).find((e) => e.extnID === OID.subjectAltName);
    const san = extensionValue(ours, 'subjectAltName');
    expect(san === undefined).toBe(ref === undefined);
    if (san && ref) {
      const names = (ref.parsedValue as pkijs.AltName).altNames;
      expect(san.length).toBe(names.length);
      san.forEach((gn, i) => {
        expect(gn.type).toBe(['otherName', 'rfc822Name', 'dNSName', 'x400Address', 'directoryName', 'ediPartyName', 'uniformResourceIdentifier', 'iPAddress', 'registeredID'][names[i].type]);
        if (gn.type !== 'otherName') return;
        const [typeId, explicit] = (names[i].value as { valueBlock: { value: Array<{ valueBlock: { toString(): string; value: Array<{ valueBlock: { value: Array<{ valueBlock: { toString(): string; valueHexView: Uint8Array } }> } }> } }> } }).valueBlock.value;
        expect(gn.otherNameType).toBe(typeId.valueBlock.toString());
        if (gn.otherNameType === OID.hardwareModuleName) {
          const [hwType, hwSerial] = explicit.valueBlock.value[0].valueBlock.value;
          expect(gn.hardwareModuleName!.hwType).toBe(hwType.valueBlock.toString());
          expect(toHexString(gn.hardwareModuleName!.hwSerialNum)).toBe(hexOf(hwSerial.valueBlock.valueHexView));
        }
      });
    }
  });

  it('extKeyUsage', () => {
    const ref = pc.getExtension(x509.ExtendedKeyUsageExtension);
    const eku = extensionValue(ours, 'extKeyUsage');
    expect(eku === undefined).toBe(ref === null);
    if (eku && ref) expect(eku).toEqual(ref.usages);
  });

  it('signature algorithms', () => {
    expect(ours.signature!.oid).toBe(pk.signature.algorithmId);
    expect(ours.signatureAlgorithm!.oid).toBe(pk.signatureAlgorithm.algorithmId);
    expect(ours.signature!.parameters === 'absent').toBe(pk.signature.algorithmParams === undefined);
    expect(ours.signatureAlgorithm!.parameters === 'absent').toBe(pk.signatureAlgorithm.algorithmParams === undefined);
  });

  it('signature value and tbs bytes', () => {
    expect(toHexString(ours.signatureValue!)).toBe(hexOf(pk.signatureValue.valueBlock.valueHexView));
    expect(toHexString(ours.signatureValue!)).toBe(hexOf(pc.signature));
    expect(toHexString(ours.tbs!)).toBe(hexOf(pk.tbsView));
    expect(toHexString(ours.tbs!)).toBe(hexOf(pk.encodeTBS().toBER()));
  });
});
