import type { CryptoAdapter } from '../crypto/adapter.js';
import type { Rule } from '../lint/index.js';
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

export function resolveOptions(options: CheckOptions): ResolvedOptions {
  const evaluationTime = options.at === undefined ? Date.now() : options.at instanceof Date ? options.at.getTime() : typeof options.at === 'number' ? options.at : Date.parse(options.at);
  if (Number.isNaN(evaluationTime)) throw new OptionsError(`evaluation time '${String(options.at)}' is not an ISO 8601 date`);
  const roles = options.roles ?? DEFAULT_ROLE_TABLE;
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
