import 'reflect-metadata';
import type { webcrypto as nodeWebcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID, parseDer } from '../src/der/index.js';
import { decodeCertificate, extensionValue, findExtension, firstAttribute, formatName, attributesOf } from '../src/x509/index.js';
import type { Certificate, Extension, GeneralName } from '../src/x509/index.js';
import {
  algId,
  bitString,
  bool,
  cat,
  certificate,
  ctx,
  ctxPrim,
  extension,
  genTime,
  hex,
  ia5,
  int,
  name,
  nul,
  octets,
  oid,
  seq,
  set,
  tbsCertificate,
  tlv,
  toHexString,
  utcTime,
  utf8,
} from './helpers/der-builder.js';

type KeyPair = nodeWebcrypto.CryptoKeyPair;

const webcrypto = globalThis.crypto;
x509.cryptoProvider.set(webcrypto as never);

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

const SERIAL_HEX = '7f0102030405060708090a0b0c0d0e0f10111213';
const POLICY = '1.2.826.0.1.8641679.1.2.1.1';
const HW_TYPE = '1.2.826.0.1.8641679.1.2.2.1';
const EUI64 = hex('00 11 22 33 44 55 66 77');
const NOT_BEFORE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
const NOT_AFTER = new Date(Date.UTC(2049, 11, 31, 23, 59, 59));

/** subjectAltName value with one otherName hardwareModuleName (RFC 4108). */
const SAN_HW = seq(tlv(0xa0, oid(OID.hardwareModuleName), ctx(0, seq(oid(HW_TYPE), octets(EUI64)))));

const bytesOf = (b: ArrayBuffer | ArrayBufferView) => (b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
const hexOf = (b: ArrayBuffer | ArrayBufferView | undefined) => (b === undefined ? undefined : toHexString(bytesOf(b)));

/** ECDSA-Sig-Value DER -> r || s (32 octets each) for WebCrypto verify. */
function ecdsaDerToRaw(sig: Uint8Array): Uint8Array {
  expect(sig[0]).toBe(0x30);
  let p = 2;
  const part = () => {
    expect(sig[p]).toBe(0x02);
    const len = sig[p + 1];
    let v = sig.subarray(p + 2, p + 2 + len);
    p += 2 + len;
    while (v.length > 32 && v[0] === 0) v = v.subarray(1);
    return cat(new Uint8Array(32 - v.length), v);
  };
  return cat(part(), part());
}

interface Generated {
  der: Uint8Array;
  cert: Certificate;
  peculiar: x509.X509Certificate;
  subjectKeys: KeyPair;
  issuerKeys: KeyPair;
}

let main: Generated;
let later: Generated;
let rsa: { der: Uint8Array; cert: Certificate };

beforeAll(async () => {
  const issuerKeys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as KeyPair;
  const subjectKeys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as KeyPair;
  const peculiar = await x509.X509CertificateGenerator.create({
    serialNumber: SERIAL_HEX,
    issuer: [{ CN: [{ printableString: 'Test Issuing CA' }] }, { O: [{ utf8String: 'Org é' }] }, { C: [{ printableString: 'GB' }] }] as never,
    subject: [
      { CN: [{ utf8String: 'Z1' }] },
      { OU: [{ printableString: '07' }] },
      { '2.5.4.45': ['#030900' + toHexString(EUI64)] },
      { E: [{ ia5String: 'ops@example.com' }] },
      { L: [{ bmpString: 'Zürich' }] },
    ] as never,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    publicKey: subjectKeys.publicKey,
    signingKey: issuerKeys.privateKey,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      new x509.BasicConstraintsExtension(true, 0, true),
      await x509.SubjectKeyIdentifierExtension.create(subjectKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuerKeys.publicKey),
      new x509.CertificatePolicyExtension([POLICY], true),
      new x509.Extension(OID.subjectAltName, true, SAN_HW),
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.2'], false),
    ],
  });
  const der = bytesOf(peculiar.rawData);
  main = { der, cert: decodeCertificate(der), peculiar, subjectKeys, issuerKeys };

  // (@peculiar/x509 writes an empty extensions SEQUENCE when given none, so give each one.)
  const laterPeculiar = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0080',
    name: 'CN=Late',
    notBefore: new Date(Date.UTC(2050, 0, 1)),
    notAfter: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    keys: subjectKeys,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true)],
  });
  const laterDer = bytesOf(laterPeculiar.rawData);
  later = { der: laterDer, cert: decodeCertificate(laterDer), peculiar: laterPeculiar, subjectKeys, issuerKeys: subjectKeys };

  const rsaAlg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) };
  const rsaKeys = (await webcrypto.subtle.generateKey(rsaAlg, true, ['sign', 'verify'])) as KeyPair;
  const rsaCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=RSA',
    keys: rsaKeys,
    signingAlgorithm: rsaAlg,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
  });
  const rsaDer = bytesOf(rsaCert.rawData);
  rsa = { der: rsaDer, cert: decodeCertificate(rsaDer) };
});

