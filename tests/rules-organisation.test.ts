import { describe, expect, it } from 'vitest';
import { createNodeCrypto } from '../src/crypto/node.js';
import { OID } from '../src/der/index.js';
import type { Finding, RuleContext } from '../src/lint/index.js';
import { certificateTarget } from '../src/lint/index.js';
import { ORGANISATION_RULES } from '../src/rules/org/index.js';
import { DEFAULT_ROLE_TABLE, TEST_ENVIRONMENT, formatEui64, readRoleCode, smkiView } from '../src/smki/index.js';
import type { SmkiView } from '../src/smki/index.js';
import type { AttributeTypeAndValue, Certificate } from '../src/x509/index.js';
import { describeSampleCoverage, findingsOf, sampleResults as results } from './helpers/rule-samples.js';

describeSampleCoverage(ORGANISATION_RULES);

/** The single message the rule gives for a sample. */
function messageOf(file: string, ruleId: string): string {
  const found = findingsOf(file, ruleId);
  expect(found.length, `${file} should yield exactly one ${ruleId}`).toBe(1);
  return found[0].message;
}

describe('messages on the sample certificates', () => {
  it('decimal OU 135 gives the hex and the role', () => {
    const m = messageOf('defects/org-role-decimal-135.pem', 'org.role.not-hex');
    expect(m).toContain("OU '135' is not two hex characters");
    expect(m).toContain("e.g. '02' for supplier");
    expect(m).toContain('135 decimal is 0x87 (xmlSigning)');
    expect(m).toContain("write OU '87'");
  });

  it('decimal OU 137 gives 89 (dspXmlSigning)', () => {
    const m = messageOf('defects/org-role-decimal-137.pem', 'org.role.not-hex');
    expect(m).toContain('137 decimal is 0x89 (dspXmlSigning)');
    expect(m).toContain("write OU '89'");
  });

  it('unknown 81 names 129 and the unpublished range', () => {
    const m = messageOf('defects/org-role-unknown-81.pem', 'org.role.unknown');
    expect(m).toContain("OU '81' is role 0x81 = 129");
    expect(m).toContain('not in the role table');
    expect(m).toContain('codes 128-133 and 136 appear in no published source');
    expect(messageOf('defects/org-role-unknown-88.pem', 'org.role.unknown')).toContain('0x88 = 136');
  });

  it('lower-case OU gives the upper-case form', () => {
    expect(messageOf('defects/org-role-7f-lowercase.pem', 'org.role.lowercase')).toContain("OU '7f' is in lower case; write it as '7F'");
  });

  it('reserved 86 names 134, the Centralised Switching Service, 0x87 and the erratum', () => {
    const m = messageOf('defects/org-role-86-reserved.pem', 'org.role.reserved');
    expect(m).toContain('134');
    expect(m).toContain('Centralised Switching Service');
    expect(m).toContain('0x87 = 135');
    expect(m).toContain('November 2020');
  });

  it('CA roles say which CA and why', () => {
    const m07 = messageOf('defects/org-role-07-end-entity.pem', 'org.role.not-end-entity');
    expect(m07).toContain("OU '07' is role 7 (issuingAuthority), a CA role");
    expect(m07).toContain('an Organisation Certificate cannot carry it');
    expect(messageOf('defects/org-role-00-end-entity.pem', 'org.role.not-end-entity')).toContain("OU '00' is role 0 (root), a CA role");
  });

  it('keyAgreement on xmlSigning names the usage seen', () => {
    const m = messageOf('defects/org-role-87-key-agreement.pem', 'org.role.key-usage-unusual');
    expect(m).toContain('keyAgreement certificate for role 0x87 = 135 (xmlSigning)');
    expect(m).toContain('seen with digitalSignature only');
  });

  it('before-in-force gives the date and its source', () => {
    const m = messageOf('defects/org-role-87-before-in-force.pem', 'org.role.before-in-force');
    expect(m).toContain('notBefore 2020-01-01');
    expect(m).toContain('0x87 = 135 (xmlSigning)');
    expect(m).toContain('2020-11-29');
    expect(m).toContain('SEC Section L3.18');
    expect(m).toContain('November 2020 SEC Release');
    // The date is the one BEIS proposed, and the message says so.
    expect(m).toContain('the date BEIS proposed for the November 2020 SEC Release, "or as soon as practicable within one month after this date"');
  });

  it('the CN rule applies from the OCP corrected in November 2020: earlier certificates are reported as not effective', () => {
    const [early] = results('defects/org-role-87-before-in-force.pem');
    expect(early.notEffective).toEqual([{ ruleId: 'org.cn.not-permitted-for-role', reason: 'certificate issued 2020-01-01, before the rule took effect on 2020-11-29' }]);
    const [later] = results('defects/org-cn-role-03.pem');
    expect(later.notEffective).toEqual([]);
  });

  it('CN on a role without one names the role and the permitted roles', () => {
    const m = messageOf('defects/org-cn-role-03.pem', 'org.cn.not-permitted-for-role');
    expect(m).toContain("Subject CN 'SAMPLENETWORK' is present but role 0x03 = 3 (networkOperator) may not have one");
    expect(m).toContain('only roles 02, 87 may populate the Subject X520 Common Name');
    expect(m).toContain('(the OCP rule as corrected in November 2020, as the BEIS consultation describes it)');
  });

  it('CN on reserved 86 explains the erratum', () => {
    const m = messageOf('defects/org-role-86-reserved-with-cn.pem', 'org.cn.not-permitted-for-role');
    expect(m).toContain('0x86 = 134 (reserved for the Centralised Switching Service)');
    expect(m).toContain('XML signing is 0x87 = 135');
  });

  it('CN "87" is decoded and sent to the OU', () => {
    const m = messageOf('defects/org-cn-87-on-role-02.pem', 'org.cn.looks-like-role-code');
    expect(m).toContain("Subject CN '87' looks like a Remote Party Role Code (0x87 = 135, xmlSigning)");
    expect(m).toContain('the role code belongs in the OU, not the CN');
  });

  it('EUI length says how many bits and what is expected', () => {
    expect(messageOf('defects/org-eui-48-bits.pem', 'org.eui.length')).toBe(
      'x500UniqueIdentifier holds 48 bits; the Entity Identifier is an EUI-64: 64 bits with 0 unused bits',
    );
  });

  it('findings point at the attribute concerned', () => {
    const [r] = results('defects/org-role-decimal-135.pem');
    const ou = attributesNamed(r.certificate!, OID.organizationalUnitName)[0];
    const f = findingsOf('defects/org-role-decimal-135.pem', 'org.role.not-hex')[0];
    expect(f.offset).toBe(ou.offset);
    expect(f.path).toBe('tbsCertificate.subject.organizationalUnitName');
  });
});

