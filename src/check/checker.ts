import { IssuerStore, issuerCandidate, resolveIssuer } from '../chain/index.js';
import { classify } from '../smki/index.js';
import { INPUT_INVALID_ENCODING, INPUT_LABEL_MISMATCH, INPUT_NO_CERTIFICATE, INPUT_NOT_CERTIFICATE, INPUT_TOO_LARGE, INPUT_UNREADABLE, Linter, certificateTarget, isSelected, requestTarget, sortFindings } from '../lint/index.js';
import type { ChainInfo, DuisCertificate, Finding, IssuerMatch, LintTarget, RequestPairing, RuleMeta, SignerCertificate } from '../lint/index.js';
import { ALL_RULES } from '../rules/index.js';
import { isCaKind, requestView, smkiView } from '../smki/index.js';
import { asBytes } from '../der/index.js';
import { sha256Hex } from '../crypto/adapter.js';
import type { CryptoAdapter } from '../crypto/adapter.js';
import { VerdictsAhead } from '../crypto/verdicts-ahead.js';
import type { BytesLike } from '../der/index.js';
import type { InputProblemKind } from '../input/index.js';
import { decodeCertificate, decodeDocument } from '../x509/index.js';
import type { DerDocumentKind } from '../x509/index.js';
import { detectEntries, documentEntries, isCertificateEntry, labelledDocument, resultEntries } from './entries.js';
import type { Entry } from './entries.js';
import { duisSummary } from './duis-result.js';
import { OptionsError, resolveOptions } from './options.js';
import { FindingPolicy } from './policy.js';
import type { CheckOptions, ResolvedOptions } from './options.js';
import { subjectSummary } from './result.js';
import type { CertificateResult, OtherIssuerCandidate, SourceRef } from './result.js';

const DOCUMENT_LABELS: Record<DerDocumentKind, string> = { certificate: 'a certificate', csr: 'a certification request' };

const INPUT_PROBLEMS: Record<InputProblemKind, RuleMeta> = {
  'no-certificate': INPUT_NO_CERTIFICATE,
  'invalid-encoding': INPUT_INVALID_ENCODING,
  'too-large': INPUT_TOO_LARGE,
  unreadable: INPUT_UNREADABLE,
};

/**
 * Checks certificates and certification requests: one result per input item. Options are resolved and rules grouped once,
 * so a Checker is meant to be reused across a whole batch. With issuers added (addIssuer), every
 * certificate is also checked against the certificate that issued it.
 */
export class Checker {
  readonly options: ResolvedOptions;
  readonly issuers = new IssuerStore();
  /** Severity overrides and waivers, and which waivers have matched so far. */
  readonly policy: FindingPolicy;
  /** The certificate that will sign the DUIS requests checked (CheckOptions.signer). */
  readonly signer?: SignerCertificate;
  private readonly linter: Linter;

  constructor(options: CheckOptions) {
    this.options = resolveOptions(options);
    this.linter = new Linter(options.rules ?? ALL_RULES, this.options);
    this.policy = new FindingPolicy(this.options.severity, this.options.waivers, this.options.evaluationTime, (id) => isSelected(id, this.options));
    if (options.signer) this.signer = this.signerOf(options.signer);
  }

  private signerOf(bytes: BytesLike): SignerCertificate {
    const found = documentEntries(detectEntries(asBytes(bytes, 'options.signer'), 'signer')).filter(isCertificateEntry);
    if (found.length !== 1) throw new OptionsError(`the signer must be one certificate (DER or PEM); ${found.length} were found`);
    const der = found[0].der;
    const cert = decodeCertificate(der);
    if (cert.problems.length > 0) throw new OptionsError(`the signer is not a certificate that decodes: ${cert.problems[0].message} (at ${cert.problems[0].path})`);
    return { cert, view: smkiView(cert, this.options.roles), sha256: sha256Hex(this.options.crypto, der) };
  }

