import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IssuerStore, issuerCandidate, resolveIssuer, verifySignature } from '../src/chain/index.js';
import { Checker as FullChecker } from '../src/check/checker.js';
import { createNodeCrypto } from '../src/crypto/node.js';
import type { Checker } from '../src/check/checker.js';
import type { CertificateResult } from '../src/check/result.js';
import { toHex } from '../src/der/index.js';
import type { ChainInfo, Finding } from '../src/lint/index.js';
import { CHAIN_RULES } from '../src/rules/chain/index.js';
import { ALL_RULES } from '../src/rules/index.js';
import { isCaKind } from '../src/smki/index.js';
import { extensionValue, formatName } from '../src/x509/index.js';
import { buildCertificate, removeExtension, replaceExtension } from '../test-certs/generate/certificate.js';
import { certificatePolicies } from '../test-certs/generate/extensions.js';
import type { CertParts } from '../test-certs/generate/certificate.js';
import { nonDerSigner, supplier } from '../test-certs/generate/defect-kit.js';
import { generalizedTime, oid, seq, utcTime } from '../test-certs/generate/der-writer.js';
import { p256Key } from '../test-certs/generate/keys.js';
import { caName } from '../test-certs/generate/names.js';
import { issuingOca } from '../test-certs/generate/profiles.js';
import { buildValidPki } from '../test-certs/generate/pki.js';
import { TEST_CERTS, loadManifest, manifestChecker } from './helpers/sample-pki.js';

interface Checked {
  result: CertificateResult;
  chain?: ChainInfo;
}

interface RunOptions {
  requireIssuer?: boolean;
  /** No issuers at all, as when a single end-entity file is checked alone. */
  emptyStore?: boolean;
  /** Certificates checked besides the manifest's, as [name, DER]. */
  extra?: [string, Uint8Array][];
  /** Certificates made available as issuers whatever their kind (as --issuer does). */
  forcedIssuers?: Uint8Array[];
}

/**
 * The manifest's run: every sample file decoded, every CA certificate among them made an issuer,
 * then each certificate's issuer resolved and all rules run with that chain information.
 */
function runTree(options: RunOptions = {}): Map<string, Checked[]> {
  const checker: Checker = manifestChecker();
  const decoded = new Map<string, CertificateResult[]>();
  for (const { file } of loadManifest().files) decoded.set(file, checker.decodeSource(new Uint8Array(readFileSync(join(TEST_CERTS, file))), file));
  for (const [name, der] of options.extra ?? []) decoded.set(name, [checker.decodeDer(der, { path: name, index: 0 })]);
  const store = new IssuerStore();
  if (!options.emptyStore) {
    for (const r of [...decoded.values()].flat()) {
      if (r.certificate && r.view && r.sha256 && isCaKind(r.view.kind)) store.add(issuerCandidate(r.certificate, r.view, r.sha256));
    }
    for (const der of options.forcedIssuers ?? []) {
      const r = checker.decodeDer(der, { path: 'issuer', index: 0 });
      store.add(issuerCandidate(r.certificate!, r.view!, r.sha256!));
    }
  }
  const out = new Map<string, Checked[]>();
  for (const [file, results] of decoded) {
    out.set(
      file,
      results.map((result) => {
        const { certificate: cert, view, sha256 } = result;
        // As in the checker: the chain stage runs only on a fully decoded certificate.
        const chain = cert && view && sha256 && cert.problems.length === 0 ? resolveIssuer(cert, view, sha256, store, checker.options.crypto, options.requireIssuer ?? false) : undefined;
        checker.lint(result, chain);
        return { result, chain };
      }),
    );
  }
  return out;
}

const manifest = loadManifest();
const tree = runTree();
const CHAIN_IDS = new Set(CHAIN_RULES.map((r) => r.id));

function chainFindings(checked: Checked[], ruleId?: string): Finding[] {
  return checked.flatMap((c) => c.result.findings.filter((f) => (ruleId ? f.ruleId === ruleId : CHAIN_IDS.has(f.ruleId))));
}

const hexUpper = (b: Uint8Array | undefined) => (b ? toHex(b).toUpperCase() : '');

/**
 * What each rule's message must say on every sample that expects it, given the certificate and
 * the issuer the chain stage chose.
 */