// Variations of a valid certificate's model, for cases no sample has.

const BASE = 'valid/org-02-ds.pem';

function attributesNamed(cert: Certificate, oid: string): AttributeTypeAndValue[] {
  return (cert.subject?.rdns ?? []).flatMap((rdn) => rdn.attributes.filter((a) => a.oid === oid));
}

function baseCert(file = BASE): Certificate {
  return structuredClone(results(file)[0].certificate!);
}

/** The certificate with the first attribute of `oid` set to a string value. */
function withAttribute(cert: Certificate, oid: string, value: string): Certificate {
  const a = attributesNamed(cert, oid)[0];
  a.value = value;
  a.valueType = 'UTF8String';
  a.stringType = 'UTF8String' as never;
  return cert;
}

interface RunOptions {
  commonNameRoles?: readonly string[];
  view?: Partial<SmkiView>;
}

function run(id: string, cert: Certificate, options: RunOptions = {}): Finding[] {
  const rule = ORGANISATION_RULES.find((r) => r.id === id)!;
  const findings: Finding[] = [];
  const ctx: RuleContext = {
    evaluationTime: Date.parse('2026-06-01T00:00:00Z'),
    environment: TEST_ENVIRONMENT,
    roles: DEFAULT_ROLE_TABLE,
    commonNameRoles: new Set(options.commonNameRoles ?? DEFAULT_ROLE_TABLE.commonNameRoles()),
    crypto: createNodeCrypto(),
    report: (r) => findings.push({ ruleId: id, severity: rule.severity, message: r.message, path: r.path, offset: r.offset, citation: rule.citation }),
  };
  const view = { ...smkiView(cert, DEFAULT_ROLE_TABLE, 'organisation'), ...options.view };
  rule.check(certificateTarget(cert, view), ctx);
  return findings;
}