  /**
   * Decodes one entry: a certificate or request result ready to lint, or an input-level result. A
   * DUIS request gives the request's own result here; its certificates are entries of their own
   * (entry.duis.certificates), which decodeSource and checkEntries decode with it.
   */
  decodeEntry(entry: Entry): CertificateResult {
    if (entry.duis) return { source: entry.source, document: 'duis-request', duis: duisSummary(entry.duis.request), findings: [], notEffective: [] };
    if (entry.problem) return this.inputResult(entry.source, INPUT_PROBLEMS[entry.problem.kind], entry.problem.message);
    const declared = labelledDocument(entry);
    const where = entry.source.line ? ` at line ${entry.source.line}` : '';
    if (declared === null || !entry.der) {
      const r = this.inputResult(entry.source, INPUT_NOT_CERTIFICATE, `${entry.source.path}: PEM block${where} is labelled '${entry.label}', not CERTIFICATE or CERTIFICATE REQUEST; it was not checked`);
      if (entry.der) r.sha256 = sha256Hex(this.options.crypto, entry.der);
      return r;
    }
    const result = this.decodeDer(entry.der, entry.source, declared);
    if (declared !== undefined && result.document !== declared) {
      const label = result.document === 'csr' ? "'CERTIFICATE REQUEST'" : "'CERTIFICATE'";
      this.addFinding(result, INPUT_LABEL_MISMATCH, `${entry.source.path}: PEM block${where} is labelled '${entry.label}' but holds ${DOCUMENT_LABELS[result.document as DerDocumentKind]}; it was checked as one. Label it ${label}`, 'input');
    }
    return result;
  }

  /**
   * Decodes one item's bytes as the document they are: `declared` is what its armour said; the
   * structure decides when it clearly says otherwise (so bare base64, hex and DER need no label).
   */
  decodeDer(bytes: BytesLike, source: SourceRef, declared?: DerDocumentKind): CertificateResult {
    const der = asBytes(bytes, 'decodeDer: der');
    const decoded = decodeDocument(der, declared);
    const view = decoded.kind === 'csr' ? requestView(decoded.model, this.options.roles, this.options.kind) : smkiView(decoded.model, this.options.roles, this.options.kind);
    const result: CertificateResult = {
      source,
      document: decoded.kind,
      sha256: sha256Hex(this.options.crypto, der),
      kind: view.kind,
      kindReason: view.kindReason,
      subject: subjectSummary(view),
      findings: [],
      notEffective: [],
      view,
    };
    if (decoded.kind === 'csr') result.csr = decoded.model;
    else result.certificate = decoded.model;
    return result;
  }

  /** Every item of one source, decoded but not linted (a DUIS request, then each of its certificates). */
  decodeSource(bytes: BytesLike, path: string): CertificateResult[] {
    return resultEntries(detectEntries(asBytes(bytes, 'decodeSource: bytes'), sourcePath(path, 'decodeSource'))).map((e) => this.decodeEntry(e));
  }

  /**
   * Makes a certificate available as an issuer. Returns false (and adds nothing) for bytes that
   * are not a CA certificate, unless force is set (issuers named explicitly count whatever they are).
   */
  addIssuer(bytes: BytesLike, force = false): boolean {
    const der = asBytes(bytes, 'addIssuer: der');
    const cert = decodeCertificate(der);
    const view = smkiView(cert, this.options.roles);
    if (!force && !isCaKind(classify(cert).kind)) return false;
    this.issuers.add(issuerCandidate(cert, view, sha256Hex(this.options.crypto, der)));
    return true;
  }

  /** The chain stage for one decoded certificate. */
  chainFor(result: CertificateResult, requireIssuer: boolean): ChainInfo | undefined {
    return this.chainWith(result, requireIssuer, this.options.crypto);
  }

  private chainWith(result: CertificateResult, requireIssuer: boolean, crypto: CryptoAdapter): ChainInfo | undefined {
    if (!result.certificate || !result.view || !result.sha256 || result.certificate.problems.length > 0) return undefined;
    return resolveIssuer(result.certificate, result.view, result.sha256, this.issuers, crypto, requireIssuer);
  }

