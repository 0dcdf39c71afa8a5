import { toHex } from '../../der/index.js';
import type { RuleContext } from '../../lint/index.js';
import type { CertificateKind } from '../../smki/index.js';
import { KIND_TITLES } from '../../smki/index.js';
import type { Certificate } from '../../x509/index.js';
import { formatName } from '../../x509/index.js';
import { PATH } from '../paths.js';
import { subjectOus } from '../support.js';

/** "an Issuing OCA Certificate", "a Root OCA Certificate": the kind as a message names it. */
export function aKind(kind: CertificateKind): string {
  const title = KIND_TITLES[kind];
  return `${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title}`;
}

/**
 * Reports unless the subject holds exactly one OU and it is `hex`: the role code that a CA of
 * this kind carries (00 for the Root OCA, 07 for an Issuing OCA).
 */
export function checkCaRoleOu(cert: Certificate, ctx: RuleContext, hex: string, kind: CertificateKind): void {
  const ous = subjectOus(cert);
  if (ous.length === 1 && ous[0].stringType !== undefined && ous[0].value === hex) return;
  const expected = ctx.roles.get(parseInt(hex, 16));
  const wanted = `${aKind(kind)}'s subject carries exactly one OU '${hex}'${expected ? ` (${expected.name}, role ${expected.code})` : ''}`;
  if (ous.length === 0) {
    ctx.report({ path: PATH.subjectOu, offset: cert.subject?.offset, message: `subject '${formatName(cert.subject)}' has no OU; ${wanted}` });
    return;
  }
  const shown = ous.map((a) => (a.stringType !== undefined ? `'${a.value}'${roleOf(a.value, ctx)}` : `a ${a.valueType} #${toHex(a.valueRaw)}`));
  const found = ous.length === 1 ? `subject OU is ${shown[0]}` : `subject has ${ous.length} OUs (${shown.join(', ')})`;
  ctx.report({ path: PATH.subjectOu, offset: ous[0].offset, message: `${found}; ${wanted}` });
}

/** " (issuingAuthority)" when the value reads as a known two-hex-digit role code. */
function roleOf(value: string, ctx: RuleContext): string {
  if (!/^[0-9A-Fa-f]{2}$/.test(value)) return '';
  const role = ctx.roles.get(parseInt(value, 16));
  return role ? ` (${role.name})` : '';
}
