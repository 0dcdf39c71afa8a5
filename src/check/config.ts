import { CATALOGUE } from '../rules/index.js';
import { matchesAny, SEVERITIES } from '../lint/index.js';
import type { Severity } from '../lint/index.js';
import { CERTIFICATE_KINDS, DEFAULT_ROLE_TABLE } from '../smki/index.js';
import type { CertificateKind, Environment, RoleDefinition, RoleKeyUsage } from '../smki/index.js';
import { OptionsError } from './options.js';
import type { CheckOptions } from './options.js';
import type { SeverityOverrides, Waiver } from './policy.js';

/**
 * What a configuration file may set: environments with their policy OIDs (production OIDs are
 * not published, so they are configuration), roles added to or replacing the built-in table, the
 * roles whose certificates may carry a subject CN, and the environment to use by default.
 */
export interface CheckConfig {
  environment?: string;
  environments: Environment[];
  roles: RoleDefinition[];
  commonNameRoles?: string[];
  /** Severity by rule id or dotted prefix. */
  severity?: SeverityOverrides;
  waivers: Waiver[];
}

const SETTINGS = ['$schema', 'environment', 'environments', 'roles', 'commonNameRoles', 'severity', 'waivers'];
const WAIVER_KEYS = ['sha256', 'serial', 'issuer', 'rule', 'reason', 'expires', 'comment'];

const OID = /^[0-2](\.(0|[1-9]\d*))+$/;
const HEX2 = /^[0-9A-F]{2}$/;
const KEY_USAGES: readonly RoleKeyUsage[] = ['digitalSignature', 'keyAgreement', 'ca'];

/** Validates parsed JSON as a configuration; errors name the file and the field. */
export function parseConfig(json: unknown, source: string): CheckConfig {
  const fail = (path: string, what: string): never => {
    throw new OptionsError(`${source}: ${path} ${what}`);
  };
  if (!isObject(json)) fail('(top level)', 'must be a JSON object');
  const root = json as Record<string, unknown>;
  for (const key of Object.keys(root)) if (!SETTINGS.includes(key)) fail(key, `is not a known setting (${SETTINGS.slice(1).join(', ')})`);

  const config: CheckConfig = { environments: [], roles: [], waivers: [] };
  if (root.environment !== undefined) config.environment = text(root.environment, 'environment', fail);
  for (const [i, e] of list(root.environments, 'environments', fail).entries()) config.environments.push(environment(e, `environments[${i}]`, fail));
  for (const [i, r] of list(root.roles, 'roles', fail).entries()) config.roles.push(role(r, `roles[${i}]`, fail));
  if (root.commonNameRoles !== undefined) {
    config.commonNameRoles = list(root.commonNameRoles, 'commonNameRoles', fail).map((h, i) => {
      const hex = text(h, `commonNameRoles[${i}]`, fail).toUpperCase();
      if (!HEX2.test(hex)) fail(`commonNameRoles[${i}]`, `'${hex}' is not two hex characters (the OU form, e.g. '02')`);
      return hex;
    });
  }
  if (root.severity !== undefined) config.severity = severityOverrides(root.severity, fail);
  for (const [i, w] of list(root.waivers, 'waivers', fail).entries()) config.waivers.push(waiver(w, i, source, fail));
  return config;
}

type Fail = (path: string, what: string) => never;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown, path: string, fail: Fail): string {
  if (typeof v !== 'string' || v === '') fail(path, 'must be a non-empty string');
  return v as string;
}

function list(v: unknown, path: string, fail: Fail): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(path, 'must be an array');
  return v as unknown[];
}

/** A rule id or prefix that names at least one rule of the catalogue (a typo would match nothing, silently). */
function ruleSelector(v: unknown, path: string, fail: Fail): string {
  const rule = text(v, path, fail);
  if (!CATALOGUE.some((r) => matchesAny(r.id, [rule]))) fail(path, `'${rule}' matches no rule id (see smki-lint rules)`);
  return rule;
}

function severityOverrides(v: unknown, fail: Fail): SeverityOverrides {
  if (!isObject(v)) fail('severity', 'must map rule ids or prefixes to error, warning or notice');
  const out: Record<string, Severity> = {};
  for (const [rule, severity] of Object.entries(v as Record<string, unknown>)) {
    ruleSelector(rule, `severity['${rule}']`, fail);
    if (!SEVERITIES.includes(severity as Severity)) fail(`severity['${rule}']`, `must be ${SEVERITIES.join(', ')}`);
    out[rule] = severity as Severity;
  }
  return out;
}

