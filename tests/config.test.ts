import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checker } from '../src/check/checker.js';
import { applyConfig, parseConfig } from '../src/check/config.js';
import { parseIsoInstant } from '../src/check/options.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import { TEST_CERTS } from './helpers/sample-pki.js';

const PRODUCTION = {
  environment: 'production',
  environments: [{ name: 'production', policies: { organisation: ['1.2.826.0.1.8641679.1.2.1.9'] } }],
  roles: [{ code: 136, name: 'exampleRole', keyUsages: ['digitalSignature'] }],
  commonNameRoles: ['02', '87', '03'],
};

function check(file: string, config: unknown, extra: object = {}) {
  const checker = new Checker(applyConfig({ at: '2026-06-01', crypto: createNodeCrypto(), ...extra }, parseConfig(config, 'config.json')));
  return checker.checkSource(new Uint8Array(readFileSync(join(TEST_CERTS, file))), file)[0];
}

describe('configuration', () => {
  it('selects a configured environment and expects its policy OIDs', () => {
    const r = check('valid/org-03-ds.pem', PRODUCTION);
    const f = r.findings.find((x) => x.ruleId === 'cert.policies.unexpected-oid');
    expect(f?.message).toContain('1.2.826.0.1.8641679.1.2.1.9');
    expect(check('valid/org-03-ds.pem', PRODUCTION, { environment: 'test' }).findings.map((x) => x.ruleId)).not.toContain('cert.policies.unexpected-oid');
  });

  it('extends the role table: a configured code is no longer unknown', () => {
    const unknown = check('defects/org-role-unknown-88.pem', {}).findings.map((x) => x.ruleId);
    expect(unknown).toContain('org.role.unknown');
    const known = check('defects/org-role-unknown-88.pem', PRODUCTION);
    expect(known.findings.map((x) => x.ruleId)).not.toContain('org.role.unknown');
    expect(known.subject?.roleName).toBe('exampleRole');
  });

  it('sets the roles that may carry a subject CN', () => {
    expect(check('defects/org-cn-role-03.pem', {}).findings.map((x) => x.ruleId)).toContain('org.cn.not-permitted-for-role');
    expect(check('defects/org-cn-role-03.pem', PRODUCTION).findings.map((x) => x.ruleId)).not.toContain('org.cn.not-permitted-for-role');
  });

  it.each([
    [[], '(top level) must be a JSON object'],
    [{ colour: true }, 'colour is not a known setting'],
    [{ environments: [{ name: 'p', policies: { organization: [] } }] }, "environments[0].policies.organization is not a certificate kind"],
    [{ environments: [{ name: 'p', policies: { organisation: ['not.an.oid'] } }] }, "environments[0].policies.organisation[0] 'not.an.oid' is not a dotted object identifier"],
    [{ roles: [{ code: 300, name: 'x' }] }, 'roles[0].code must be a whole number 0..255'],
    [{ roles: [{ code: 3, name: 'x', keyUsages: ['signing'] }] }, 'roles[0].keyUsages[0] must be one of'],
    [{ roles: [{ code: 3, name: 'x', inForceFrom: '29/11/2020' }] }, 'roles[0].inForceFrom must be a date'],
    [{ commonNameRoles: ['135'] }, "commonNameRoles[0] '135' is not two hex characters"],
  ])('rejects %j with a message naming the field', (json, message) => {
    expect(() => parseConfig(json, 'config.json')).toThrow(`config.json: ${message}`);
  });

  it('names an unknown environment with the known ones', () => {
    expect(() => new Checker(applyConfig({ crypto: createNodeCrypto(), environment: 'staging' }, parseConfig(PRODUCTION, 'c')))).toThrow("unknown environment 'staging'; known: production, test");
  });
});

describe('evaluation time', () => {
  it.each([
    ['2026-06-01', '2026-06-01T00:00:00.000Z'],
    ['2026-06-01T12:30', '2026-06-01T12:30:00.000Z'],
    ['2026-06-01T12:30:00+01:00', '2026-06-01T11:30:00.000Z'],
    ['2024-02-29T23:59:59.999Z', '2024-02-29T23:59:59.999Z'],
  ])('reads %s as UTC unless an offset is given', (text, iso) => {
    expect(new Date(parseIsoInstant(text)).toISOString()).toBe(iso);
  });

  it.each(['1 June 2026', '2026-02-30', '2026-06-01T24:00', '20260601', ''])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNaN();
  });
});