  /**
   * Runs the rules on a decoded result (in place) and returns it; chain rules run when chain is
   * given, and the comparison rules when the request the certificate answers is given.
   */
  lint(result: CertificateResult, chain?: ChainInfo, request?: RequestPairing): CertificateResult {
    const target = targetOf(result, chain, request);
    if (!target) return result;
    const outcome = this.linter.lint(target, chain ? 'all' : 'certificate');
    // Findings the decode stage made (a mislabelled PEM block) stay with the rules' findings.
    result.findings = result.findings.length > 0 ? sortFindings([...result.findings, ...outcome.findings]) : outcome.findings;
    result.notEffective = outcome.notEffective;
    if (chain?.issuer) {
      result.issuer = { sha256: chain.issuer.sha256, subject: chain.issuer.subject, matchedBy: chain.matchedBy! };
      if (chain.signatureValid !== undefined) result.issuer.signatureValid = chain.signatureValid;
      if (chain.otherCandidates) result.issuer.otherCandidates = chain.otherCandidates.map(otherCandidate);
    }
    return result;
  }

  /**
   * Decode, resolve the issuer and lint one entry: a certificate or a CSR. A DUIS request gives
   * several results (checkEntries).
   */
  checkEntry(entry: Entry, requireIssuer = false): CertificateResult {
    if (entry.duis) throw new TypeError('a DUIS request gives one result for itself and one per certificate: check it with checkEntries');
    const result = this.decodeEntry(entry);
    return this.applyPolicy(this.lint(result, this.chainFor(result, requireIssuer)));
  }

  /**
   * Checks many entries stage by stage (decode all, then resolve and verify all, then lint all):
   * each stage's code and data stay hot in the caches, which makes signature verification
   * markedly faster than interleaving it with decoding and linting. A DUIS request gives its own
   * result followed by one per certificate; its rules run once its certificates are checked.
   */
  checkEntries(entries: readonly Entry[], requireIssuer = false): CertificateResult[] {
    if (!Array.isArray(entries)) throw new TypeError('checkEntries: entries must be an array of entries (see detectEntries)');
    const decoded = this.decodeEntries(entries);
    return this.lintDecoded(decoded, decoded.results.map((r) => this.chainFor(r, requireIssuer)));
  }

  /**
   * checkEntries with the issuers' signatures verified all at once off the calling thread, by the
   * adapter's verifyEcdsaAsync (node:crypto's thread pool), so the caller can go on with other
   * work meanwhile: entries are decoded and their issuers found at the call, and linted once the
   * verdicts are in. The results are exactly checkEntries', with the issuers added by then; a
   * signature asked about beyond those found ahead is verified synchronously.
   */
  async checkEntriesAsync(entries: readonly Entry[], requireIssuer = false): Promise<CertificateResult[]> {
    if (!Array.isArray(entries)) throw new TypeError('checkEntriesAsync: entries must be an array of entries (see detectEntries)');
    const decoded = this.decodeEntries(entries);
    const ahead = new VerdictsAhead(this.options.crypto);
    // Resolving with every signature taken as bad asks about every signature the real resolution
    // can; when it asked about none, its chains are the real ones.
    const recorded = decoded.results.map((r) => this.chainWith(r, requireIssuer, ahead));
    if (!ahead.pending) return this.lintDecoded(decoded, recorded);
    await ahead.verify();
    return this.lintDecoded(decoded, decoded.results.map((r) => this.chainWith(r, requireIssuer, ahead)));
  }

  /** The first stage of checkEntries: every entry decoded, a DUIS request's certificates after it. */
  private decodeEntries(entries: readonly Entry[]): DecodedEntries {
    const results: CertificateResult[] = [];
    const requests: { entry: Entry; at: number }[] = [];
    for (const e of entries) {
      if (e.duis) requests.push({ entry: e, at: results.length });
      results.push(this.decodeEntry(e));
      for (const c of e.duis?.certificates ?? []) results.push(this.decodeEntry(c));
    }
    return { results, requests };
  }

