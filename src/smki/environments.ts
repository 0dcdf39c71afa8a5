import type { CertificateKind } from './kinds.js';

/** The policy OIDs an environment's certificates carry, per kind (GBCS: "the OID applicable to the environment"). */
export interface Environment {
  name: string;
  description: string;
  policies: Record<CertificateKind, readonly string[]>;
}

const TEST_ORGANISATION_POLICY = '1.2.826.0.1.8641679.1.2.1.4';
const TEST_DEVICE_POLICIES = ['1.2.826.0.1.1800000.1.2.1.4', '1.2.826.0.1.8641679.1.2.1.4'];

/** DCC's test PKI as seen in its public test data; production OIDs are configuration. */
export const TEST_ENVIRONMENT: Environment = {
  name: 'test',
  description: "DCC's test SMKI PKI (policy OIDs seen in its public test data)",
  policies: {
    organisation: [TEST_ORGANISATION_POLICY],
    'issuing-oca': [TEST_ORGANISATION_POLICY],
    root: [TEST_ORGANISATION_POLICY],
    device: TEST_DEVICE_POLICIES,
    'device-ca': TEST_DEVICE_POLICIES,
    unknown: [TEST_ORGANISATION_POLICY, ...TEST_DEVICE_POLICIES.slice(0, 1)],
  },
};

export const DEFAULT_ENVIRONMENTS: readonly Environment[] = [TEST_ENVIRONMENT];
