import { roleAttribute } from '../../smki/index.js';
import type { RoleDefinition, RoleReading, RoleTable, SmkiView } from '../../smki/index.js';
import type { AttributeTypeAndValue, DocumentModel } from '../../x509/index.js';
import { describeRole } from '../support.js';

/** The role the first subject OU holds, with the attribute it came from. */
export interface RoleOu {
  attribute: AttributeTypeAndValue;
  reading: RoleReading;
}

/** The role OU (smki's one reading: the first character-string OU) with the view's reading of it. */
export function roleOu(doc: DocumentModel, view: SmkiView): RoleOu | undefined {
  const attribute = roleAttribute(doc.subject);
  if (!attribute || !view.role) return undefined;
  return { attribute, reading: view.role };
}

/** Codes 128..133 and 136 lie among the Section L roles but no readable source defines them. */
export const UNPUBLISHED_CODES: ReadonlySet<number> = new Set([128, 129, 130, 131, 132, 133, 136]);

/** "00-08, 7F, 86, 87, 89": the table's codes as OU values, runs collapsed. */
export function tableCodes(table: RoleTable): string {
  const codes = table.roles.map((r) => r.code).sort((a, b) => a - b);
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(2, '0');
  const parts: string[] = [];
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    parts.push(j - i >= 2 ? `${hex(codes[i])}-${hex(codes[j])}` : codes.slice(i, j + 1).map(hex).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** "0x86 = 134 (reserved for the Centralised Switching Service)" or "0x87 = 135 (xmlSigning)". */
export function roleInWords(role: RoleDefinition): string {
  if (role.status === 'reserved') return `0x${role.hex} = ${role.code} (${lowerFirst(role.title)})`;
  return describeRole(role);
}

/** The November 2020 erratum, for messages about 0x86. */
export function erratumNote(table: RoleTable): string {
  const xml = table.get(135);
  return `XML signing is ${xml ? describeRole(xml) : '0x87 = 135'}. The June 2020 draft of the OCP wrote "86" where "87" was meant; BEIS corrected it for the November 2020 SEC Release`;
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] !== s[1].toUpperCase() ? s[0].toLowerCase() + s.slice(1) : s;
}
