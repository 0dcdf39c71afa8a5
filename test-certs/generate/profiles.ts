import type { Built, CertParts } from './certificate.js';
import { contextConstructed, generalizedTime, integer, oid, printableString, seq, tlv, utcTime } from './der-writer.js';
import type { Ext, KeyUsageName } from './extensions.js';
import {
  authorityKeyIdentifier,
  caBasicConstraints,
  certificatePolicies,
  hardwareModuleName,
  keyUsage,
  subjectAltName,
  subjectKeyIdentifier,
} from './extensions.js';
import type { KeyPair } from './keys.js';
import { keyIdMethod2, p256Key, serialContent, subjectPublicKeyInfo } from './keys.js';
import { caName, cn, name, organisationName, rdn } from './names.js';
import { OIDS } from './oids.js';
import type { RequestParts } from './request.js';
import { V1 } from './request.js';

// The field-by-field profiles of spec sections 3 and 4, shaped like the reference certificates.

export const V3 = contextConstructed(0, integer(2n));
export const ECDSA_SHA256 = seq(oid(OIDS.ecdsaWithSha256));

/** Validity periods. CAs start early enough to contain every sample, devices end in 9999. */
export const VALIDITY = {
  ca: seq(utcTime('190101000000Z'), utcTime('481231235959Z')),
  caOpenEnded: seq(utcTime('190101000000Z'), generalizedTime('99991231235959Z')),
  organisation: seq(utcTime('250101000000Z'), utcTime('341231235959Z')),
  device: seq(utcTime('250101000000Z'), generalizedTime('99991231235959Z')),
};

export const serialFor = (label: string) => tlv(0x02, serialContent(label));

/** Sample EUI-64s: 90-B3-D5-1F-30-01-00-xx for organisations, ...-02-00-xx for devices. */
export const orgEui = (n: number) => Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x30, 0x01, 0x00, n);
export const deviceEui = (n: number) => Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x30, 0x02, 0x00, n);

export type Usage = 'ds' | 'ka';
export const USAGE_BITS: Record<Usage, KeyUsageName[]> = { ds: ['digitalSignature'], ka: ['keyAgreement'] };

function base(label: string, subject: Uint8Array, key: KeyPair, issuer: Built | 'self', validity: Uint8Array): CertParts {
  return {
    version: V3,
    serial: serialFor(label),
    signature: ECDSA_SHA256,
    issuer: issuer === 'self' ? subject : issuer.subject,
    validity,
    subject,
    spki: subjectPublicKeyInfo(key),
    uniqueIds: [],
    extensions: [],
    signatureAlgorithm: ECDSA_SHA256,
    subjectKey: key,
    signer: issuer === 'self' ? key : issuer.key,
  };
}

export interface CaOptions {
  label: string;
  subject: Uint8Array;
  /** The issuing certificate, or 'self' for a root. */
  issuer: Built | 'self';
  /** null: cA TRUE without pathLenConstraint (a root). */
  pathLen: number | null;
  validity?: Uint8Array;
}

/** Root OCA, Issuing OCA and Device CA: KU, BC, CP, SKI[, AKI] as the reference Issuing OCA. */
export function caCertificate(o: CaOptions): CertParts {
  const key = p256Key(o.label);
  const parts = base(o.label, o.subject, key, o.issuer, o.validity ?? VALIDITY.ca);
  parts.extensions = [
    keyUsage(['keyCertSign', 'cRLSign']),
    caBasicConstraints(o.pathLen),
    certificatePolicies([OIDS.policyOrganisation]),
    subjectKeyIdentifier(keyIdMethod2(key)),
  ];
  if (o.issuer !== 'self') parts.extensions.push(authorityKeyIdentifier(o.issuer.keyId));
  return parts;
}

export function rootOca(label: string, commonName: string, role: string | null = '00'): CertParts {
  return caCertificate({ label, subject: caName(role, commonName), issuer: 'self', pathLen: null, validity: VALIDITY.caOpenEnded });
}

export function issuingOca(label: string, commonName: string, root: Built): CertParts {
  return caCertificate({ label, subject: caName('07', commonName), issuer: root, pathLen: 0 });
}

/**
 * No Device CA profile is published: shaped like the Issuing OCA, named like the reference's. It
 * ends in 2048, so the Device Certificates it issues (notAfter 9999) outlive it, as GBCS has them.
 */
export function deviceCa(label: string, commonName: string, root: Built): CertParts {
  return caCertificate({ label, subject: name(rdn(cn(printableString(commonName)))), issuer: root, pathLen: 0 });
}

export interface OrganisationOptions {
  label: string;
  role: string;
  usage: Usage;
  eui: Uint8Array;
  issuer: Built;
  commonName?: string;
}

/** Organisation certificate: extensions KU, SKI, CP, AKI as the reference supplier certificates. */
export function organisation(o: OrganisationOptions): CertParts {
  const key = p256Key(o.label);
  const subject = organisationName({ commonName: o.commonName, role: o.role, eui: o.eui });
  const parts = base(o.label, subject, key, o.issuer, VALIDITY.organisation);
  parts.extensions = [
    keyUsage(USAGE_BITS[o.usage]),
    subjectKeyIdentifier(keyIdMethod2(key)),
    certificatePolicies([OIDS.policyOrganisation]),
    authorityKeyIdentifier(o.issuer.keyId),
  ];
  return parts;
}

export interface DeviceOptions {
  label: string;
  usage: Usage;
  hwSerialNum: Uint8Array;
  issuer: Built;
  policy?: string;
}

/**
 * Device certificate: empty subject, 9999 notAfter; KU, SKI, SAN, CP, AKI as the reference.
 * The policy defaults to 1.2.826.0.1.8641679.1.2.1.4, accepted for devices and held by the Device
 * CA, so the valid chain is policy-consistent; the other device OID is a defect sample.
 */
export function device(o: DeviceOptions): CertParts {
  const key = p256Key(o.label);
  const parts = base(o.label, name(), key, o.issuer, VALIDITY.device);
  parts.extensions = [
    keyUsage(USAGE_BITS[o.usage]),
    subjectKeyIdentifier(keyIdMethod2(key)),
    subjectAltName([hardwareModuleName(o.hwSerialNum)]),
    certificatePolicies([o.policy ?? OIDS.policyOrganisation]),
    authorityKeyIdentifier(o.issuer.keyId),
  ];
  return parts;
}

export interface OrganisationRequestOptions {
  label: string;
  role: string;
  usage: Usage;
  eui: Uint8Array;
  commonName?: string;
}

/** Organisation CSR (SEC Appendix M, Appendix F): the certificate's subject and key, keyUsage requested. */
export function organisationRequest(o: OrganisationRequestOptions): RequestParts {
  const key = p256Key(o.label);
  return requestBase(organisationName({ commonName: o.commonName, role: o.role, eui: o.eui }), key, [keyUsage(USAGE_BITS[o.usage])]);
}

/** Device CSR: empty subject, keyUsage and the critical subjectAltName hardwareModuleName requested. */
export function deviceRequest(o: { label: string; usage: Usage; hwSerialNum: Uint8Array }): RequestParts {
  const key = p256Key(o.label);
  return requestBase(name(), key, [keyUsage(USAGE_BITS[o.usage]), subjectAltName([hardwareModuleName(o.hwSerialNum)])]);
}

function requestBase(subject: Uint8Array, key: KeyPair, extensions: Ext[]): RequestParts {
  return { version: V1, subject, spki: subjectPublicKeyInfo(key), extensions, extraAttributes: [], signatureAlgorithm: ECDSA_SHA256, signer: key };
}
