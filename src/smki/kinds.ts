export type CertificateKind = 'organisation' | 'device' | 'issuing-oca' | 'root' | 'device-ca' | 'unknown';

export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['organisation', 'device', 'issuing-oca', 'root', 'device-ca', 'unknown'];

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
