import { NOVEMBER_2020_RELEASE, NOVEMBER_2020_RELEASE_NOTE } from './sec-releases.js';

/**
 * Remote Party Role Codes: the data every role rule reads. In a certificate the code is the
 * subject OU as exactly two hex characters; the SMKI Repository interface writes it in decimal.
 */
export type RoleStatus = 'assigned' | 'reserved';

/** Key usages an SMKI certificate of a role carries: one of DS/KA for end entities, CA for authorities. */
export type RoleKeyUsage = 'digitalSignature' | 'keyAgreement' | 'ca';

export interface RoleDefinition {
  /** 0..255 */
  code: number;
  /** The subject OU form: two upper-case hex characters. */
  hex: string;
  /** The decimal form the SMKI Repository interface (SEC Appendix O) uses. */
  repositoryCode: string;
  /** Short identifier, e.g. "xmlSigning". */
  name: string;
  /** What the role is, for people. */
  title: string;
  definedBy: string;
  status: RoleStatus;
  /** May hold an end-entity (Organisation) certificate. */
  endEntity: boolean;
  /** Key usages seen in practice; a mismatch is a warning, not an error. */
  keyUsages: RoleKeyUsage[];
  /**
   * Whether the Subject X520 Common Name may be populated: the OCP rule as the BEIS consultation of
   * 23 October 2020 describes it (para 2.11, corrected for the November 2020 SEC Release).
   */
  commonNamePermitted: boolean;
  /** ISO date from which the role is in force, where known (for 135, the date BEIS proposed). */
  inForceFrom?: string;
  notes?: string;
}

const role = (code: number, rest: Omit<RoleDefinition, 'code' | 'hex' | 'repositoryCode'>): RoleDefinition => ({
  code,
  hex: code.toString(16).toUpperCase().padStart(2, '0'),
  repositoryCode: String(code),
  ...rest,
});

const GBCS = 'GBCS';
const SECTION_L = 'SEC Section L Annex A';

export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  role(0, { name: 'root', title: 'Root OCA', definedBy: GBCS, status: 'assigned', endEntity: false, keyUsages: ['ca'], commonNamePermitted: true }),
  role(1, { name: 'recovery', title: 'Recovery', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature'], commonNamePermitted: false }),
  role(2, { name: 'supplier', title: 'Supplier', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature', 'keyAgreement'], commonNamePermitted: true, notes: 'suppliers also hold a separate prepayment top-up keyAgreement certificate' }),
  role(3, { name: 'networkOperator', title: 'Network Operator', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature', 'keyAgreement'], commonNamePermitted: false }),
  role(4, { name: 'accessControlBroker', title: 'Access Control Broker', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature', 'keyAgreement'], commonNamePermitted: false }),
  role(5, { name: 'transitionalCoS', title: 'Transitional Change of Supplier', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature'], commonNamePermitted: false }),
  role(6, { name: 'wanProvider', title: 'WAN Provider', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature'], commonNamePermitted: false }),
  role(7, { name: 'issuingAuthority', title: 'Issuing OCA', definedBy: GBCS, status: 'assigned', endEntity: false, keyUsages: ['ca'], commonNamePermitted: true }),
  role(8, { name: 'loadController', title: 'Load Controller', definedBy: 'GBCS (later versions)', status: 'assigned', endEntity: true, keyUsages: ['digitalSignature', 'keyAgreement'], commonNamePermitted: false, notes: 'in DUIS 5.x schemas and the 2023 DCC test PKI; absent from older GBCS enumerations' }),
  role(127, { name: 'other', title: 'Other', definedBy: GBCS, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature', 'keyAgreement'], commonNamePermitted: false }),
  role(134, { name: 'centralisedSwitchingService', title: 'Reserved for the Centralised Switching Service', definedBy: SECTION_L, status: 'reserved', endEntity: false, keyUsages: [], commonNamePermitted: false, notes: 'the June 2020 OCP draft wrote "86" where XML signing (0x87 = 135) was meant; corrected in the November 2020 SEC Release' }),
  role(135, { name: 'xmlSigning', title: 'XML signing (User XML signing, DUIS)', definedBy: SECTION_L, status: 'assigned', endEntity: true, keyUsages: ['digitalSignature'], commonNamePermitted: true, inForceFrom: NOVEMBER_2020_RELEASE, notes: `SEC Section L3.18; ${NOVEMBER_2020_RELEASE} is ${NOVEMBER_2020_RELEASE_NOTE}` }),
  role(137, { name: 'dspXmlSigning', title: "DSP XML signing (DCC's signature on DUIS responses)", definedBy: 'SEC (DCC usage)', status: 'assigned', endEntity: true, keyUsages: ['digitalSignature'], commonNamePermitted: false }),
];

/** A lookup over a role table (the default one, or one a configuration extends). */
export class RoleTable {
  private readonly byCode = new Map<number, RoleDefinition>();

  constructor(readonly roles: readonly RoleDefinition[] = DEFAULT_ROLES) {
    for (const r of roles) this.byCode.set(r.code, r);
  }

  get(code: number): RoleDefinition | undefined {
    return this.byCode.get(code);
  }

  /** Hex OU values of the roles that may populate the subject CN, e.g. ["02", "87"]. */
  commonNameRoles(): string[] {
    return this.roles.filter((r) => r.commonNamePermitted && r.endEntity).map((r) => r.hex);
  }

  /** A copy with roles added or replaced by code. */
  extend(extra: readonly RoleDefinition[]): RoleTable {
    const merged = new Map(this.byCode);
    for (const r of extra) merged.set(r.code, r);
    return new RoleTable([...merged.values()].sort((a, b) => a.code - b.code));
  }
}

export const DEFAULT_ROLE_TABLE = new RoleTable();

export function roleLabel(r: RoleDefinition): string {
  return `0x${r.hex} = ${r.code} (${r.name})`;
}