const MESSAGE_CHECKS: Record<string, (c: Checked, found: Finding[]) => void> = {
  'chain.not-checked': ({ result }, [f]) => {
    const cert = result.certificate!;
    expect(f.severity).toBe('notice');
    expect(f.message).toContain('none of the');
    expect(f.message).toContain(hexUpper(extensionValue(cert, 'authorityKeyIdentifier')?.keyIdentifier));
    expect(f.message).toContain(`the subject '${formatName(cert.issuer)}'`);
  },
  'chain.issuer.unavailable': ({ result }, [f]) => {
    expect(f.severity).toBe('error');
    expect(f.message).toContain(`the subject '${formatName(result.certificate!.issuer)}'`);
    expect(f.message).toMatch(/\(--require-issuer\)$/);
  },
  'chain.signature.unverifiable': ({ chain }, [f]) => {
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('could not be verified');
    expect(f.message).toContain('ecdsa-with-SHA512 (1.2.840.10045.4.3.4) is not one the checker verifies');
    expect(f.message).toContain(chain!.issuer!.subject);
  },
  'chain.signature.invalid': ({ chain }, [f]) => {
    expect(f.severity).toBe('error');
    expect(f.message).toContain('does not verify');
    expect(f.message).toContain(chain!.issuer!.subject);
    expect(f.message).toContain(chain!.issuer!.sha256.slice(0, 16));
    expect(f.message).toMatch(/matched by its (subjectKeyIdentifier|subject name)/);
  },
  'chain.issuer-name.mismatch': ({ chain }, [f]) => {
    expect(f.message).toContain(chain!.issuer!.subject);
    expect(f.message).toMatch(/: .+ against .+;/);
  },
  'chain.issuer-name.string-type': (_c, [f]) => {
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/OU is (UTF8String|IA5String) in the issuer name but PrintableString in the issuer's subject/);
    expect(f.message).toContain('byte-for-byte comparison, as most verifiers do it, fails');
  },
  'chain.aki.mismatch': ({ result, chain }, [f]) => {
    expect(f.message).toContain(hexUpper(extensionValue(result.certificate!, 'authorityKeyIdentifier')?.keyIdentifier));
    expect(f.message).toContain(hexUpper(extensionValue(chain!.issuer!.cert, 'subjectKeyIdentifier')));
  },
  'chain.validity.outside-issuer': ({ result, chain }, found) => {
    for (const f of found) expect(f.severity).toBe('warning');
    const own = result.certificate!.validity!;
    const theirs = chain!.issuer!.cert.validity!;
    const iso = (ms: number | null) => new Date(ms!).toISOString().replace('.000Z', 'Z');
    const late = own.notAfter!.ms! > theirs.notAfter!.ms!;
    const early = own.notBefore!.ms! < theirs.notBefore!.ms!;
    expect(found.length).toBe(Number(late) + Number(early));
    for (const f of found) {
      const field = f.path.endsWith('notAfter') ? 'notAfter' : 'notBefore';
      expect(f.message).toContain(`${field} ${iso(own[field]!.ms)}`);
      expect(f.message).toContain(iso(theirs[field]!.ms));
    }
  },
  'chain.issuer.not-ca': ({ chain }, [f]) => {
    expect(f.message).toContain(chain!.issuer!.subject);
    expect(f.message).toContain('is not a CA certificate');
  },
  'chain.issuer.role': ({ chain }, [f]) => {
    expect(f.message).toContain(chain!.issuer!.subject);
    expect(f.message).toMatch(/is issued by (an Issuing OCA|the Root OCA)/);
  },
  'chain.policy.inconsistent': ({ result, chain }, found) => {
    const outside = result.view!.policies.filter((p) => !chain!.issuer!.view.policies.includes(p));
    expect(outside.length).toBeGreaterThan(0);
    expect(found.map((f) => f.message.split(' ')[1])).toEqual(outside);
    for (const f of found) expect(f.message).toContain(chain!.issuer!.subject);
  },
  'chain.self-signed.not-root': ({ result }, [f]) => {
    expect(f.message).toContain('signed by its own key');
    expect(f.message).toContain(result.view!.selfIssued ? 'names itself' : 'yet its own key verifies the signature');
  },
};

/**
 * Rules no sample of the manifest's run can trigger: its issuers are the CA certificates of the
 * run, and a certificate is only taken for a CA when it has cA=TRUE or keyCertSign. Built
 * certificates below cover them instead.
 */
const UNREACHABLE_IN_MANIFEST_RUN: Record<string, string> = {
  'chain.issuer.not-ca': 'an issuer without cA and keyCertSign is only ever given explicitly (--issuer)',
  'chain.issuer.unavailable': 'the manifest run does not require issuers (--require-issuer)',
};

