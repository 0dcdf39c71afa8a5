export type CertificateKind = 'organisation' | 'device' | 'issuing-oca' | 'root' | 'device-ca' | 'unknown';

export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['organisation', 'device', 'issuing-oca', 'root', 'device-ca', 'unknown'];

/** A kind that has an SMKI profile: every kind but 'unknown'. */
export type SmkiKind = Exclude<CertificateKind, 'unknown'>;

/** Every SMKI kind: the kinds that have a profile ('unknown' has none). */
export const SMKI_KINDS: readonly SmkiKind[] = ['organisation', 'device', 'issuing-oca', 'root', 'device-ca'];

export const KIND_TITLES: Record<CertificateKind, string> = {
  organisation: 'Organisation Certificate',
  device: 'Device Certificate',
  'issuing-oca': 'Issuing OCA Certificate',
  root: 'Root OCA Certificate',
  'device-ca': 'Device CA Certificate',
  unknown: 'unknown kind',
};

export function isCaKind(kind: CertificateKind): boolean {
  return kind === 'root' || kind === 'issuing-oca' || kind === 'device-ca';
}

/** What a certification request asks for, by the kind of certificate requested. */
export const REQUEST_KIND_TITLES: Record<CertificateKind, string> = {
  organisation: 'Organisation CSR',
  device: 'Device CSR',
  'issuing-oca': 'Issuing OCA CSR',
  root: 'Root OCA CSR',
  'device-ca': 'Device CA CSR',
  unknown: 'CSR of unknown kind',
};

/** "Organisation Certificate", "Device CSR": a document of a kind, for messages and headers. */
export function documentTitle(document: 'certificate' | 'csr', kind: CertificateKind): string {
  return document === 'csr' ? REQUEST_KIND_TITLES[kind] : KIND_TITLES[kind];
}