function waiver(v: unknown, i: number, source: string, fail: Fail): Waiver {
  const path = `waivers[${i}]`;
  if (!isObject(v)) fail(path, 'must be an object { sha256 | serial and issuer, rule, reason, expires }');
  const w = v as Record<string, unknown>;
  for (const key of Object.keys(w)) if (!WAIVER_KEYS.includes(key)) fail(`${path}.${key}`, `is not a waiver field (${WAIVER_KEYS.join(', ')})`);
  const out: Waiver = { rule: ruleSelector(w.rule, `${path}.rule`, fail), reason: '', expires: '', label: `${source} ${path}` };
  if (w.sha256 !== undefined) {
    if (w.serial !== undefined || w.issuer !== undefined) fail(path, 'names its document twice: give sha256, or serial and issuer, not both');
    const sha256 = text(w.sha256, `${path}.sha256`, fail);
    if (!/^[0-9a-fA-F]{64}$/.test(sha256)) fail(`${path}.sha256`, `'${sha256}' is not a SHA-256 in hex (64 characters; smki-lint check gives each document's)`);
    out.sha256 = sha256.toLowerCase();
  } else if (w.serial !== undefined || w.issuer !== undefined) {
    const serial = text(w.serial, `${path}.serial`, fail);
    if (!/^[0-9a-fA-F]{2}([: ]?[0-9a-fA-F]{2})*$/.test(serial)) fail(`${path}.serial`, `'${serial}' is not a serial number in hex (e.g. 73:c1:78:0d or 73c1780d)`);
    out.serial = serial;
    out.issuer = text(w.issuer, `${path}.issuer`, fail);
  } else {
    fail(path, 'names no document: give its sha256, or a certificate\'s serial and issuer');
  }
  if (typeof w.reason !== 'string' || w.reason.trim() === '') fail(`${path}.reason`, 'must say why the finding is accepted (a baseline leaves it empty for you to fill)');
  out.reason = w.reason as string;
  const expires = w.expires;
  if (typeof expires !== 'string' || expires === '') fail(`${path}.expires`, 'must give the date the waiver ends, YYYY-MM-DD (a baseline leaves it empty for you to fill)');
  if (!isDate(expires as string)) fail(`${path}.expires`, `'${String(expires)}' is not a date YYYY-MM-DD`);
  out.expires = expires as string;
  if (w.comment !== undefined && typeof w.comment !== 'string') fail(`${path}.comment`, 'must be a string');
  return out;
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

function environment(v: unknown, path: string, fail: Fail): Environment {
  if (!isObject(v)) fail(path, 'must be an object { name, description?, policies }');
  const e = v as Record<string, unknown>;
  const name = text(e.name, `${path}.name`, fail);
  if (!isObject(e.policies)) fail(`${path}.policies`, `must map certificate kinds (${CERTIFICATE_KINDS.join(', ')}) to arrays of policy OIDs`);
  const policies = Object.fromEntries(CERTIFICATE_KINDS.map((k) => [k, [] as string[]])) as Record<CertificateKind, string[]>;
  for (const [kind, oids] of Object.entries(e.policies as Record<string, unknown>)) {
    if (!CERTIFICATE_KINDS.includes(kind as CertificateKind)) fail(`${path}.policies.${kind}`, `is not a certificate kind (${CERTIFICATE_KINDS.join(', ')})`);
    policies[kind as CertificateKind] = list(oids, `${path}.policies.${kind}`, fail).map((o, i) => {
      const oid = text(o, `${path}.policies.${kind}[${i}]`, fail);
      if (!OID.test(oid)) fail(`${path}.policies.${kind}[${i}]`, `'${oid}' is not a dotted object identifier`);
      return oid;
    });
  }
  return { name, description: typeof e.description === 'string' ? e.description : `configured environment '${name}'`, policies };
}

function role(v: unknown, path: string, fail: Fail): RoleDefinition {
  if (!isObject(v)) fail(path, 'must be an object { code, name, ... }');
  const r = v as Record<string, unknown>;
  const code = r.code;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 255) fail(`${path}.code`, 'must be a whole number 0..255 (the decimal Remote Party Role Code)');
  const name = text(r.name, `${path}.name`, fail);
  const keyUsages = list(r.keyUsages, `${path}.keyUsages`, fail).map((k, i) => {
    if (!KEY_USAGES.includes(k as RoleKeyUsage)) fail(`${path}.keyUsages[${i}]`, `must be one of ${KEY_USAGES.join(', ')}`);
    return k as RoleKeyUsage;
  });
  const status = r.status ?? 'assigned';
  if (status !== 'assigned' && status !== 'reserved') fail(`${path}.status`, "must be 'assigned' or 'reserved'");
  const inForceFrom = r.inForceFrom;
  if (inForceFrom !== undefined && (typeof inForceFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(inForceFrom))) fail(`${path}.inForceFrom`, 'must be a date YYYY-MM-DD');
  const c = code as number;
  return {
    code: c,
    hex: c.toString(16).toUpperCase().padStart(2, '0'),
    repositoryCode: String(c),
    name,
    title: typeof r.title === 'string' ? r.title : name,
    definedBy: typeof r.definedBy === 'string' ? r.definedBy : 'configuration',
    status: status as RoleDefinition['status'],
    endEntity: r.endEntity !== false,
    keyUsages,
    commonNamePermitted: r.commonNamePermitted === true,
    ...(inForceFrom !== undefined ? { inForceFrom: inForceFrom as string } : {}),
  };
}

/** Check options with a configuration applied; options given explicitly win. */
export function applyConfig<T extends Partial<CheckOptions>>(options: T, config: CheckConfig | undefined): T {
  if (!config) return options;
  return {
    ...options,
    environment: options.environment ?? config.environment,
    environments: [...config.environments, ...(options.environments ?? [])],
    roles: (options.roles ?? DEFAULT_ROLE_TABLE).extend(config.roles),
    commonNameRoles: options.commonNameRoles ?? config.commonNameRoles,
    severity: options.severity ?? config.severity,
    waivers: [...config.waivers, ...(options.waivers ?? [])],
  };
}
