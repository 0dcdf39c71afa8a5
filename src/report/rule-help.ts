import type { RuleMeta, RuleSource, Severity } from '../lint/index.js';

/**
 * Where docs/rules.md is published: the project's homepage (package.json) with the file's path.
 * Each rule has an anchor there named by its id. A test keeps this in step with package.json.
 */
export const RULES_DOC_URL = 'https://github.com/smki-lint/smki-lint/blob/main/docs/rules.md';

export function ruleHelpUri(id: string): string {
  return `${RULES_DOC_URL}#${id}`;
}

const WHY: Record<Severity, string> = {
  error: 'An **error**: the cited text says MUST, so a relying party, the DCC or the SMKI Registration Authority may reject the document.',
  warning: 'A **warning**: the cited text says SHOULD, or this is observed practice or a reading smki-lint adopted; the document may still be accepted.',
  notice: 'A **notice**: information about what was or could not be checked; nothing is wrong with the document for it.',
};

const SOURCE: Record<RuleSource, string> = {
  spec: 'a normative text',
  dcc: "DCC's tooling",
  seen: "DCC's test certificates",
  adopted: "smki-lint's own reading (configurable: severity overrides and waivers)",
};

// How to fix, by area. The finding's message says what was found and what was expected.
const FIX: [prefix: string, fix: string][] = [
  ['input.', 'Give the tool the certificate or request itself: PEM (`CERTIFICATE`, `CERTIFICATE REQUEST`), bare base64, hex or DER. Remove or relabel what is not one, and keep each item within `--max-item-size`.'],
  ['internal.', 'This is a defect in smki-lint, not in the document: run again with `SMKI_LINT_DEBUG=1` and report it with the document if you can share it.'],
  ['config.', 'Edit the `waivers` of the configuration file: renew or remove an expired waiver once the finding is fixed or accepted again, and remove a waiver that matches nothing.'],
  ['decode.', 'The document is not a well-formed certificate or request. Regenerate it with a conforming encoder; profile rules run once it decodes.'],
  ['der.', 'The encoding is not DER. A signed document cannot be re-encoded without breaking its signature: regenerate the CSR, or have the CA re-issue the certificate, with a DER encoder.'],
  ['csr.', 'Generate the request again with the corrected content (version, attributes, requested extensions) and sign it with the key it carries.'],
  ['compare.', 'The issued certificate does not answer the request. Raise it with the Registration Authority or CA, and have the certificate re-issued from the request as submitted.'],
  ['chain.', 'Check the certificate against the right issuer (`--issuer`), or have it re-issued so that its issuer name, key identifier, validity, role and policy agree with its issuer.'],
  ['kind.', 'Check that the document is the kind you meant (see `smki-lint decode`): a subject OU with the role code, or a Device subject and hardwareModuleName, decide the kind; `--kind` overrides it.'],
];

const PROFILE_FIX = 'Correct the field in the certificate signing request (or in the CA profile, for what the CA sets) and have the certificate re-issued; a certificate cannot be changed once signed. For a CSR, correct it and generate it again before you submit it.';

function fixFor(id: string): string {
  return FIX.find(([prefix]) => id.startsWith(prefix))?.[1] ?? PROFILE_FIX;
}

/** The rule's help for SARIF consumers (GitHub code scanning shows the markdown): what, why, how to fix, citation. */
export function ruleHelp(rule: RuleMeta): { text: string; markdown: string } {
  const citations = [rule.citation, ...Object.entries(rule.documentCitations ?? {}).map(([d, c]) => `${d}: ${c}`)];
  const applies = `${rule.documents.join(' and ')}; ${rule.appliesTo === 'all' ? 'every kind' : rule.appliesTo.join(', ')}`;
  const sections: [string, string][] = [
    ['What', `${rule.description} Applies to: ${applies}.`],
    ['Why', `${WHY[rule.severity]} The fact comes from ${SOURCE[rule.source]}.`],
    ['How to fix', `${fixFor(rule.id)} The finding's message says what was found and what was expected. To accept a known deviation of one document, add a waiver to the configuration.`],
    ['Citation', citations.join('; ')],
  ];
  return {
    text: sections.map(([title, body]) => `${title}: ${body.replace(/\*\*|`/g, '')}`).join('\n\n'),
    markdown: sections.map(([title, body]) => `**${title}.** ${body}`).join('\n\n') + `\n\n[${rule.id} in the rule catalogue](${ruleHelpUri(rule.id)})`,
  };
}