describe.each(CHAIN_RULES.map((rule) => ({ id: rule.id, rule })))('$id', ({ id, rule }) => {
  // A DUIS request's item is one of several results of its file; its chain findings are read in the manifest run below.
  const expecting = manifest.files.filter((f) => f.expect.includes(id) && f.document !== 'duis-request').map((f) => f.file);

  it('is in ALL_RULES and needs the chain stage', () => {
    expect(ALL_RULES).toContain(rule);
    expect(rule.needsChain).toBe(true);
    expect(MESSAGE_CHECKS[id]).toBeDefined();
  });

  if (UNREACHABLE_IN_MANIFEST_RUN[id]) {
    it(`has no manifest sample, as none can exist: ${UNREACHABLE_IN_MANIFEST_RUN[id]}`, () => {
      expect(expecting).toEqual([]);
    });
  } else {
    it('has a sample certificate in the manifest that expects it', () => {
      expect(expecting, `no manifest entry expects ${id}: add a defect sample for it`).not.toEqual([]);
    });
  }

  it.each(expecting)('reports %s, saying what differs', (file) => {
    const checked = tree.get(file)!;
    expect(checked.length).toBe(1);
    const found = chainFindings(checked, id);
    expect(found.length, `${file} should yield ${id}`).toBeGreaterThan(0);
    MESSAGE_CHECKS[id](checked[0], found);
  });
});

