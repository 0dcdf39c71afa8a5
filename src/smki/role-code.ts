import type { RoleDefinition, RoleTable } from './roles.js';

/** What an OU value says as a Remote Party Role Code. */
export interface RoleReading {
  /** The OU value as encoded. */
  ou: string;
  /** 'assigned' | 'reserved' from the table; 'unknown' when well formed but not in it; 'malformed' otherwise. */
  status: 'assigned' | 'reserved' | 'unknown' | 'malformed';
  /** The code, when the OU is exactly two hex characters. */
  code?: number;
  /** Upper-case two-character hex form of the code. */
  hex?: string;
  lowercase: boolean;
  role?: RoleDefinition;
  /** For a malformed OU made of decimal digits (e.g. "135"): the code it would be in decimal. */
  decimal?: { code: number; hex: string; role?: RoleDefinition };
}

const HEX2 = /^[0-9A-Fa-f]{2}$/;
const DECIMAL = /^[0-9]{1,3}$/;

export function readRoleCode(ou: string, table: RoleTable): RoleReading {
  if (HEX2.test(ou)) {
    const code = parseInt(ou, 16);
    const role = table.get(code);
    return {
      ou,
      status: role ? role.status : 'unknown',
      code,
      hex: ou.toUpperCase(),
      lowercase: ou !== ou.toUpperCase(),
      role,
    };
  }
  const reading: RoleReading = { ou, status: 'malformed', lowercase: false };
  if (DECIMAL.test(ou) && Number(ou) <= 255) {
    const code = Number(ou);
    reading.decimal = { code, hex: code.toString(16).toUpperCase().padStart(2, '0'), role: table.get(code) };
  }
  return reading;
}
