import { OID, oidName } from '../der/index.js';
import { defineRule } from '../lint/index.js';
import type { Rule, RuleSource } from '../lint/index.js';
import { KIND_TITLES, PROFILE_EXTENSIONS } from '../smki/index.js';
import type { SmkiKind } from '../smki/index.js';
import { PATH, extensionPath } from './paths.js';

export interface UnexpectedExtensionRule {
  id: string;
  /** 'critical' reports critical extensions outside the kind's profile, 'non-critical' the others. */
  criticality: 'critical' | 'non-critical';
  severity: 'error' | 'warning';
  appliesTo: readonly SmkiKind[];
  citation: string;
  description: string;
  source: RuleSource;
}

/**
 * One mechanism for every kind: an extension outside the kind's profile (PROFILE_EXTENSIONS) is
 * reported once, by the rule of its criticality. basicConstraints on an end entity is left to the
 * ee.basic-constraints rules, which say more about it.
 */
export function unexpectedExtensionRule(meta: UnexpectedExtensionRule): Rule<'certificate'> {
  const critical = meta.criticality === 'critical';
  return defineRule({
    ...meta,
    check({ cert, view }, ctx) {
      const kind = view.kind as SmkiKind;
      const profile = PROFILE_EXTENSIONS[kind];
      // A document of no SMKI kind has no profile to hold its extensions to.
      if (!profile) return;
      // A loop, not forEach: its callback would be a closure made for every certificate.
      const extensions = cert.extensions;
      for (let i = 0; i < extensions.length; i++) {
        const ext = extensions[i];
        if (ext.critical !== critical || profile.includes(ext.oid)) continue;
        if (ext.oid === OID.basicConstraints && (kind === 'organisation' || kind === 'device')) continue;
        const name = ext.name ?? oidName(ext.oid);
        const shown = name ? `${name} (${ext.oid})` : ext.oid ? ext.oid : 'with an empty extnID';
        const consequence = critical
          ? 'RFC 5280 4.2 has software reject a certificate with a critical extension it does not recognise, so SMKI relying parties may reject this certificate; remove it'
          : 'remove it';
        ctx.report({
          path: ext.oid ? extensionPath(name ?? ext.oid) : `${PATH.extensions}[${i}]`,
          offset: ext.offset,
          message: `extension ${shown}, ${meta.criticality}, is not part of the ${KIND_TITLES[kind]} profile, which has ${profileNames(kind)}; ${consequence}`,
        });
      }
    },
  });
}

/** "keyUsage, subjectKeyIdentifier, certificatePolicies and authorityKeyIdentifier". */
function profileNames(kind: SmkiKind): string {
  const names = PROFILE_EXTENSIONS[kind].map((oid) => oidName(oid) ?? oid);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
