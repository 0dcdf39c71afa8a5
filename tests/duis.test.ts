// DUIS service requests: recognition by content, the XML reader's safety, where each certificate
// and finding is located, the placement table, the request rules' messages, the signer, the library
// API and the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEntries } from '../src/check/entries.js';
import { REQUEST_PLACEMENTS, REMOTE_PARTY_ROLES } from '../src/duis/placements.js';
import { parseXmlDocument } from '../src/duis/xml.js';
import { DUIS_RULES } from '../src/rules/duis/index.js';
import { checkDuisRequest } from '../src/node.js';
import type { CertificateResult } from '../src/check/result.js';
import { loadManifest, TEST_CERTS } from './helpers/sample-pki.js';

const manifest = loadManifest();
const AT = manifest.evaluationTime;
const BIN = join(import.meta.dirname, '..', 'bin', 'smki-lint.js');
const read = (file: string) => new Uint8Array(readFileSync(join(TEST_CERTS, file)));
const text = (file: string) => readFileSync(join(TEST_CERTS, file), 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);
const issuers = ['valid/root-oca.pem', 'valid/issuing-oca.pem', 'valid/device-ca.pem'].map(read);
const check = (content: Uint8Array, signer?: string, at = AT) => checkDuisRequest(content, { at, environment: 'test', issuers, signer: signer ? read(signer) : undefined, path: 'request.xml' });
const ids = (r: CertificateResult) => r.findings.map((f) => f.ruleId);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The 1-based line of the first line containing `needle`. */
function lineOf(content: string, needle: string): number {
  return content.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const KRP = 'duis/valid/6.15.1-krp-supplier.xml';

describe('recognising a DUIS request', () => {
  it('makes the request item 0 and each certificate element an item at its element path and line', () => {
    const content = text(KRP);
    const [entry] = detectEntries(read(KRP), KRP);
    expect(entry.duis).toBeDefined();
    const sources = entry.duis!.certificates.map((c) => c.source);
    const base = 'sr:Body/sr:UpdateSecurityCredentialsKRP';
    expect(sources).toEqual([
      { path: KRP, index: 1, line: lineOf(content, '<sr:DigitalSigningCertificate>'), element: `${base}/sr:ReplacementCertificates/sr:SupplierOrNetworkOperatorCertificates/sr:DigitalSigningCertificate` },
      { path: KRP, index: 2, line: lineOf(content, '<sr:KeyAgreementCertificate>'), element: `${base}/sr:ReplacementCertificates/sr:SupplierOrNetworkOperatorCertificates/sr:KeyAgreementCertificate` },
      { path: KRP, index: 3, line: lineOf(content, '<sr:KeyAgreementTopUpCertificate>'), element: `${base}/sr:ReplacementCertificates/sr:SupplierOrNetworkOperatorCertificates/sr:KeyAgreementTopUpCertificate` },
      { path: KRP, index: 4, line: lineOf(content, '<sr:Certificate>'), element: `${base}/sr:CertificationPathCertificates/sr:Certificate` },
    ]);
  });

  it('numbers path certificates that share a name, and names elements sr: and ds: whatever prefixes the request uses', () => {
    const content = text('duis/defects/path-unused.xml').replace(/sr:/g, 'x:').replace('xmlns:sr=', 'xmlns:x=');
    const [entry] = detectEntries(bytes(content), 'p.xml');
    const elements = entry.duis!.certificates.map((c) => c.source.element);
    expect(elements.slice(-2)).toEqual(['sr:Body/sr:UpdateSecurityCredentialsKRP/sr:CertificationPathCertificates/sr:Certificate[1]', 'sr:Body/sr:UpdateSecurityCredentialsKRP/sr:CertificationPathCertificates/sr:Certificate[2]']);
    // The default namespace reads the same.
    const unprefixed = text(KRP).replace(/<(\/?)sr:/g, '<$1').replace('xmlns:sr=', 'xmlns=');
    const { request, certificates } = check(bytes(unprefixed), 'duis/signers/supplier-xml-signer.pem');
    expect(request.duis?.requestType).toBe('UpdateSecurityCredentialsKRP');
    expect(certificates.map((c) => c.source.element)).toEqual(check(read(KRP)).certificates.map((c) => c.source.element));
    expect([request, ...certificates].flatMap(ids)).toEqual([]);
  });

  it('leaves other XML to the usual detection, and says what a DUIS response is', () => {
    const other = detectEntries(bytes('<?xml version="1.0"?>\n<project><name>x</name></project>\n'), 'pom.xml');
    expect(other).toHaveLength(1);
    expect(other[0].problem?.message).toContain("first line: '<?xml version=\"1.0\"?>'");
    const response = detectEntries(bytes('<sr:Response xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway"/>'), 'r.xml');
    expect(response[0].problem).toEqual({ kind: 'no-certificate', message: 'r.xml: a DUIS response (sr:Response), not a DUIS service request (sr:Request)' });
    // A PEM block inside HTML is still found.
    const pem = text('valid/org-02-ds.pem');
    const html = detectEntries(bytes(`<html><body><pre>\n${pem}</pre></body></html>\n`), 'page.html');
    expect(html.map((e) => e.der !== undefined)).toEqual([true]);
  });

  it('checks a request type that carries no certificate as one item: its header and its signer', () => {
    const inventory = text(KRP).replace(/<sr:Body>[\s\S]*<\/sr:Body>/, '<sr:Body>\n    <sr:ReadInventory><sr:DeviceID>90-B3-D5-1F-34-02-00-01</sr:DeviceID></sr:ReadInventory>\n  </sr:Body>');
    const { request, certificates } = check(bytes(inventory), 'duis/signers/supplier-ds.pem');
    expect(certificates).toEqual([]);
    expect(request.duis).toMatchObject({ requestType: 'ReadInventory', certificates: 0 });
    expect(request.duis?.title).toBeUndefined();
    expect(ids(request)).toEqual(['duis.signer.role', 'duis.signer.key-info-mismatch']);
  });

  it('reports XML that names the DUIS namespace but is not well-formed, with the line and column', () => {
    const { request, certificates } = check(read('duis/defects/not-well-formed.xml'));
    expect(certificates).toEqual([]);
    expect(ids(request)).toEqual(['input.no-certificate']);
    const entries = detectEntries(read('duis/defects/not-well-formed.xml'), 'cut.xml');
    expect(entries[0].problem?.kind).toBe('invalid-encoding');
    expect(entries[0].problem?.message).toMatch(/^cut\.xml \(line \d+\): XML that names the DUIS namespace but is not well-formed: .+ \(line \d+, column \d+\)$/);
  });

  it('reports a certificate element whose content is not base64 as that item, and checks the rest', () => {
    const { request, certificates } = check(read('duis/defects/bad-base64.xml'));
    expect(request.findings.map((f) => f.ruleId)).toEqual(['duis.path.unused']);
    expect(certificates).toHaveLength(2);
    expect(ids(certificates[0])).toEqual(['input.invalid-encoding']);
    expect(certificates[0].findings[0].message).toContain('sr:DigitalSigningCertificate: its content is not base64 (xs:base64Binary)');
    expect(certificates[0].source.element).toMatch(/sr:DigitalSigningCertificate$/);
  });
});

describe('the XML reader is safe with hostile input', () => {
  const wrap = (doctype: string, body: string) => `<?xml version="1.0"?>\n${doctype}\n<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.4">${body}</sr:Request>`;

  it('refuses any DOCTYPE: no entity a DTD declares is expanded, no external DTD or entity is read', () => {
    const laughs = wrap('<!DOCTYPE sr:Request [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', '<sr:Header><sr:RequestID>&b;</sr:RequestID></sr:Header>');
    const external = wrap('<!DOCTYPE sr:Request [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '<sr:Header><sr:RequestID>&x;</sr:RequestID></sr:Header>');
    const dtd = wrap('<!DOCTYPE sr:Request SYSTEM "http://127.0.0.1:9/duis.dtd">', '');
    for (const doc of [laughs, external, dtd]) {
      const parsed = parseXmlDocument(doc);
      expect(parsed.ok).toBe(false);
      const [entry] = detectEntries(bytes(doc), 'hostile.xml');
      expect(entry.problem?.kind).toBe('invalid-encoding');
    }
    expect(parseXmlDocument(dtd)).toMatchObject({ ok: false, message: expect.stringContaining('DOCTYPE') });
  });

  it('refuses an undeclared namespace prefix and bytes that are not UTF-8, never throwing', () => {
    expect(parseXmlDocument('<a:b xmlns:c="urn:x"/>')).toMatchObject({ ok: false, message: "the namespace prefix 'a' is not declared", line: 1, column: 1 });
    const latin = new Uint8Array([...bytes('<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">'), 0xe9, ...bytes('</sr:Request>')]);
    expect(detectEntries(latin, 'l.xml')[0].problem?.message).toContain('not UTF-8');
  });

  it('reads entities XML itself defines and CDATA', () => {
    const parsed = parseXmlDocument('<a>x&lt;&#x41;<![CDATA[<b>]]></a>');
    expect(parsed).toMatchObject({ ok: true, root: { local: 'a', text: 'x<A<b>' } });
  });
});

describe('the placement table', () => {
  it('covers every request type of the DUIS 5.4 schema whose body carries a certificate, once', () => {
    const bodies = REQUEST_PLACEMENTS.map((p) => p.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect([...bodies].sort()).toEqual(
      [
        'UpdateSecurityCredentialsKRP',
        'UpdateSecurityCredentialsDevice',
        'RequestHandoverOfDCCControlledDevice',
        'UpdateSecurityCredentialsCoS',
        'ServiceOptOut',
        'RetrieveCoMOrTariffTriggeredBillingDataLog',
        'RetrieveBillingCalendarTriggeredBillingDataLog',
        'RetrieveImportDailyReadLog',
        'ReadActiveImportProfileData',
        'ReadNetworkData',
        'ReadPrepaymentDailyReadLog',
        'RetrieveDailyConsumptionLog',
        'CreateSchedule',
      ].sort(),
    );
  });

  it('maps every sr:RemotePartyRole value to its role code', () => {
    expect(Object.fromEntries(Object.entries(REMOTE_PARTY_ROLES).map(([name, r]) => [name, r.hex]))).toEqual({ ACB: '04', NetworkOperator: '03', Recovery: '01', Root: '00', Supplier: '02', TransCoS: '05', LoadController: '08' });
  });

  it('has a valid sample of every request type in it, checked clean with its signer', () => {
    const samples = manifest.files.filter((f) => f.file.startsWith('duis/valid/'));
    const types = samples.map((f) => detectEntries(read(f.file), f.file)[0].duis!.request.body!.text);
    expect([...types].sort()).toEqual(REQUEST_PLACEMENTS.map((p) => p.body).sort());
    for (const f of samples) {
      const { request, certificates } = check(read(f.file), f.signer);
      expect([request, ...certificates].flatMap(ids), f.file).toEqual([]);
      expect(certificates.length, f.file).toBeGreaterThan(0);
    }
  });

  it('gives every request rule a sample that fails it', () => {
    const expected = new Set(manifest.files.flatMap((f) => [...f.expect, ...(f.expectSigner ?? [])]));
    expect(DUIS_RULES.map((r) => r.id).filter((id) => !expected.has(id))).toEqual([]);
  });
});

describe('request findings: located at the element, saying what was found and what was expected', () => {
  const findings = (file: string, signer?: string) => check(read(file), signer).request.findings;

  it('swapped signing and key agreement certificates', () => {
    const content = text('duis/defects/swapped-ds-ka.xml');
    const found = findings('duis/defects/swapped-ds-ka.xml');
    expect(found.map((f) => [f.ruleId, f.line])).toEqual([
      ['duis.cell.key-usage', lineOf(content, '<sr:DigitalSigningCertificate>')],
      ['duis.cell.key-usage', lineOf(content, '<sr:KeyAgreementCertificate>')],
    ]);
    expect(found[0].message).toBe('sr:DigitalSigningCertificate (line 15) takes a certificate with keyUsage digitalSignature, but this one has keyAgreement (a key agreement certificate where the signing one belongs: are the two swapped?)');
    expect(found[0].path).toMatch(/\/sr:DigitalSigningCertificate$/);
    expect(found[0].column).toBe(11);
  });

  it("a network operator's certificate in a supplier request", () => {
    const [f] = findings('duis/defects/network-operator-in-supplier.xml');
    expect(f.ruleId).toBe('duis.cell.role-mismatch');
    expect(f.severity).toBe('error');
    expect(f.message).toContain("holds a certificate of role 0x03 = 3 (networkOperator) (OU '03'), but sr:RemotePartyRole 'Supplier': its certificates carry role 0x02 = 2 (supplier) (OU '02')");
  });

  it('the 0x86 case: the erratum finding of the certificate itself, at its element', () => {
    const { request, certificates } = check(read('duis/defects/role-86.xml'));
    expect(ids(request)).toEqual([]);
    const reserved = certificates[0].findings.find((f) => f.ruleId === 'org.role.reserved')!;
    expect(reserved.message).toContain('BEIS corrected it for the November 2020 SEC Release');
    expect(certificates[0].source.element).toMatch(/sr:DigitalSigningCertificate$/);
    expect(certificates[0].source.line).toBe(lineOf(text('duis/defects/role-86.xml'), '<sr:DigitalSigningCertificate>'));
  });

  it('a certificate that does not chain to the path', () => {
    const [f] = findings('duis/defects/not-chained.xml');
    expect(f.ruleId).toBe('duis.path.not-chained');
    expect(f.message).toMatch(/^sr:KeyAgreementCertificate \(line \d+\), issued by 'OU=07, CN=T8', does not chain to the request's certification path \(sr:Certificate \(line \d+\): its issuer 'OU=07, CN=T8' is not the subject 'OU=07, CN=T1'\)/);
  });

  it('a path certificate that is not a CA, and one nothing uses', () => {
    expect(findings('duis/defects/path-not-ca.xml').map((f) => [f.ruleId, f.severity, f.path.slice(-17)])).toEqual([
      ['duis.path.not-ca', 'error', 'sr:Certificate[2]'],
      ['duis.path.unused', 'notice', 'sr:Certificate[2]'],
    ]);
  });

  it('the other request rules, each at its element', () => {
    expect(findings('duis/defects/remote-party-role.xml')[0]).toMatchObject({ ruleId: 'duis.request.remote-party-role', path: 'sr:Body/sr:UpdateSecurityCredentialsKRP/sr:RemotePartyRole' });
    expect(findings('duis/defects/request-id.xml')[0]).toMatchObject({ ruleId: 'duis.request.request-id', path: 'sr:Header/sr:RequestID', line: 4 });
    expect(findings('duis/defects/schema-version-3.xml')[0]).toMatchObject({ ruleId: 'duis.request.schema-version', severity: 'warning', line: 2 });
    expect(findings('duis/defects/organisation-as-device.xml')[0].message).toMatch(/^sr:DeviceCertificate \(line \d+\) takes a Device Certificate, but holds an Organisation Certificate/);
    expect(findings('duis/defects/device-not-target.xml')[0].message).toContain('is the certificate of Device 90-B3-D5-1F-34-02-00-01 (hwSerialNum), but the request is addressed to 90-B3-D5-1F-34-02-00-09');
    expect(findings('duis/defects/top-up-for-network-operator.xml')[0]).toMatchObject({ ruleId: 'duis.cell.not-held-by-party', severity: 'warning' });
    expect(findings('duis/defects/two-parties.xml')[0]).toMatchObject({ ruleId: 'duis.party.eui-mismatch', severity: 'warning' });
  });
});

describe('the signer', () => {
  const signerFindings = (file: string, signer: string, at = AT) => check(read(file), signer, at).request.findings.filter((f) => f.ruleId.startsWith('duis.signer.'));

  it("explains the November 2020 change when a supplier's 02 signing certificate would sign", () => {
    const [f] = signerFindings('duis/defects/wrong-signer.xml', 'duis/signers/supplier-ds.pem');
    expect(f.ruleId).toBe('duis.signer.role');
    expect(f.severity).toBe('error');
    expect(f.path).toBe('ds:Signature');
    expect(f.message).toBe(
      "the signer is a certificate of role 0x02 = 2 (supplier) (OU '02'). Since the November 2020 SEC Release a DCC User signs DUIS service requests with an XML signing certificate, role 0x87 = 135 (OU '87'), no longer with the digital signing certificate of its GBCS role (SEC Section L3.18, which BEIS proposed to bring into effect on 29 November 2020 \"or as soon as practicable within one month after this date\")",
    );
  });

  it('names the erratum for a signer with OU 86', () => {
    const [entry] = detectEntries(read('defects/org-role-86-reserved.pem'), 'x');
    const { request } = checkDuisRequest(read(KRP), { at: AT, signer: entry.der });
    const role = request.findings.find((f) => f.ruleId === 'duis.signer.role')!;
    expect(role.message).toContain("has OU '86', role 134, reserved for the Centralised Switching Service. XML signing is 0x87 = 135 (xmlSigning). The June 2020 draft of the OCP wrote \"86\"");
  });

  it('does not apply the role rule before XML signing certificates came into force', () => {
    const { request } = check(read('duis/defects/wrong-signer.xml'), 'duis/signers/supplier-ds.pem', '2020-06-01');
    expect(ids(request)).not.toContain('duis.signer.role');
    expect(request.notEffective).toContainEqual({ ruleId: 'duis.signer.role', reason: 'DUIS request checked 2020-06-01, before the rule took effect on 2020-11-29' });
  });

  it("checks the sender's EUI-64, the validity and ds:KeyInfo", () => {
    expect(signerFindings('duis/defects/signer-other-party.xml', 'duis/signers/network-operator-xml-signer.pem')[0].message).toBe(
      'the request is sent by 90-B3-D5-1F-34-01-00-00 (sr:RequestID), but the signer has EUI-64 90-B3-D5-1F-34-02-00-00: a request is signed with its sender\'s own XML signing certificate',
    );
    expect(signerFindings('duis/defects/signer-expired.xml', 'duis/signers/supplier-xml-signer-expired.pem')[0].message).toBe("the signer expired at 2025-12-31T23:59:59Z (evaluated at 2026-06-01T00:00:00Z): the DCC would reject the request's signature");
    const keyInfo = signerFindings('duis/defects/key-info-serial.xml', 'duis/signers/supplier-xml-signer.pem');
    expect(keyInfo.map((f) => [f.ruleId, f.path])).toEqual([['duis.signer.key-info-mismatch', 'ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509IssuerSerial/ds:X509SerialNumber']]);
    // The issuer name is compared whatever the order and spacing of its RDNs.
    const renamed = text(KRP).replace('CN=T1, OU=07', 'OU=07,CN=t1');
    expect(check(bytes(renamed), 'duis/signers/supplier-xml-signer.pem').request.findings).toEqual([]);
    const wrongIssuer = text(KRP).replace('CN=T1, OU=07', 'CN=T2, OU=07');
    expect(check(bytes(wrongIssuer), 'duis/signers/supplier-xml-signer.pem').request.findings[0].message).toBe("ds:X509IssuerName 'CN=T2, OU=07' is not the signer's issuer 'OU=07, CN=T1'");
  });

  it('refuses a signer that is not one certificate', () => {
    expect(() => checkDuisRequest(read(KRP), { signer: bytes('not a certificate') })).toThrow('the signer must be one certificate (DER or PEM); 0 were found');
  });
});

describe('checkDuisRequest', () => {
  it('says what bytes that are not a DUIS request hold, without throwing', () => {
    const pem = checkDuisRequest(read('valid/org-02-ds.pem'), { at: AT });
    expect(pem.certificates).toEqual([]);
    expect(pem.request.findings.map((f) => [f.ruleId, f.message])).toEqual([['input.no-certificate', 'not a DUIS service request (sr:Request): request.xml: it holds a certificate or CSR']]);
    const empty = checkDuisRequest(new Uint8Array(0), { at: AT, path: 'empty.xml' });
    expect(empty.request.findings[0].message).toBe('not a DUIS service request (sr:Request): empty.xml: empty input');
  });

  it('checks every certificate fully, chaining it to the path and verifying its signature', () => {
    const { request, certificates } = checkDuisRequest(read(KRP), { at: AT });
    expect(request.duis).toEqual({ certificates: 4, requestType: 'UpdateSecurityCredentialsKRP', title: 'Update Security Credentials (KRP)', serviceReferenceVariant: '6.15.1', requestId: '90-B3-D5-1F-34-01-00-00:00-DB-12-34-56-78-90-A0:1000', originator: '90-B3-D5-1F-34-01-00-00', target: '00-DB-12-34-56-78-90-A0', remotePartyRole: 'Supplier', schemaVersion: '5.4' });
    expect(certificates.slice(0, 3).map((c) => c.issuer)).toEqual(Array(3).fill({ sha256: certificates[3].sha256, subject: 'OU=07, CN=T1', matchedBy: 'key-identifier', signatureValid: true }));
    // Without the Root the path certificate's own issuer is not available: the notice says so.
    expect(ids(certificates[3])).toEqual(['chain.not-checked']);
  });
});

describe('smki-lint check on DUIS requests', () => {
  it('shows the request, then each certificate at its element and line, with --signer', () => {
    const file = join(TEST_CERTS, 'duis/defects/wrong-signer.xml');
    const r = run(['check', file, '--at', AT, '--signer', join(TEST_CERTS, 'duis/signers/supplier-ds.pem'), '--issuer', join(TEST_CERTS, 'valid')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file} [0]  DUIS request 6.15.1 Update Security Credentials (KRP) (UpdateSecurityCredentialsKRP)  RemotePartyRole Supplier  from 90-B3-D5-1F-34-01-00-00 to 00-DB-12-34-56-78-90-A0  4 certificates\n  error   duis.signer.role  the signer is a certificate of role 0x02 = 2 (supplier)`);
    expect(r.stdout).toMatch(/at ds:Signature, line \d+ · SEC Section L3\.18/);
    expect(r.stdout).toContain(`${file} [1]  sr:Body/sr:UpdateSecurityCredentialsKRP/sr:ReplacementCertificates/sr:SupplierOrNetworkOperatorCertificates/sr:DigitalSigningCertificate (line 15)  Organisation Certificate  role 0x02 = 2 (supplier)`);
    expect(r.stdout).toContain('5 items checked, 4 clean · 1 error, 0 warnings, 0 notices');
  });

  it('puts request findings at their element in SARIF, with line and column', () => {
    const r = run(['check', join(TEST_CERTS, 'duis/defects/swapped-ds-ka.xml'), '--at', AT, '--format', 'sarif']);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn?: number } } }[] }[];
    const cells = results.filter((x) => x.ruleId === 'duis.cell.key-usage').map((x) => x.locations[0].physicalLocation.region);
    expect(cells).toEqual([
      { startLine: 15, startColumn: 11 },
      { startLine: 16, startColumn: 11 },
    ]);
  });

  it('decodes a request: its header, then each certificate at its element', () => {
    const file = join(TEST_CERTS, 'duis/valid/6.15.2-device.xml');
    const text = run(['decode', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${file} [0]\n  Document                DUIS service request, schemaVersion 5.4\n  Request type            6.15.2 Update Security Credentials (Device) (sr:UpdateSecurityCredentialsDevice)`);
    expect(text.stdout).toContain(`${file} [1]  sr:Body/sr:UpdateSecurityCredentialsDevice/sr:DeviceCertificate (line 11)\n  Kind                    Device Certificate`);
    const decoded = JSON.parse(run(['decode', file, '--format', 'json']).stdout) as { document?: string; duis?: { certificates: number }; certificate?: unknown }[];
    expect(decoded.map((d) => d.document)).toEqual(['duis-request', 'certificate']);
    expect(decoded[0].duis?.certificates).toBe(1);
  });

  it('refuses a --signer file that does not hold exactly one certificate', () => {
    const r = run(['check', join(TEST_CERTS, KRP), '--signer', join(TEST_CERTS, 'bundles/orgs.pem')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--signer '");
    expect(r.stderr).toContain('must hold exactly one certificate (the XML signing certificate that will sign the requests); it holds 3');
  });

  it('gives the same output on worker threads as on one, in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smki-duis-'));
    // Many requests, so that they are spread over slices and workers.
    for (let i = 0; i < 80; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.xml`), readFileSync(join(TEST_CERTS, manifest.files.filter((f) => f.document === 'duis-request')[i % 30].file)));
    const args = ['check', dir, '--at', AT, '--format', 'json', '--signer', join(TEST_CERTS, 'duis/signers/supplier-xml-signer.pem')];
    const one = run([...args, '--jobs', '1']);
    const two = run([...args, '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).results.filter((r: { document?: string }) => r.document === 'duis-request')).toHaveLength(80);
  });
});
