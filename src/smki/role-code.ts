import { HEX_UPPER } from '../der/index.js';
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

const DECIMAL = /^[0-9]{1,3}$/;

export function readRoleCode(ou: string, table: RoleTable): RoleReading {
  // Read by hand, not with a pattern and parseInt: every certificate's view and several rules ask.
  const code = ou.length === 2 ? hexDigit(ou.charCodeAt(0)) * 16 + hexDigit(ou.charCodeAt(1)) : -1;
  if (code >= 0) {
    const role = table.get(code);
    const hex = HEX_UPPER[code];
    return {
      ou,
      status: role ? role.status : 'unknown',
      code,
      hex,
      lowercase: ou !== hex,
      role,
    };
  }
  const reading: RoleReading = { ou, status: 'malformed', lowercase: false };
  if (DECIMAL.test(ou) && Number(ou) <= 255) {
    const code = Number(ou);
    reading.decimal = { code, hex: HEX_UPPER[code], role: table.get(code) };
  }
  return reading;
}

/** The value of a hex digit's character code; a large negative number for any other character. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -0x1000;
}