describe('role code variations', () => {
  const notHex = (ou: string) => run('org.role.not-hex', withAttribute(baseCert(), OID.organizationalUnitName, ou)).map((f) => f.message);

  it('two hex characters are never not-hex, whatever their decimal reading', () => {
    for (const ou of ['10', '02', '87', '7f', 'AB']) expect(notHex(ou)).toEqual([]);
  });

  it('names near misses', () => {
    expect(notHex('2')[0]).toContain("2 decimal is 0x02 (supplier); write OU '02'");
    expect(notHex('129')[0]).toContain('0x81 = 129, which is not in the role table either');
    expect(notHex('300')[0]).toContain('not a role code either');
    expect(notHex(' 02')[0]).toContain("write OU '02' (0x02 = 2 (supplier))");
    expect(notHex('0x87')[0]).toContain("Drop the '0x' prefix; write OU '87'");
    expect(notHex('supplier')[0]).toContain("write OU '02'");
    expect(notHex('')[0]).toContain('OU is empty');
  });

  it('an OU that is not a character string is not read as a role', () => {
    const cert = baseCert();
    const ou = attributesNamed(cert, OID.organizationalUnitName)[0];
    ou.valueType = 'OCTET STRING';
    ou.stringType = undefined;
    ou.value = '02';
    expect(run('org.role.not-hex', cert)[0].message).toContain('OU is an OCTET STRING, not a character string');
    expect(run('org.role.lowercase', cert)).toEqual([]);
  });

  it('an unknown code outside 128-136 lists the table', () => {
    const m = run('org.role.unknown', withAttribute(baseCert(), OID.organizationalUnitName, '09'))[0].message;
    expect(m).toContain("OU '09' is role 0x09 = 9");
    expect(m).toContain('the table holds 00-08, 7F, 86, 87, 89');
  });

  it('reserved 86 is not also reported as a CA role or an unusual key usage', () => {
    const cert = withAttribute(baseCert(), OID.organizationalUnitName, '86');
    expect(run('org.role.not-end-entity', cert)).toEqual([]);
    expect(run('org.role.key-usage-unusual', cert)).toEqual([]);
  });
});

describe('common name variations', () => {
  const looks = (cn: string, ou = '02') =>
    run('org.cn.looks-like-role-code', withAttribute(withAttribute(baseCert(), OID.commonName, cn), OID.organizationalUnitName, ou));

  it('CN "86" names 134, the Centralised Switching Service and 0x87', () => {
    const m = looks('86')[0].message;
    expect(m).toContain("Subject CN '86' looks like a Remote Party Role Code");
    expect(m).toContain('0x86 = 134 is reserved for the Centralised Switching Service');
    expect(m).toContain('XML signing is 0x87 = 135');
    expect(m).toContain('"86" where "87" was meant');
    expect(m).toMatch(/the role code belongs in the OU, not the CN/i);
  });

  it('counts two hex characters in any case, only for codes of the role table', () => {
    expect(looks('7f')[0].message).toContain('0x7F = 127, other');
    expect(looks('02')[0].message).toContain('the OU already holds it');
    expect(looks('CA')).toEqual([]);
    expect(looks('81')).toEqual([]);
    expect(looks('087')).toEqual([]);
    expect(looks('SAMPLESUPPLIER')).toEqual([]);
  });

  it('the CN role set is data', () => {
    const cn03 = withAttribute(baseCert(), OID.organizationalUnitName, '03');
    expect(run('org.cn.not-permitted-for-role', cn03)).toHaveLength(1);
    expect(run('org.cn.not-permitted-for-role', cn03, { commonNameRoles: ['02', '03', '87'] })).toEqual([]);
    expect(run('org.cn.not-permitted-for-role', baseCert(), { commonNameRoles: [] })[0].message).toContain('only roles (none configured)');
  });

  it('a CN with an unreadable role code is left to the role rules', () => {
    expect(run('org.cn.not-permitted-for-role', withAttribute(baseCert(), OID.organizationalUnitName, '135'))).toEqual([]);
  });

  it('role 87 may have a CN', () => {
    expect(run('org.cn.not-permitted-for-role', withAttribute(baseCert(), OID.organizationalUnitName, '87'))).toEqual([]);
  });
});