describe('decodeCertificate: a certificate generated with @peculiar/x509', () => {
  it('has no DER violations and no problems', () => {
    expect(main.cert.violations).toEqual([]);
    expect(main.cert.problems).toEqual([]);
    expect(later.cert.violations).toEqual([]);
    expect(later.cert.problems).toEqual([]);
  });

  it('keeps the input bytes', () => {
    expect(main.cert.der).toBe(main.der);
  });

  it('version', () => {
    expect(main.cert.version).toBe(3);
  });

  it('serial number bytes, bigint value and offset', () => {
    const s = main.cert.serialNumber!;
    expect(toHexString(s.bytes)).toBe(SERIAL_HEX);
    expect(s.value).toBe(BigInt('0x' + SERIAL_HEX));
    expect(main.der[s.offset]).toBe(0x02);
    expect(main.der[s.offset + 1]).toBe(20);
    expect(main.peculiar.serialNumber).toBe(SERIAL_HEX);
  });

  it('a serial needing a leading zero octet keeps it in bytes, not in the value', () => {
    expect(toHexString(later.cert.serialNumber!.bytes)).toBe('0080');
    expect(later.cert.serialNumber!.value).toBe(128n);
  });

  it('signature algorithms: ecdsa-with-SHA256 with absent parameters', () => {
    for (const alg of [main.cert.signature!, main.cert.signatureAlgorithm!]) {
      expect(alg.oid).toBe(OID.ecdsaWithSha256);
      expect(alg.parameters).toBe('absent');
      expect(alg.parametersOid).toBeUndefined();
      expect(toHexString(alg.raw)).toBe('300a06082a8648ce3d040302');
      expect(main.der[alg.offset]).toBe(0x30);
    }
    expect(main.cert.signature!.offset).toBeLessThan(main.cert.signatureAlgorithm!.offset);
  });

  it('issuer: attributes with OIDs, names, string types, values and raw bytes', () => {
    const issuer = main.cert.issuer!;
    expect(issuer.rdns.map((r) => r.attributes.map((a) => [a.oid, a.name, a.valueType, a.stringType, a.value]))).toEqual([
      [['2.5.4.3', 'CN', 'PrintableString', 'PrintableString', 'Test Issuing CA']],
      [['2.5.4.10', 'O', 'UTF8String', 'UTF8String', 'Org é']],
      [['2.5.4.6', 'C', 'PrintableString', 'PrintableString', 'GB']],
    ]);
    const o = issuer.rdns[1].attributes[0];
    expect(toHexString(o.valueBytes)).toBe(toHexString(new TextEncoder().encode('Org é')));
    expect(toHexString(o.valueRaw)).toBe('0c06' + toHexString(new TextEncoder().encode('Org é')));
    expect(main.der[o.offset]).toBe(0x0c);
    expect(toHexString(issuer.raw)).toBe(hexOf(main.peculiar.issuerName.toArrayBuffer()));
    expect(main.der[issuer.offset]).toBe(0x30);
    expect(toHexString(main.der.subarray(issuer.offset, issuer.offset + issuer.raw.length))).toBe(toHexString(issuer.raw));
    expect(formatName(issuer)).toBe('CN=Test Issuing CA, O=Org é, C=GB');
  });

  it('subject: UTF8String, PrintableString, BIT STRING, IA5String and BMPString values', () => {
    const subject = main.cert.subject!;
    expect(subject.rdns.map((r) => r.attributes.map((a) => [a.oid, a.name, a.valueType, a.stringType, a.value]))).toEqual([
      [['2.5.4.3', 'CN', 'UTF8String', 'UTF8String', 'Z1']],
      [['2.5.4.11', 'OU', 'PrintableString', 'PrintableString', '07']],
      [['2.5.4.45', 'x500UniqueIdentifier', 'BIT STRING', undefined, '00' + toHexString(EUI64)]],
      [['1.2.840.113549.1.9.1', 'emailAddress', 'IA5String', 'IA5String', 'ops@example.com']],
      [['2.5.4.7', 'L', 'BMPString', 'BMPString', 'Zürich']],
    ]);
    const uid = attributesOf(subject, OID.x500UniqueIdentifier)[0];
    expect(toHexString(uid.valueRaw)).toBe('030900' + toHexString(EUI64));
    expect(toHexString(uid.valueBytes)).toBe('00' + toHexString(EUI64));
    expect(toHexString(subject.raw)).toBe(hexOf(main.peculiar.subjectName.toArrayBuffer()));
    expect(subject.rdns.map((r) => main.der[r.offset])).toEqual([0x31, 0x31, 0x31, 0x31, 0x31]);
  });

  it('every byte field but der is a plain Uint8Array view into the bytes passed, a Buffer or not', () => {
    const input = Buffer.concat([Buffer.from([0xaa, 0xbb]), Buffer.from(main.der)]).subarray(2);
    const cert = decodeCertificate(input);
    expect(cert.der).toBe(input);
    const views: Uint8Array[] = [];
    const walk = (value: unknown, key: string): void => {
      if (value instanceof Uint8Array) {
        if (key !== 'der') views.push(value);
      } else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, k);
      }
    };
    walk(cert, '');
    // tbs, names, algorithms, key, signature, attribute values, extension values, key identifiers.
    expect(views.length).toBeGreaterThan(20);
    for (const view of views) {
      expect(Object.getPrototypeOf(view)).toBe(Uint8Array.prototype);
      expect(view.buffer).toBe(input.buffer);
      const at = view.byteOffset - input.byteOffset;
      expect(toHexString(view)).toBe(toHexString(input.subarray(at, at + view.length)));
    }
    expect(toHexString(cert.tbs!)).toBe(toHexString(decodeCertificate(main.der).tbs!));
  });

  it('firstAttribute is the first of attributesOf, without the list; undefined when there is none', () => {
    const subject = main.cert.subject!;
    for (const rdn of subject.rdns) for (const a of rdn.attributes) expect(firstAttribute(subject, a.oid)).toBe(attributesOf(subject, a.oid)[0]);
    expect(firstAttribute(subject, OID.organizationName)).toBeUndefined();
    expect(firstAttribute(undefined, OID.commonName)).toBeUndefined();
    const twice = { ...subject, rdns: [...subject.rdns, subject.rdns[0]] };
    expect(attributesOf(twice, OID.commonName)).toHaveLength(2);
    expect(firstAttribute(twice, OID.commonName)).toBe(subject.rdns[0].attributes[0]);
  });

  it('validity: UTCTime text, encoding, ms and offsets', () => {
    const v = main.cert.validity!;
    expect(v.notBefore).toMatchObject({ encoding: 'UTCTime', text: '240101000000Z', ms: NOT_BEFORE.getTime() });
    expect(v.notAfter).toMatchObject({ encoding: 'UTCTime', text: '491231235959Z', ms: NOT_AFTER.getTime() });
    expect(main.der[v.offset]).toBe(0x30);
    expect(main.der[v.notBefore!.offset]).toBe(0x17);
    expect(main.der[v.notAfter!.offset]).toBe(0x17);
    expect(v.notBefore!.ms).toBe(main.peculiar.notBefore.getTime());
    expect(v.notAfter!.ms).toBe(main.peculiar.notAfter.getTime());
  });

  it('validity: GeneralizedTime from 2050 and 9999-12-31', () => {
    const v = later.cert.validity!;
    expect(v.notBefore).toMatchObject({ encoding: 'GeneralizedTime', text: '20500101000000Z', ms: Date.UTC(2050, 0, 1) });
    expect(v.notAfter).toMatchObject({ encoding: 'GeneralizedTime', text: '99991231235959Z', ms: Date.UTC(9999, 11, 31, 23, 59, 59) });
    expect(later.der[v.notAfter!.offset]).toBe(0x18);
  });

  it('subjectPublicKeyInfo: P-256 curve, uncompressed point, raw SPKI', async () => {
    const spki = main.cert.subjectPublicKeyInfo!;
    expect(spki.algorithm.oid).toBe(OID.ecPublicKey);
    expect(spki.algorithm.parameters).toBe('other');
    expect(spki.algorithm.parametersOid).toBe(OID.prime256v1);
    expect(spki.unusedBits).toBe(0);
    expect(spki.pointFormat).toBe('uncompressed');
    expect(spki.publicKey.length).toBe(65);
    expect(toHexString(spki.publicKey)).toBe(hexOf(await webcrypto.subtle.exportKey('raw', main.subjectKeys.publicKey)));
    expect(toHexString(spki.raw)).toBe(hexOf(await webcrypto.subtle.exportKey('spki', main.subjectKeys.publicKey)));
    expect(main.der[spki.offset]).toBe(0x30);
    expect(main.der[spki.keyOffset]).toBe(0x03);
    expect(spki.keyOffset).toBeGreaterThan(spki.offset);
    // The decoded SPKI imports as the same key.
    const imported = await webcrypto.subtle.importKey('spki', spki.raw, EC_P256, true, ['verify']);
    expect(hexOf(await webcrypto.subtle.exportKey('raw', imported))).toBe(toHexString(spki.publicKey));
  });

  it('no unique identifiers', () => {
    expect(main.cert.issuerUniqueIdPresent).toBe(false);
    expect(main.cert.subjectUniqueIdPresent).toBe(false);
  });

  it('extensions: OIDs, names, critical flags in order', () => {
    expect(main.cert.extensions.map((e) => [e.oid, e.name, e.critical, e.criticalEncoded, e.error])).toEqual([
      ['2.5.29.15', 'keyUsage', true, true, undefined],
      ['2.5.29.19', 'basicConstraints', true, true, undefined],
      ['2.5.29.14', 'subjectKeyIdentifier', false, false, undefined],
      ['2.5.29.35', 'authorityKeyIdentifier', false, false, undefined],
      ['2.5.29.32', 'certificatePolicies', true, true, undefined],
      ['2.5.29.17', 'subjectAltName', true, true, undefined],
      ['2.5.29.37', 'extKeyUsage', false, false, undefined],
    ]);
  });

  it('extensions: raw values and offsets match @peculiar/x509', () => {
    expect(main.cert.extensions.length).toBe(main.peculiar.extensions.length);
    main.cert.extensions.forEach((e, i) => {
      const p = main.peculiar.extensions[i];
      expect(e.oid).toBe(p.type);
      expect(e.critical).toBe(p.critical);
      expect(toHexString(e.value)).toBe(hexOf(p.value));
      expect(main.der[e.offset]).toBe(0x30);
      expect(toHexString(main.der.subarray(e.valueOffset, e.valueOffset + e.value.length))).toBe(toHexString(e.value));
    });
  });

  it('keyUsage', () => {
    expect(extensionValue(main.cert, 'keyUsage')).toEqual({
      digitalSignature: true,
      nonRepudiation: false,
      keyEncipherment: false,
      dataEncipherment: false,
      keyAgreement: true,
      keyCertSign: false,
      cRLSign: false,
      encipherOnly: false,
      decipherOnly: false,
      names: ['digitalSignature', 'keyAgreement'],
    });
  });

  it('basicConstraints with pathLen', () => {
    expect(extensionValue(main.cert, 'basicConstraints')).toEqual({ cA: true, pathLenConstraint: 0 });
  });

  it('subjectKeyIdentifier and authorityKeyIdentifier', async () => {
    const ski = extensionValue(main.cert, 'subjectKeyIdentifier')!;
    const expectedSki = await x509.SubjectKeyIdentifierExtension.create(main.subjectKeys.publicKey);
    expect(toHexString(ski)).toBe(expectedSki.keyId);
    const aki = extensionValue(main.cert, 'authorityKeyIdentifier')!;
    const expectedAki = await x509.SubjectKeyIdentifierExtension.create(main.issuerKeys.publicKey);
    expect(toHexString(aki.keyIdentifier!)).toBe(expectedAki.keyId);
    expect(aki.hasAuthorityCertIssuer).toBe(false);
    expect(aki.authorityCertSerialNumber).toBeUndefined();
  });

  it('certificatePolicies', () => {
    const policies = extensionValue(main.cert, 'certificatePolicies')!;
    expect(policies.map((p) => [p.oid, p.hasQualifiers])).toEqual([[POLICY, false]]);
    expect(main.der[policies[0].offset]).toBe(0x30);
  });

  it('subjectAltName with otherName hardwareModuleName', () => {
    const san = extensionValue(main.cert, 'subjectAltName')!;
    expect(san.length).toBe(1);
    const gn = san[0];
    expect(gn.type).toBe('otherName');
    expect(gn.otherNameType).toBe(OID.hardwareModuleName);
    expect(gn.hardwareModuleName!.hwType).toBe(HW_TYPE);
    expect(toHexString(gn.hardwareModuleName!.hwSerialNum)).toBe(toHexString(EUI64));
    expect(gn.value).toBe(`hardwareModuleName ${HW_TYPE} ${toHexString(EUI64)}`);
    expect(main.der[gn.offset]).toBe(0xa0);
  });

  it('extKeyUsage', () => {
    expect(extensionValue(main.cert, 'extKeyUsage')).toEqual(['1.3.6.1.5.5.7.3.2']);
  });

  it('findExtension returns the extension, undefined when absent', () => {
    expect(findExtension(main.cert, 'basicConstraints')!.oid).toBe('2.5.29.19');
    expect(findExtension(later.cert, 'subjectAltName')).toBeUndefined();
    expect(extensionValue(later.cert, 'keyUsage')).toBeUndefined();
  });

  it('signatureValue and tbs: the signature verifies over the decoded tbs bytes', async () => {
    const cert = main.cert;
    // tbs is the first element of the outer SEQUENCE, byte for byte.
    const outer = parseDer(main.der).root!;
    const tbsNode = outer.children![0];
    expect(cert.tbs!.byteOffset - main.der.byteOffset).toBe(tbsNode.offset);
    expect(toHexString(cert.tbs!)).toBe(toHexString(main.der.subarray(tbsNode.offset, tbsNode.end)));
    // signatureValue is the BIT STRING content after the unused-bits octet: the end of the input.
    const sig = cert.signatureValue!;
    expect(toHexString(sig)).toBe(toHexString(main.der.subarray(main.der.length - sig.length)));
    expect(main.der[main.der.length - sig.length - 1]).toBe(0x00);
    const ok = await webcrypto.subtle.verify(ECDSA_SHA256, main.issuerKeys.publicKey, ecdsaDerToRaw(sig), cert.tbs!);
    expect(ok).toBe(true);
    // And it no longer verifies if one tbs byte changes.
    const changed = cert.tbs!.slice();
    changed[changed.length - 1] ^= 1;
    expect(await webcrypto.subtle.verify(ECDSA_SHA256, main.issuerKeys.publicKey, ecdsaDerToRaw(sig), changed)).toBe(false);
  });

  it('RSA: NULL parameters are "null", the key is not an EC point', () => {
    expect(rsa.cert.violations).toEqual([]);
    expect(rsa.cert.problems).toEqual([]);
    expect(rsa.cert.signatureAlgorithm).toMatchObject({ oid: '1.2.840.113549.1.1.11', parameters: 'null' });
    expect(rsa.cert.signature).toMatchObject({ oid: '1.2.840.113549.1.1.11', parameters: 'null' });
    expect(rsa.cert.signature!.parametersOid).toBeUndefined();
    expect(rsa.cert.subjectPublicKeyInfo!.algorithm).toMatchObject({ oid: OID.rsaEncryption, parameters: 'null' });
    expect(rsa.cert.subjectPublicKeyInfo!.pointFormat).toBe('unknown');
    expect(rsa.cert.extensions.map((e) => e.oid)).toEqual([OID.keyUsage]);
    expect(extensionValue(rsa.cert, 'keyUsage')!.names).toEqual(['keyCertSign']);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-built inputs (no signatures needed): every structural branch of the model.

const problemPaths = (c: Certificate) => c.problems.map((p) => p.path);
const indexOfBytes = (hay: Uint8Array, needle: Uint8Array, from = 0): number => {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  throw new Error('needle not found');
};
const decodeWithExtensions = (...exts: Uint8Array[]) => {
  const der = certificate(tbsCertificate({ extensions: exts }));
  return { der, cert: decodeCertificate(der) };
};
const onlyExt = (c: Certificate): Extension => {
  expect(c.extensions.length).toBe(1);
  return c.extensions[0];
};

describe('decodeCertificate: hand-built valid certificate', () => {
  it('the builder certificate decodes with no violations or problems', () => {
    const der = certificate();
    const c = decodeCertificate(der);
    expect(c.violations).toEqual([]);
    expect(c.problems).toEqual([]);
    expect(c.version).toBe(3);
    expect(c.serialNumber!.value).toBe(0x1234n);
    expect(c.validity!.notAfter).toMatchObject({ encoding: 'GeneralizedTime', text: '20991231235959Z', ms: Date.UTC(2099, 11, 31, 23, 59, 59) });
    expect(toHexString(c.signatureValue!)).toBe(toHexString(seq(int(1), int(2))));
    expect(toHexString(c.tbs!)).toBe(toHexString(tbsCertificate()));
  });

  it('version absent means v1; [0] 1 means v2', () => {
    expect(decodeCertificate(certificate(tbsCertificate({ version: null, extensions: null }))).version).toBe(1);
    expect(decodeCertificate(certificate(tbsCertificate({ version: ctx(0, int(1)), extensions: null }))).version).toBe(2);
  });

  it('AlgorithmIdentifier parameters: absent, NULL, OID', () => {
    const absent = decodeCertificate(certificate(tbsCertificate({ signature: algId('1.2.840.10045.4.3.2') })));
    expect(absent.signature!.parameters).toBe('absent');
    const nullParams = decodeCertificate(certificate(tbsCertificate({ signature: algId('1.2.840.10045.4.3.2', 'null') })));
    expect(nullParams.signature!.parameters).toBe('null');
    expect(toHexString(nullParams.signature!.raw)).toBe('300c06082a8648ce3d0403020500');
    const oidParams = decodeCertificate(certificate(tbsCertificate({ signature: algId('1.2.840.10045.4.3.2', '1.2.3') })));
    expect(oidParams.signature!.parameters).toBe('other');
    expect(oidParams.signature!.parametersOid).toBe('1.2.3');
  });

  it('issuerUniqueID [1] and subjectUniqueID [2] are noticed', () => {
    const tbs = tbsCertificate({ extensions: null });
    // Insert [1] and [2] (IMPLICIT BIT STRING) at the end of the tbs SEQUENCE.
    const inner = cat(parseTbsContent(tbs), ctxPrim(1, [0x00, 0xaa]), ctxPrim(2, [0x00, 0xbb]));
    const c = decodeCertificate(certificate(seq(inner)));
    expect(c.problems).toEqual([]);
    expect(c.issuerUniqueIdPresent).toBe(true);
    expect(c.subjectUniqueIdPresent).toBe(true);
  });

  it('multi-valued RDN and formatName', () => {
    const subject = seq(set(seq(oid('2.5.4.3'), utf8('A')), seq(oid('2.5.4.11'), utf8('B'))), set(seq(oid('1.2.3.4'), int(5))));
    const c = decodeCertificate(certificate(tbsCertificate({ subject })));
    expect(c.subject!.rdns.map((r) => r.attributes.map((a) => a.value))).toEqual([['A', 'B'], ['05']]);
    expect(c.subject!.rdns[1].attributes[0]).toMatchObject({ oid: '1.2.3.4', name: undefined, valueType: 'INTEGER', stringType: undefined });
    expect(formatName(c.subject)).toBe('CN=A + OU=B, 1.2.3.4=#020105');
    expect(formatName(undefined)).toBe('(unreadable)');
  });

  it('an empty Name decodes with no RDNs', () => {
    const c = decodeCertificate(certificate(tbsCertificate({ subject: seq() })));
    expect(c.problems).toEqual([]);
    expect(c.subject!.rdns).toEqual([]);
    expect(formatName(c.subject)).toBe('(empty)');
  });

  it('compressed and other point formats', () => {
    const spkiWith = (point: number[]) => seq(algId(OID.ecPublicKey, OID.prime256v1), bitString(point));
    const fmt = (point: number[]) => decodeCertificate(certificate(tbsCertificate({ spki: spkiWith(point) }))).subjectPublicKeyInfo!.pointFormat;
    expect(fmt([0x02, 1, 2])).toBe('compressed');
    expect(fmt([0x03, 1, 2])).toBe('compressed');
    expect(fmt([0x06, 1, 2])).toBe('hybrid');
    expect(fmt([0x07, 1, 2])).toBe('hybrid');
    expect(fmt([0x00])).toBe('infinity');
    expect(fmt([0x00, 1])).toBe('unknown');
    expect(fmt([0x05, 1])).toBe('unknown');
    expect(fmt([])).toBe('unknown');
  });
});

/** The content octets of a SEQUENCE built by the builder (short or long form length). */
function parseTbsContent(tbs: Uint8Array): Uint8Array {
  const r = parseDer(tbs).root!;
  return tbs.subarray(r.valueOffset, r.end);
}

describe('decodeCertificate: extension values', () => {
  it('keyUsage with every bit, including decipherOnly in the second octet', () => {
    const ext = onlyExt(decodeWithExtensions(extension(OID.keyUsage, hex('03 03 07 ff 80'), true)).cert);
    const ku = ext.parsed as { names: string[] };
    expect(ku.names).toEqual(['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly']);
  });

  it('keyUsage bits past the declared unused bits are ignored', () => {
    // 03 02 07 80: only bit 0 is in use.
    const ext = onlyExt(decodeWithExtensions(extension(OID.keyUsage, hex('03 02 07 80'))).cert);
    expect((ext.parsed as { names: string[] }).names).toEqual(['digitalSignature']);
    // 03 02 01 07: bit 7 (encipherOnly) is a padding bit, so it is not read (and is a DER violation).
    const { cert } = decodeWithExtensions(extension(OID.keyUsage, hex('03 02 01 07')));
    expect((onlyExt(cert).parsed as { names: string[] }).names).toEqual(['keyCertSign', 'cRLSign']);
    expect(cert.violations.map((v) => v.kind)).toEqual(['bitstring.padding']);
  });

  it('basicConstraints empty SEQUENCE is cA FALSE with no pathLen', () => {
    const ext = onlyExt(decodeWithExtensions(extension(OID.basicConstraints, seq())).cert);
    expect(ext.parsed).toEqual({ cA: false });
  });

  it('basicConstraints cA TRUE, pathLen 3', () => {
    const ext = onlyExt(decodeWithExtensions(extension(OID.basicConstraints, seq(bool(true), int(3)), true)).cert);
    expect(ext.parsed).toEqual({ cA: true, pathLenConstraint: 3 });
  });

  it('authorityKeyIdentifier with issuer and serial', () => {
    const aki = seq(ctxPrim(0, [1, 2, 3]), ctx(1, ctx(4, name(['2.5.4.3', utf8('CA')]))), ctxPrim(2, [0x05]));
    const ext = onlyExt(decodeWithExtensions(extension(OID.authorityKeyIdentifier, aki)).cert);
    const v = ext.parsed as { keyIdentifier: Uint8Array; hasAuthorityCertIssuer: boolean; authorityCertSerialNumber: Uint8Array };
    expect(toHexString(v.keyIdentifier)).toBe('010203');
    expect(v.hasAuthorityCertIssuer).toBe(true);
    expect(toHexString(v.authorityCertSerialNumber)).toBe('05');
  });

  it('certificatePolicies with qualifiers', () => {
    const cp = seq(seq(oid('1.2.3.4')), seq(oid('2.5.29.32.0'), seq(seq(oid('1.3.6.1.5.5.7.2.1'), ia5('http://x')))));
    const ext = onlyExt(decodeWithExtensions(extension(OID.certificatePolicies, cp)).cert);
    expect((ext.parsed as Array<{ oid: string; hasQualifiers: boolean }>).map((p) => [p.oid, p.hasQualifiers])).toEqual([
      ['1.2.3.4', false],
      ['2.5.29.32.0', true],
    ]);
  });

  it('subjectAltName with every simple GeneralName type', () => {
    const san = seq(
      ctxPrim(1, Array.from('a@b.c', (c) => c.charCodeAt(0))),
      ctxPrim(2, Array.from('host.example', (c) => c.charCodeAt(0))),
      ctx(4, name(['2.5.4.3', utf8('X')])),
      ctxPrim(6, Array.from('https://e/', (c) => c.charCodeAt(0))),
      ctxPrim(7, [10, 0, 0, 1]),
      tlv(0x88, [0x2a, 0x03]),
      tlv(0xa0, oid('1.3.6.1.4.1.311.20.2.3'), ctx(0, utf8('upn@x'))),
    );
    const ext = onlyExt(decodeWithExtensions(extension(OID.subjectAltName, san)).cert);
    expect(ext.error).toBeUndefined();
    expect((ext.parsed as GeneralName[]).map((g) => [g.type, g.value, g.otherNameType])).toEqual([
      ['rfc822Name', 'a@b.c', undefined],
      ['dNSName', 'host.example', undefined],
      ['directoryName', toHexString(name(['2.5.4.3', utf8('X')])), undefined],
      ['uniformResourceIdentifier', 'https://e/', undefined],
      ['iPAddress', '0a000001', undefined],
      ['registeredID', '1.2.3', undefined],
      ['otherName', '1.3.6.1.4.1.311.20.2.3', '1.3.6.1.4.1.311.20.2.3'],
    ]);
  });

  it('unknown extensions keep their raw value with no parsed value and no error', () => {
    const ext = onlyExt(decodeWithExtensions(extension('1.2.3.4.5', octets([1, 2]))).cert);
    expect([ext.oid, ext.name, ext.critical, ext.criticalEncoded, ext.parsed, ext.error]).toEqual(['1.2.3.4.5', undefined, false, false, undefined, undefined]);
    expect(toHexString(ext.value)).toBe('04020102');
  });

  it('DER violations inside an extension value carry absolute offsets', () => {
    const value = seq(tlv(0x01, [0x01])); // cA TRUE encoded as 0x01
    const { der, cert } = decodeWithExtensions(extension(OID.basicConstraints, value, true));
    const at = indexOfBytes(der, value);
    expect(cert.violations.map((v) => [v.kind, v.offset])).toEqual([['boolean.invalid', at + 2]]);
    expect(onlyExt(cert).valueOffset).toBe(at);
    expect(onlyExt(cert).parsed).toEqual({ cA: true });
  });

  it('trailing bytes inside an extension value are reported at their absolute offset', () => {
    const value = cat(seq(), [0x00]);
    const { der, cert } = decodeWithExtensions(extension(OID.basicConstraints, value));
    expect(cert.violations.map((v) => [v.kind, v.offset])).toEqual([['trailing-bytes', indexOfBytes(der, value) + 2]]);
  });
});

describe('decodeCertificate: undecodable extension values set ext.error and do not throw', () => {
  const cases: Array<[string, string, Uint8Array, RegExp]> = [
    ['keyUsage as OCTET STRING', OID.keyUsage, octets([1]), /keyUsage is not a BIT STRING/],
    ['keyUsage empty BIT STRING', OID.keyUsage, hex('03 00'), /empty/],
    ['basicConstraints as INTEGER', OID.basicConstraints, int(1), /not a SEQUENCE/],
    ['basicConstraints with an extra element', OID.basicConstraints, seq(bool(true), int(1), int(2)), /unexpected element/],
    ['subjectKeyIdentifier as SEQUENCE', OID.subjectKeyIdentifier, seq(), /not an OCTET STRING/],
    ['subjectKeyIdentifier constructed', OID.subjectKeyIdentifier, hex('24 03 04 01 00'), /not an OCTET STRING/],
    ['authorityKeyIdentifier out of order', OID.authorityKeyIdentifier, seq(ctxPrim(2, [1]), ctxPrim(0, [1])), /unexpected element/],
    ['authorityKeyIdentifier constructed [0]', OID.authorityKeyIdentifier, seq(ctx(0, octets([1]))), /must be primitive/],
    ['authorityKeyIdentifier as OCTET STRING', OID.authorityKeyIdentifier, octets([1]), /not a SEQUENCE/],
    ['certificatePolicies without OID', OID.certificatePolicies, seq(seq(int(1))), /PolicyInformation/],
    ['certificatePolicies as SET', OID.certificatePolicies, set(), /not a SEQUENCE/],
    ['subjectAltName with a universal tag', OID.subjectAltName, seq(utf8('x')), /unknown tag/],
    ['subjectAltName otherName without [0]', OID.subjectAltName, seq(tlv(0xa0, oid('1.2.3'))), /otherName/],
    ['subjectAltName bad hardwareModuleName', OID.subjectAltName, seq(tlv(0xa0, oid(OID.hardwareModuleName), ctx(0, seq(oid('1.2.3'))))), /hardwareModuleName/],
    ['subjectAltName hardwareModuleName serial as INTEGER', OID.subjectAltName, seq(tlv(0xa0, oid(OID.hardwareModuleName), ctx(0, seq(oid('1.2.3'), int(5))))), /hardwareModuleName/],
    ['extKeyUsage with an INTEGER', OID.extKeyUsage, seq(oid('1.3.6.1.5.5.7.3.2'), int(1)), /non-OID/],
    ['extKeyUsage as OID', OID.extKeyUsage, oid('1.3.6.1.5.5.7.3.2'), /not a SEQUENCE/],
    ['truncated value', OID.basicConstraints, hex('30 05 01 01 ff'), /not a complete DER element/],
    ['empty value', OID.keyUsage, new Uint8Array(0), /not a complete DER element/],
  ];

  it.each(cases)('%s', (_label, extOid, value, error) => {
    const c = decodeWithExtensions(extension(extOid, value, true)).cert;
    const ext = onlyExt(c);
    expect(ext.error).toMatch(error);
    expect(ext.parsed).toBeUndefined();
    expect(ext.critical).toBe(true);
    expect(c.problems).toEqual([]);
  });

  it('the truncated value also reports a truncated violation at its absolute offset', () => {
    const value = hex('30 05 01 01 ff');
    const { der, cert } = decodeWithExtensions(extension(OID.basicConstraints, value, true));
    expect(cert.violations.map((v) => [v.kind, v.offset])).toEqual([['truncated', indexOfBytes(der, value)]]);
  });
});

describe('decodeCertificate: malformed structure gives problems with paths and offsets', () => {
  it('empty input', () => {
    const c = decodeCertificate(new Uint8Array(0));
    expect(c.problems).toEqual([{ path: 'certificate', offset: 0, message: expect.any(String) }]);
    expect(c.violations.map((v) => v.kind)).toEqual(['truncated']);
    expect(c.extensions).toEqual([]);
  });

  it('not a SEQUENCE', () => {
    const c = decodeCertificate(int(5));
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['certificate', 0]]);
    expect(c.tbs).toBeUndefined();
  });

  it('a primitive SEQUENCE at the root', () => {
    const c = decodeCertificate(hex('10 00'));
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['certificate', 0]]);
    expect(c.violations.map((v) => v.kind)).toEqual(['form']);
  });

  it('empty certificate SEQUENCE: tbs, signatureAlgorithm and signatureValue missing at its end', () => {
    const c = decodeCertificate(seq());
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([
      ['tbsCertificate', 2],
      ['signatureAlgorithm', 2],
      ['signatureValue', 2],
    ]);
  });

  it('missing signatureValue', () => {
    const der = seq(tbsCertificate(), algId('1.2.840.10045.4.3.2'));
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['signatureValue', der.length]]);
    expect(c.signatureValue).toBeUndefined();
    expect(c.signatureAlgorithm!.oid).toBe(OID.ecdsaWithSha256);
  });

  it('signatureValue of the wrong type', () => {
    const der = seq(tbsCertificate(), algId('1.2.840.10045.4.3.2'), octets([0, 1]));
    const c = decodeCertificate(der);
    const sigOffset = der.length - 4;
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['signatureValue', sigOffset]]);
    expect(c.problems[0].message).toMatch(/OCTET STRING/);
  });

  it('a fourth element in the certificate', () => {
    const der = certificate(undefined, [int(9)]);
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['certificate', der.length - 3]]);
  });

  it('tbsCertificate not a SEQUENCE', () => {
    const der = seq(int(1), algId('1.2.840.10045.4.3.2'), bitString([1]));
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate', 2]]);
  });

  it('serialNumber of the wrong type', () => {
    const serial = octets([0x12, 0x34]);
    const der = certificate(tbsCertificate({ serial }));
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.serialNumber', indexOfBytes(der, serial)]]);
    expect(c.serialNumber).toBeUndefined();
    // The rest is still decoded.
    expect(c.subject!.rdns[0].attributes[0].value).toBe('Subject');
    expect(c.extensions.length).toBe(1);
  });

  it('version [0] not holding an INTEGER', () => {
    const version = ctx(0, octets([2]));
    const der = certificate(tbsCertificate({ version }));
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.version', indexOfBytes(der, version)]]);
  });

  it('a version INTEGER too long to read leaves version undefined (not NaN)', () => {
    const c = decodeCertificate(certificate(tbsCertificate({ version: ctx(0, tlv(0x02, [0x01, 0, 0, 0, 0, 0, 0])) })));
    expect(c.version).toBeUndefined();
  });

  it('signature algorithm with three elements, or without an OID', () => {
    const three = seq(oid('1.2.840.10045.4.3.2'), nul(), nul());
    const der = certificate(tbsCertificate({ signature: three }));
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.signature', indexOfBytes(der, three) + 14]]);
    const noOid = seq(int(1));
    const der2 = certificate(tbsCertificate({ signature: noOid }));
    expect(decodeCertificate(der2).problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.signature.algorithm', indexOfBytes(der2, noOid) + 2]]);
  });

  it('missing subject shifts SPKI into its place: problems name both fields', () => {
    const der = certificate(tbsCertificate({ subject: null, extensions: null }));
    const c = decodeCertificate(der);
    expect(problemPaths(c)).toEqual(['tbsCertificate.subject.rdn[0]', 'tbsCertificate.subject.rdn[1]', 'tbsCertificate.subjectPublicKeyInfo']);
    const tbsNode = parseDer(der).root!.children![0];
    expect(c.problems[2].offset).toBe(tbsNode.end);
    expect(c.subjectPublicKeyInfo).toBeUndefined();
  });

  it('issuer RDN that is not a SET; attribute without a value; empty RDN', () => {
    const issuer = seq(seq(seq(oid('2.5.4.3'), utf8('x'))), set(seq(oid('2.5.4.3'))), set());
    const der = certificate(tbsCertificate({ issuer }));
    const c = decodeCertificate(der);
    const at = indexOfBytes(der, issuer);
    const rdn1 = at + 2 + 12;
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([
      ['tbsCertificate.issuer.rdn[0]', at + 2],
      ['tbsCertificate.issuer.rdn[1]', rdn1 + 2],
      ['tbsCertificate.issuer.rdn[1]', rdn1],
      ['tbsCertificate.issuer.rdn[2]', rdn1 + 9],
    ]);
    // The RDN that is not a SET is left out, with no hole where it was; the empty ones stay.
    expect(c.issuer!.rdns.map((r) => [r.offset, r.attributes.length])).toEqual([
      [rdn1, 0],
      [rdn1 + 9, 0],
    ]);
    expect(Object.keys(c.issuer!.rdns)).toEqual(['0', '1']);
  });

  it('attribute type that is not an OID', () => {
    const subject = seq(set(seq(int(3), utf8('x'))));
    const der = certificate(tbsCertificate({ subject }));
    const c = decodeCertificate(der);
    const at = indexOfBytes(der, subject);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([
      ['tbsCertificate.subject.rdn[0].type', at + 6],
      ['tbsCertificate.subject.rdn[0]', at + 2],
    ]);
  });

  it('validity: notAfter not a time, notBefore unreadable', () => {
    const validity = seq(utcTime('garbage-time'), int(5));
    const der = certificate(tbsCertificate({ validity }));
    const c = decodeCertificate(der);
    const at = indexOfBytes(der, validity);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([
      ['tbsCertificate.validity.notBefore', at + 2],
      ['tbsCertificate.validity.notAfter', at + 16],
    ]);
    expect(c.validity!.notBefore!.ms).toBeNull();
    expect(c.validity!.notAfter).toBeUndefined();
    expect(c.violations.map((v) => [v.kind, v.offset])).toEqual([['time.utc-format', at + 2]]);
  });

  it('validity: notAfter missing, constructed time', () => {
    const validity = seq(tlv(0x37, utcTime('240101000000Z')));
    const der = certificate(tbsCertificate({ validity }));
    const c = decodeCertificate(der);
    const at = indexOfBytes(der, validity);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([
      ['tbsCertificate.validity.notBefore', at + 2],
      ['tbsCertificate.validity.notAfter', at + validity.length],
    ]);
  });

  it('validity in BER forms still yields times (lenient), with DER violations', () => {
    const validity = seq(utcTime('2401010000Z'), genTime('20991231235959.5Z'));
    const der = certificate(tbsCertificate({ validity }));
    const c = decodeCertificate(der);
    expect(c.problems).toEqual([]);
    expect(c.validity!.notBefore!.ms).toBe(Date.UTC(2024, 0, 1));
    expect(c.validity!.notAfter!.ms).toBe(Date.UTC(2099, 11, 31, 23, 59, 59, 500));
    expect(c.violations.map((v) => v.kind)).toEqual(['time.utc-format', 'time.generalized-format']);
  });

  it('SPKI without the key BIT STRING', () => {
    const spki = seq(algId(OID.ecPublicKey, OID.prime256v1));
    const der = certificate(tbsCertificate({ spki }));
    const c = decodeCertificate(der);
    const at = indexOfBytes(der, spki);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.subjectPublicKeyInfo.subjectPublicKey', at + spki.length]]);
    expect(c.subjectPublicKeyInfo).toBeUndefined();
  });

  it('empty extensions SEQUENCE is a problem', () => {
    const der = certificate(tbsCertificate({ extensions: [] }));
    const c = decodeCertificate(der);
    const at = indexOfBytes(der, hex('a3 02 30 00'));
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.extensions', at + 2]]);
    expect(c.extensions).toEqual([]);
  });

  it('extensions [3] not holding a SEQUENCE', () => {
    const raw = ctx(3, set());
    const der = certificate(tbsCertificate({ extensionsRaw: raw }));
    const c = decodeCertificate(der);
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate.extensions', indexOfBytes(der, raw) + 2]]);
  });

  it('an extension that is not a SEQUENCE, one without an OID and one without a value', () => {
    const bad1 = int(1);
    const bad2 = seq(int(1), octets([]));
    const bad3 = seq(oid('2.5.29.15'), bool(true));
    const good = extension(OID.basicConstraints, seq(), true);
    const { der, cert } = decodeWithExtensions(bad1, bad2, bad3, good);
    const a1 = indexOfBytes(der, bad1, indexOfBytes(der, hex('a3')));
    const a2 = a1 + bad1.length;
    const a3 = a2 + bad2.length;
    expect(cert.problems.map((p) => [p.path, p.offset])).toEqual([
      ['tbsCertificate.extensions', a1],
      ['tbsCertificate.extensions.extnID', a2 + 2],
      ['tbsCertificate.extensions.extnValue', a3 + bad3.length],
    ]);
    expect(cert.extensions.map((e) => e.oid)).toEqual([OID.basicConstraints]);
  });

  it('an unexpected element after the extensions', () => {
    const tbs = seq(parseTbsContent(tbsCertificate()), int(7));
    const der = certificate(tbs);
    const c = decodeCertificate(der);
    const certHeader = parseDer(der).root!.headerLength;
    expect(c.problems.map((p) => [p.path, p.offset])).toEqual([['tbsCertificate', certHeader + tbs.length - 3]]);
  });

  it('trailing bytes after the certificate: violation, der keeps them, model intact', () => {
    const der = cat(certificate(), [0x00, 0x00]);
    const c = decodeCertificate(der);
    expect(c.violations.map((v) => [v.kind, v.offset])).toEqual([['trailing-bytes', der.length - 2]]);
    expect(c.der.length).toBe(der.length);
    expect(c.problems).toEqual([]);
    expect(c.version).toBe(3);
  });

  it('every problem has a path, an in-range offset and a message', () => {
    const inputs = [
      seq(),
      certificate(tbsCertificate({ subject: null })),
      certificate(tbsCertificate({ extensions: [] })),
      certificate(tbsCertificate({ validity: seq(int(1), int(2)) })),
      seq(tbsCertificate({ serial: null, signature: null })),
    ];
    for (const der of inputs) {
      const c = decodeCertificate(der);
      expect(c.problems.length).toBeGreaterThan(0);
      for (const p of c.problems) {
        expect(p.path).toMatch(/^(certificate|tbsCertificate|signatureAlgorithm|signatureValue)/);
        expect(p.offset).toBeGreaterThanOrEqual(0);
        expect(p.offset).toBeLessThanOrEqual(der.length);
        expect(p.message.length).toBeGreaterThan(5);
      }
    }
  });

  it('a truncated certificate still gives a partial model and a truncated violation', () => {
    const full = certificate();
    const cut = full.subarray(0, full.length - 5);
    const c = decodeCertificate(cut);
    expect(c.violations.map((v) => [v.kind, v.offset])).toEqual([['truncated', 0]]);
    expect(c.version).toBe(3);
    expect(c.subject!.rdns[0].attributes[0].value).toBe('Subject');
  });
});

describe('bytes after an extension value', () => {
  it('are reported as inside that extension, at their offset, not as following the certificate', () => {
    const key = Uint8Array.of(0x40, 1, 2, 3, 4, 5, 6, 7);
    const der = certificate(tbsCertificate({ extensions: [extension(OID.subjectKeyIdentifier, cat(octets(key), [0x00, 0x00]))] }));
    const cert = decodeCertificate(der);
    const ski = findExtension(cert, 'subjectKeyIdentifier')!;
    expect(cert.violations.map((v) => [v.kind, v.offset])).toEqual([['trailing-bytes', ski.valueOffset + 10]]);
    expect(cert.violations[0].message).toBe(`2 byte(s) follow the end of the subjectKeyIdentifier extension's value at offset ${ski.valueOffset + 10}; an extnValue OCTET STRING holds exactly one DER encoding`);
    // The value before them still decodes.
    expect(extensionValue(cert, 'subjectKeyIdentifier')).toEqual(key);
  });
});