describe('the manifest run', () => {
  it('gives every sample exactly the chain findings its manifest entry expects', () => {
    const got: Record<string, string[]> = {};
    const want: Record<string, string[]> = {};
    for (const entry of manifest.files) {
      got[entry.file] = [...new Set(chainFindings(tree.get(entry.file)!).map((f) => f.ruleId))].sort();
      want[entry.file] = entry.expect.filter((id) => id.startsWith('chain.')).sort();
    }
    expect(got).toEqual(want);
  });

  it('expects no chain rule id that does not exist', () => {
    const unknown = manifest.files.flatMap((f) => f.expect.filter((id) => id.startsWith('chain.') && !CHAIN_IDS.has(id)).map((id) => `${f.file}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('gives the valid certificates no chain finding at all, each verified under its issuer', () => {
    const valid = manifest.files.filter((f) => f.file.startsWith('valid/') || f.file.startsWith('bundles/'));
    expect(valid.length).toBeGreaterThan(0);
    for (const entry of valid) {
      const checked = tree.get(entry.file)!;
      expect(chainFindings(checked), entry.file).toEqual([]);
      for (const { chain, result } of checked) {
        // A request in a bundle has no issuer.
        if (result.document === 'csr') continue;
        expect(chain?.issuer, entry.file).toBeDefined();
        expect(chain?.signatureValid, entry.file).toBe(true);
        expect(chain?.matchedBy, entry.file).toBe(result.kind === 'root' ? 'self' : 'key-identifier');
      }
    }
  });

  it('leaves a root that names itself but is signed by another key to root.not-self-signed', () => {
    const [{ result, chain }] = tree.get('defects/root-not-self-signed.pem')!;
    expect(chain?.issuer).toBeUndefined();
    expect(result.findings.map((f) => f.ruleId)).toContain('root.not-self-signed');
    expect(chainFindings([{ result }])).toEqual([]);
  });
});

/** Whether the certificate's own key verifies its signature. */
function selfSigned({ result }: Checked): boolean {
  const cert = result.certificate!;
  return cert.subjectPublicKeyInfo !== undefined && verifySignature(manifestChecker().options.crypto, cert, cert.subjectPublicKeyInfo.raw) === true;
}

describe('without any issuer certificate', () => {
  for (const requireIssuer of [false, true]) {
    // One severity per rule id: a required issuer that is missing is another rule, an error.
    const [id, severity] = requireIssuer ? ['chain.issuer.unavailable', 'error'] : ['chain.not-checked', 'notice'];
    it(`reports ${id} as ${severity === 'error' ? 'an error with requireIssuer' : 'a notice'} on every SMKI certificate not signed by its own key`, () => {
      const run = runTree({ emptyStore: true, requireIssuer });
      let seen = 0;
      for (const [file, checked] of run) {
        for (const c of checked) {
          if (!c.chain || c.result.view!.kind === 'unknown') continue;
          const missing = chainFindings([c], id);
          const root = c.result.view!.kind === 'root' && c.result.view!.selfIssued;
          if (selfSigned(c) || root) {
            expect(missing, file).toEqual([]);
            continue;
          }
          seen++;
          expect(missing.length, file).toBe(1);
          expect(missing[0].severity, file).toBe(severity);
          expect(missing[0].message, file).toContain('no issuer certificates were available');
          expect(missing[0].message, file).toContain('pass --issuer <file|dir> or include the CA certificates in the run');
          // Nothing else can be compared without an issuer.
          expect(chainFindings([c]).map((f) => f.ruleId), file).toEqual([id]);
        }
      }
      expect(seen).toBeGreaterThan(100);
    });
  }

  it('still reports a self-signed certificate that is not a root, and nothing about a missing issuer', () => {
    const run = runTree({ emptyStore: true });
    const ids = chainFindings(run.get('defects/chain-self-signed-organisation.pem')!).map((f) => f.ruleId);
    expect(ids).toEqual(['chain.self-signed.not-root']);
    expect(chainFindings(run.get('valid/root-oca.pem')!)).toEqual([]);
  });
});

describe('chain.policy.inconsistent against an issuer of many policies', () => {
  const pki = buildValidPki();
  const policies = Array.from({ length: 12 }, (_, i) => `1.2.826.0.1.9999.${i + 1}`);
  const oca = buildCertificate(replaceExtension(issuingOca('chain test oca of many policies', 'T6', pki.root), 'cp', certificatePolicies(policies)));
  const leaf = buildCertificate(supplier(pki, 'chain test policy outside many', { issuer: oca })).der;

  it('names the first eight of its policies and counts the rest: a hostile issuer of thousands would repeat them in every finding', () => {
    const checker = new FullChecker({ at: '2026-06-01T00:00:00Z', crypto: createNodeCrypto() });
    expect(checker.addIssuer(oca.der)).toBe(true);
    const result = checker.checkEntry({ source: { path: 'leaf', index: 0 }, der: leaf });
    expect(result.issuer?.signatureValid).toBe(true);
    const found = result.findings.filter((f) => f.ruleId === 'chain.policy.inconsistent');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(`whose policies are ${policies.slice(0, 8).join(', ')} and 4 more;`);
    expect(found[0].message).not.toContain(policies[8]);
  });
});

describe('certificates built for cases the sample files do not hold', () => {
  const pki = buildValidPki();
  const build = (parts: CertParts) => buildCertificate(parts).der;

  // DCC's test XML-signing certificates: issuer OU=07, CN=T1, no AKI, yet signed by their own key.
  const xmlSigner = (() => {
    const parts = removeExtension(supplier(pki, 'chain test self-signed xml signer', { role: '87', commonName: 'SAMPLEXMLSIGNER' }), 'aki');
    return build({ ...parts, signer: parts.subjectKey });
  })();
  const org = pki.orgs.get('org-02-ds')!;
  const issuedByOrganisation = build(supplier(pki, 'chain test issued by an organisation', { issuer: org }));
  const beforeIssuer = build({ ...supplier(pki, 'chain test starts before its issuer'), validity: seq(utcTime('180101000000Z'), utcTime('341231235959Z')) });
  const ocaUnderOca = build(issuingOca('chain test oca under oca', 'T8', pki.oca));
  const sha512 = build({ ...supplier(pki, 'chain test sha512'), signatureAlgorithm: seq(oid('1.2.840.10045.4.3.4')) });
  // Not DER, and not by the issuer either: invalid, said to fail even when re-encoded.
  const notDerOtherKey = build({ ...supplier(pki, 'chain test not der other key'), signer: nonDerSigner(p256Key('chain test rogue signer')) });
  // An organisation certificate with a Device Certificate's notAfter: the exemption is the Device's alone.
  const orgNoExpiry = build({ ...supplier(pki, 'chain test org 9999'), validity: seq(utcTime('250101000000Z'), generalizedTime('99991231235959Z')) });
  const unknownIssuer = build({ ...removeExtension(supplier(pki, 'chain test unknown issuer'), 'aki'), issuer: caName('07', 'T9') });

  const run = runTree({
    extra: [
      ['xml-signer', xmlSigner],
      ['issued-by-organisation', issuedByOrganisation],
      ['before-issuer', beforeIssuer],
      ['oca-under-oca', ocaUnderOca],
      ['sha512', sha512],
      ['unknown-issuer', unknownIssuer],
      ['not-der-other-key', notDerOtherKey],
      ['org-no-expiry', orgNoExpiry],
    ],
    forcedIssuers: [org.der],
  });
  const only = (name: string) => {
    const checked = run.get(name)!;
    return { checked: checked[0], found: chainFindings(checked) };
  };

  it('a self-signed XML-signing certificate naming the Issuing OCA: only chain.self-signed.not-root, naming that issuer', () => {
    const { checked, found } = only('xml-signer');
    expect(checked.chain?.matchedBy).toBe('self');
    expect(found.map((f) => f.ruleId)).toEqual(['chain.self-signed.not-root']);
    expect(found[0].message).toContain("names 'OU=07, CN=T1' as its issuer, yet its own key verifies the signature");
    expect(found[0].message).toContain('Organisation Certificate');
  });

  it('an issuer that is not a CA (given explicitly): chain.issuer.not-ca and chain.issuer.role', () => {
    const { checked, found } = only('issued-by-organisation');
    expect(checked.chain?.signatureValid).toBe(true);
    expect(found.map((f) => f.ruleId).sort()).toEqual(['chain.issuer.not-ca', 'chain.issuer.role']);
    const notCa = found.filter((f) => f.ruleId === 'chain.issuer.not-ca');
    MESSAGE_CHECKS['chain.issuer.not-ca'](checked, notCa);
    expect(notCa[0].message).toContain('no basicConstraints and keyUsage digitalSignature');
  });

  it('a notBefore earlier than the issuer’s', () => {
    const { checked, found } = only('before-issuer');
    expect(found.map((f) => f.ruleId)).toEqual(['chain.validity.outside-issuer']);
    MESSAGE_CHECKS['chain.validity.outside-issuer'](checked, found);
    expect(found[0].message).toContain('notBefore 2018-01-01T00:00:00Z is earlier than the notBefore 2019-01-01T00:00:00Z');
  });

  it('an Issuing OCA issued by an Issuing OCA', () => {
    const { checked, found } = only('oca-under-oca');
    expect(found.map((f) => f.ruleId)).toEqual(['chain.issuer.role']);
    MESSAGE_CHECKS['chain.issuer.role'](checked, found);
    expect(found[0].message).toContain("an Issuing OCA Certificate is issued by the Root OCA (subject OU '00', root)");
  });

  it('a signature algorithm the checker cannot verify: chain.signature.unverifiable, a warning naming the algorithm', () => {
    const { checked, found } = only('sha512');
    expect(checked.chain?.signatureValid).toBeUndefined();
    expect(found.map((f) => f.ruleId)).toEqual(['chain.signature.unverifiable']);
    MESSAGE_CHECKS['chain.signature.unverifiable'](checked, found);
  });

  it('a signature value that is not DER: by the issuer, only cert.sig-value.not-der; by another key, also chain.signature.invalid', () => {
    const [{ result, chain }] = tree.get('defects/cert-signature-not-der.pem')!;
    // Strict verification fails, but r and s re-encoded in DER are the issuer's: not "signed by another key".
    expect(chain?.signatureValid).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['cert.sig-value.not-der']);
    const { checked, found } = only('not-der-other-key');
    expect(checked.result.findings.map((f) => f.ruleId).sort()).toEqual(['cert.sig-value.not-der', 'chain.signature.invalid']);
    expect(found[0].message).toContain('does not verify, not even with its r and s re-encoded in DER, under the public key');
  });

  it("a Device Certificate's notAfter 99991231235959Z outlives its Device CA without a finding; another kind's does not", () => {
    const device = tree.get('valid/device-ds.pem')![0];
    expect(device.result.certificate!.validity!.notAfter!.ms!).toBeGreaterThan(device.chain!.issuer!.cert.validity!.notAfter!.ms!);
    expect(chainFindings([device])).toEqual([]);
    const { found } = only('org-no-expiry');
    expect(found.map((f) => [f.ruleId, f.path, f.severity])).toEqual([['chain.validity.outside-issuer', 'tbsCertificate.validity.notAfter', 'warning']]);
    expect(found[0].message).toContain('the certificate outlives its issuer, and fails path validation once the issuer has expired');
  });

  it('issuers available, none matching: a notice, an error with requireIssuer', () => {
    const { found } = only('unknown-issuer');
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['chain.not-checked', 'notice']]);
    expect(found[0].message).toContain("the subject 'OU=07, CN=T9'");
    expect(found[0].message).toContain('this certificate has no authorityKeyIdentifier');
    const strict = runTree({ requireIssuer: true, extra: [['unknown-issuer', unknownIssuer]] });
    const [f] = chainFindings(strict.get('unknown-issuer')!);
    expect([f.ruleId, f.severity]).toEqual(['chain.issuer.unavailable', 'error']);
    MESSAGE_CHECKS['chain.issuer.unavailable']({ result: strict.get('unknown-issuer')![0].result }, [f]);
  });
});