describe('partial models', () => {
  const bare = (): Certificate => ({
    der: new Uint8Array(0),
    issuerUniqueIdPresent: false,
    subjectUniqueIdPresent: false,
    extensions: [],
    violations: [],
    problems: [],
  });

  it('no rule throws on a certificate with nothing decoded', () => {
    for (const rule of ORGANISATION_RULES) expect(() => run(rule.id, bare())).not.toThrow();
  });

  it('no rule throws on undecodable extensions and odd subjects', () => {
    const cert = baseCert();
    for (const ext of cert.extensions) {
      ext.parsed = undefined;
      ext.error = 'value is not a complete DER element';
    }
    const uid = attributesNamed(cert, OID.x500UniqueIdentifier)[0];
    uid.valueBytes = new Uint8Array(0);
    cert.validity = { offset: 0 };
    for (const rule of ORGANISATION_RULES) expect(() => run(rule.id, cert, { view: { role: undefined } })).not.toThrow();
    expect(run('org.eui.length', cert)[0].message).toContain('empty BIT STRING');
  });

  it('a missing subject is not reported as a missing role or EUI', () => {
    expect(run('org.role.missing', bare())).toEqual([]);
    expect(run('org.eui.missing', bare())).toEqual([]);
  });
});

describe('readRoleCode', () => {
  // The reading as a pattern and parseInt give it, for every two-character OU and a few others.
  const expected = (ou: string) => {
    if (!/^[0-9A-Fa-f]{2}$/.test(ou)) return { status: 'malformed', lowercase: false };
    const code = parseInt(ou, 16);
    const role = DEFAULT_ROLE_TABLE.get(code);
    return { status: role ? role.status : 'unknown', code, hex: ou.toUpperCase(), lowercase: ou !== ou.toUpperCase(), role };
  };

  it('reads every pair of characters from the printable ASCII range as the pattern does', () => {
    const chars = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    for (const a of chars) {
      for (const b of chars) {
        const ou = a + b;
        expect(readRoleCode(ou, DEFAULT_ROLE_TABLE), ou).toMatchObject(expected(ou));
      }
    }
  });

  it('other lengths are malformed; decimal digits are read as the code they would be', () => {
    for (const ou of ['', '8', '087', '0x87', ' 87', '87 ', '\u0661\u0662']) expect(readRoleCode(ou, DEFAULT_ROLE_TABLE), ou).toMatchObject({ status: 'malformed', lowercase: false });
    expect(readRoleCode('135', DEFAULT_ROLE_TABLE).decimal).toMatchObject({ code: 135, hex: '87' });
    expect(readRoleCode('8a', DEFAULT_ROLE_TABLE)).toMatchObject({ code: 0x8a, hex: '8A', lowercase: true });
  });
});

describe('formatEui64', () => {
  it('writes each octet as two upper-case hex digits, dash-separated, for any length', () => {
    expect(formatEui64(Uint8Array.of(0x90, 0xb3, 0xd5, 0x1f, 0x30, 0x01, 0x00, 0x0a))).toBe('90-B3-D5-1F-30-01-00-0A');
    expect(formatEui64(new Uint8Array(0))).toBe('');
    expect(formatEui64(Uint8Array.of(0xff))).toBe('FF');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(formatEui64(all)).toBe(Array.from(all, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-'));
  });
});
