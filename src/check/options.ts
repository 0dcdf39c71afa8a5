import type { CryptoAdapter } from '../crypto/adapter.js';
import type { BytesLike } from '../der/bytes.js';
import { ENGINE_FINDINGS, matchesAny } from '../lint/index.js';
import { SEVERITIES } from '../lint/index.js';
import type { Rule } from '../lint/index.js';
import { ALL_RULES } from '../rules/index.js';
import { CERTIFICATE_KINDS, DEFAULT_ENVIRONMENTS, DEFAULT_ROLE_TABLE, RoleTable } from '../smki/index.js';
import type { CertificateKind, Environment } from '../smki/index.js';
import type { SeverityOverrides, Waiver } from './policy.js';

export interface CheckOptions {
  /** Evaluation time for validity checks (default: now). */
  at?: Date | number | string;
  /** Environment by name (default "test") or as data. */
  environment?: string | Environment;
  /** Environments a name may refer to, beyond the built-in ones. */
  environments?: readonly Environment[];
  roles?: RoleTable;
  /** Hex OU values whose certificates may carry a subject CN (default: from the role table: 02, 87). */
  commonNameRoles?: readonly string[];
  /** Rule ids or dotted prefixes to run exclusively / to skip. */
  only?: readonly string[];
  ignore?: readonly string[];
  /** Treat every certificate as this kind instead of classifying it. */
  kind?: CertificateKind;
  /** The rule set (default: every built-in rule). */
  rules?: readonly Rule[];
  /** Severity by rule id or dotted prefix, instead of the rule's own (the longest matching entry wins). */
  severity?: SeverityOverrides;
  /** Findings accepted for one document until a date: reported with `waived`, not counted. */
  waivers?: readonly Waiver[];
  /** The certificate (DER or PEM) that will sign the DUIS requests checked (XMLDSig), for the duis.signer.* rules. */
  signer?: BytesLike;
  crypto: CryptoAdapter;
}

export interface ResolvedOptions {
  evaluationTime: number;
  environment: Environment;
  roles: RoleTable;
  commonNameRoles: ReadonlySet<string>;
  only?: readonly string[];
  ignore?: readonly string[];
  kind?: CertificateKind;
  severity: SeverityOverrides;
  waivers: readonly Waiver[];
  crypto: CryptoAdapter;
}

