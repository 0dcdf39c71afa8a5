import type { CryptoAdapter } from '../crypto/adapter.js';
import { ENGINE_FINDINGS, matchesAny } from '../lint/index.js';
import type { Rule } from '../lint/index.js';
import { ALL_RULES } from '../rules/index.js';
import { DEFAULT_ENVIRONMENTS, DEFAULT_ROLE_TABLE } from '../smki/index.js';
import type { CertificateKind, Environment, RoleTable } from '../smki/index.js';

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
  /** The certificate (DER or PEM) that will sign the DUIS requests checked (XMLDSig), for the duis.signer.* rules. */
  signer?: Uint8Array;
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

export function resolveOptions(options: CheckOptions): ResolvedOptions {
  const evaluationTime = options.at === undefined ? Date.now() : options.at instanceof Date ? options.at.getTime() : typeof options.at === 'number' ? options.at : parseIsoInstant(options.at);
  if (Number.isNaN(evaluationTime)) throw new OptionsError(`evaluation time '${String(options.at)}' is not an ISO 8601 date`);
  const roles = options.roles ?? DEFAULT_ROLE_TABLE;
  const ids = [...ENGINE_FINDINGS, ...(options.rules ?? ALL_RULES)].map((r) => r.id);
  for (const [flag, patterns] of [['--only', options.only], ['--ignore', options.ignore]] as const) {
    const unmatched = (patterns ?? []).filter((p) => !ids.some((id) => matchesAny(id, [p])));
    // A mistyped id would otherwise select nothing and pass silently.
    if (unmatched.length > 0) throw new OptionsError(`${flag} ${unmatched.map((p) => `'${p}'`).join(', ')} matches no rule id (see smki-lint rules)`);
  }
  return {
    evaluationTime,
    environment: resolveEnvironment(options.environment, options.environments),
    roles,
    commonNameRoles: new Set((options.commonNameRoles ?? roles.commonNameRoles()).map((h) => h.toUpperCase())),
    only: options.only,
    ignore: options.ignore,
    kind: options.kind,
    crypto: options.crypto,
  };
}

function resolveEnvironment(env: string | Environment | undefined, extra: readonly Environment[] = []): Environment {
  if (env !== undefined && typeof env !== 'string') return env;
  const name = env ?? 'test';
  const all = [...extra, ...DEFAULT_ENVIRONMENTS];
  const found = all.find((e) => e.name === name);
  if (!found) throw new OptionsError(`unknown environment '${name}'; known: ${[...new Set(all.map((e) => e.name))].join(', ')}`);
  return found;
}