  /** The last stage of checkEntries: the rules, with each result's chain, then the policy. */
  private lintDecoded({ results, requests }: DecodedEntries, chains: readonly (ChainInfo | undefined)[]): CertificateResult[] {
    for (let i = 0; i < results.length; i++) this.lint(results[i], chains[i]);
    for (const { entry, at } of requests) this.lintDuisRequest(entry, results, chains, at);
    for (const r of results) this.applyPolicy(r);
    return results;
  }

  /**
   * Applies the severity overrides and waivers to a result whose findings are complete (checkEntry
   * and checkEntries do; after lint() and addFinding() alone, call it). A second call does nothing.
   */
  applyPolicy(result: CertificateResult): CertificateResult {
    this.policy.apply(result);
    return result;
  }

  /**
   * Runs the DUIS request rules on a request's result (results[at], in place); its certificates'
   * results and chains follow it.
   */
  private lintDuisRequest(entry: Entry, results: readonly CertificateResult[], chains: readonly (ChainInfo | undefined)[], at: number): void {
    const { request } = entry.duis!;
    const certificates = request.certificates.map((place, i): DuisCertificate => {
      const r = results[at + 1 + i];
      const c: DuisCertificate = { place, index: r.source.index };
      if (r.document && r.document !== 'duis-request') c.document = r.document;
      const model = r.certificate;
      if (model && model.problems.length === 0 && r.view && r.sha256) Object.assign(c, { cert: model, view: r.view, sha256: r.sha256, chain: chains[at + 1 + i] });
      return c;
    });
    const outcome = this.linter.lint({ document: 'duis-request', request, certificates, signer: this.signer });
    results[at].findings = outcome.findings;
    results[at].notEffective = outcome.notEffective;
  }

  /** Decode and lint every item of one source, with chain checks against the issuers added so far. */
  checkSource(bytes: BytesLike, path: string, requireIssuer = false): CertificateResult[] {
    return this.checkEntries(detectEntries(asBytes(bytes, 'checkSource: bytes'), sourcePath(path, 'checkSource')), requireIssuer);
  }

  /** checkSource, with the issuers' signatures verified as checkEntriesAsync does. */
  checkSourceAsync(bytes: BytesLike, path: string, requireIssuer = false): Promise<CertificateResult[]> {
    return this.checkEntriesAsync(detectEntries(asBytes(bytes, 'checkSourceAsync: bytes'), sourcePath(path, 'checkSourceAsync')), requireIssuer);
  }

  /** Adds a finding the pipeline itself makes (not a rule's), unless --only/--ignore leave it out. */
  addFinding(result: CertificateResult, meta: RuleMeta, message: string, path: string): void {
    if (!isSelected(meta.id, this.options)) return;
    const finding: Finding = { ruleId: meta.id, severity: meta.severity, message, path, citation: meta.citation };
    result.findings = sortFindings([...result.findings, finding]);
  }

  private inputResult(source: SourceRef, meta: RuleMeta, message: string): CertificateResult {
    const result: CertificateResult = { source, findings: [], notEffective: [] };
    this.addFinding(result, meta, message, 'input');
    return result;
  }
}

interface DecodedEntries {
  results: CertificateResult[];
  /** The DUIS requests among the entries, each with where its result is. */
  requests: { entry: Entry; at: number }[];
}

function targetOf(result: CertificateResult, chain?: ChainInfo, request?: RequestPairing): LintTarget | undefined {
  // A DUIS request is linted once its certificates are (lintDuisRequest).
  if (!result.view) return undefined;
  if (result.csr) return requestTarget(result.csr, result.view);
  return result.certificate ? certificateTarget(result.certificate, result.view, chain, request) : undefined;
}

function otherCandidate(m: IssuerMatch): OtherIssuerCandidate {
  const out: OtherIssuerCandidate = { sha256: m.issuer.sha256, subject: m.issuer.subject, matchedBy: m.matchedBy };
  if (m.signatureValid !== undefined) out.signatureValid = m.signatureValid;
  return out;
}

/** The name a source's results carry; required, so that results say where they came from. */
function sourcePath(path: unknown, method: string): string {
  if (typeof path !== 'string') throw new TypeError(`${method}: path must be a string naming the source (got ${path === null ? 'null' : typeof path})`);
  return path;
}
