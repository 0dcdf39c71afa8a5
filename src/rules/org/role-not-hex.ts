import { defineRule } from '../../lint/index.js';
import type { RoleTable } from '../../smki/index.js';
import { readRoleCode } from '../../smki/index.js';
import type { AttributeTypeAndValue } from '../../x509/index.js';
import { pathsOf } from '../paths.js';
import { describeRole, firstSubjectOu } from '../support.js';

const RULE = "the OU holds the role code in hex (SEC Appendix M: e.g. '02' for supplier)";

export default defineRule({
  id: 'org.role.not-hex',
  severity: 'error',
  documents: ['certificate', 'csr'],
  appliesTo: ['organisation'],
  citation: 'SEC Appendix M, Appendix F (organizationalUnitName: the Remote Party Role Code in hex, e.g. "02")',
  description: 'The subject OU is not exactly two hexadecimal characters (e.g. the decimal "135" where the hex "87" is meant).',
  source: 'spec',
  check({ doc, document }, ctx) {
    const paths = pathsOf(document);
    const ou = firstSubjectOu(doc);
    if (!ou) return;
    const message = notHexMessage(ou, ctx.roles);
    if (message) ctx.report({ path: paths.subjectOu, offset: ou.offset, message });
  },
});

function notHexMessage(ou: AttributeTypeAndValue, table: RoleTable): string | undefined {
  if (!ou.stringType) {
    return `OU is a${/^[AEIOU]/.test(ou.valueType) ? 'n' : ''} ${ou.valueType}, not a character string: ${RULE}, as a UTF8String or PrintableString`;
  }
  const value = ou.value;
  if (/^[0-9A-Fa-f]{2}$/.test(value)) return undefined;
  const head = `OU '${value}' is not two hex characters: ${RULE}.`;
  if (value === '') return `OU is empty: ${RULE}`;

  const reading = readRoleCode(value, table);
  if (reading.decimal) {
    const { code, hex, role } = reading.decimal;
    if (role) return `${head} ${value} decimal is 0x${hex} (${role.name}); write OU '${hex}'.`;
    return `${head} Read as decimal, ${value} would be 0x${hex} = ${code}, which is not in the role table either; check the role code.`;
  }
  if (/^[0-9]+$/.test(value)) return `${head} Read as decimal, ${value} is not a role code either (role codes are 0-255).`;

  // Near misses worth naming: spaces, a "0x" prefix, a role's name instead of its code.
  const trimmed = value.trim();
  if (trimmed !== value && /^[0-9A-Fa-f]{2}$/.test(trimmed)) {
    return `${head} It holds '${trimmed}' with surrounding spaces${suggest(trimmed, table)}.`;
  }
  const prefixed = /^0[xX]([0-9A-Fa-f]{1,2})$/.exec(trimmed);
  if (prefixed) {
    const hex = prefixed[1].toUpperCase().padStart(2, '0');
    return `${head} Drop the '0x' prefix${suggest(hex, table)}.`;
  }
  const named = table.roles.find((r) => r.name.toLowerCase() === trimmed.toLowerCase() || r.title.toLowerCase() === trimmed.toLowerCase());
  if (named) return `${head} '${value}' names role ${describeRole(named)}; write OU '${named.hex}'.`;
  return head;
}

/** "; write OU '87' (0x87 = 135, xmlSigning)". */
function suggest(hex: string, table: RoleTable): string {
  const role = table.get(parseInt(hex, 16));
  const upper = hex.toUpperCase();
  return `; write OU '${upper}'${role ? ` (${describeRole(role)})` : ''}`;
}