export class OptionsError extends Error {}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time as milliseconds, NaN otherwise. A date alone, or a time without
 * an offset, is read as UTC (never as the machine's local time), so results do not depend on where
 * the check runs.
 */
export function parseIsoInstant(text: string): number {
  const m = ISO_INSTANT.exec(text);
  if (!m) return Number.NaN;
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}`);
  // Date.parse rolls 2026-02-30 over to March; a date that does not exist is not accepted.
  return Number.isNaN(ms) || new Date(ms + offsetMs(m[3])).toISOString().slice(0, 10) !== m[1] ? Number.NaN : ms;
}

function offsetMs(offset: string | undefined): number {
  if (!offset || offset === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/** The latest and earliest times a JavaScript Date can hold, in ms from the epoch. */
const MAX_TIME = 8.64e15;

/**
 * Options checked and resolved once per Checker. Every problem is reported at once, naming the
 * option: a TypeError for a value of the wrong type, an OptionsError for a value out of range.
 */
export function resolveOptions(options: CheckOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('Checker options must be an object such as { crypto, at }');
  checkCrypto(options.crypto);
  const evaluationTime = evaluationTimeOf(options.at);
  const roles = options.roles ?? DEFAULT_ROLE_TABLE;
  if (!(roles instanceof RoleTable)) throw new TypeError('options.roles must be a RoleTable (DEFAULT_ROLE_TABLE, or DEFAULT_ROLE_TABLE.extend([...]))');
  for (const name of ['only', 'ignore', 'commonNameRoles'] as const) checkStrings(options[name], name);
  if (options.kind !== undefined && !CERTIFICATE_KINDS.includes(options.kind)) throw new OptionsError(`options.kind '${String(options.kind)}' is not a certificate kind (${CERTIFICATE_KINDS.join(', ')})`);
  if (options.rules !== undefined && (!Array.isArray(options.rules) || options.rules.some((r) => typeof r?.id !== 'string' || typeof r.check !== 'function'))) {
    throw new TypeError('options.rules must be an array of rules (see ALL_RULES and defineRule)');
  }
  const ids = [...ENGINE_FINDINGS, ...(options.rules ?? ALL_RULES)].map((r) => r.id);
  for (const [flag, patterns] of [['--only', options.only], ['--ignore', options.ignore]] as const) {
    const unmatched = (patterns ?? []).filter((p) => !ids.some((id) => matchesAny(id, [p])));
    // A mistyped id would otherwise select nothing and pass silently.
    if (unmatched.length > 0) throw new OptionsError(`${flag} ${unmatched.map((p) => `'${p}'`).join(', ')} matches no rule id (see smki-lint rules)`);
  }
  const severity = options.severity ?? {};
  if (typeof severity !== 'object' || severity === null || Object.values(severity).some((v) => !SEVERITIES.includes(v))) throw new TypeError(`options.severity must map rule ids or prefixes to ${SEVERITIES.join(', ')}`);
  const waivers = options.waivers ?? [];
  if (!Array.isArray(waivers) || waivers.some((w) => typeof w?.rule !== 'string' || typeof w.reason !== 'string' || typeof w.expires !== 'string' || (typeof w.sha256 !== 'string' && (typeof w.serial !== 'string' || typeof w.issuer !== 'string')))) {
    throw new TypeError('options.waivers must be an array of { sha256 | serial and issuer, rule, reason, expires } (see parseConfig)');
  }
  return {
    evaluationTime,
    environment: resolveEnvironment(options.environment, options.environments),
    roles,
    commonNameRoles: new Set((options.commonNameRoles ?? roles.commonNameRoles()).map((h) => h.toUpperCase())),
    only: options.only,
    ignore: options.ignore,
    kind: options.kind,
    severity,
    waivers,
    crypto: options.crypto,
  };
}

function checkCrypto(crypto: unknown): void {
  const adapter = crypto as Partial<Record<keyof CryptoAdapter, unknown>> | undefined;
  const missing = (['sha1', 'sha256', 'verifyEcdsa'] as const).filter((f) => typeof adapter?.[f] !== 'function');
  if (missing.length === 0) return;
  throw new TypeError(
    `options.crypto must be a CryptoAdapter with sha1, sha256 and verifyEcdsa (${crypto === undefined ? 'none was given' : `missing ${missing.join(', ')}`}); on Node.js, import { Checker } from 'smki-lint/node', which uses node:crypto, or pass createNodeCrypto()`,
  );
}

function evaluationTimeOf(at: unknown): number {
  if (at === undefined) return Date.now();
  let ms: number;
  if (at instanceof Date) ms = at.getTime();
  else if (typeof at === 'number') ms = at;
  else if (typeof at === 'string') ms = parseIsoInstant(at);
  else throw new TypeError(`options.at must be a Date, milliseconds since 1970 or an ISO 8601 string, not ${at === null ? 'null' : typeof at}`);
  if (typeof at === 'string' && Number.isNaN(ms)) throw new OptionsError(`evaluation time '${at}' is not an ISO 8601 date`);
  if (!(Math.abs(ms) <= MAX_TIME)) throw new OptionsError(`options.at ${String(at)} is not a time a Date can hold (milliseconds within ±8.64e15 of 1970)`);
  return ms;
}

function checkStrings(value: unknown, name: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new TypeError(`options.${name} must be an array of strings${typeof value === 'string' ? ` (['${value}'], not '${value}')` : ''}`);
}

function resolveEnvironment(env: string | Environment | undefined, extra: readonly Environment[] = []): Environment {
  if (!Array.isArray(extra) || extra.some((e) => !isEnvironment(e))) throw new TypeError('options.environments must be an array of environments { name, description, policies }');
  if (env !== undefined && typeof env !== 'string') {
    if (!isEnvironment(env)) throw new TypeError('options.environment must be an environment name or an environment { name, description, policies }');
    return env;
  }
  const name = env ?? 'test';
  const all = [...extra, ...DEFAULT_ENVIRONMENTS];
  const found = all.find((e) => e.name === name);
  if (!found) throw new OptionsError(`unknown environment '${name}'; known: ${[...new Set(all.map((e) => e.name))].join(', ')}`);
  return found;
}

function isEnvironment(e: unknown): e is Environment {
  const env = e as Partial<Environment> | null;
  return typeof env === 'object' && env !== null && typeof env.name === 'string' && typeof env.policies === 'object' && env.policies !== null;
}
