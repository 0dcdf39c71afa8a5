// Runs in Chromium (npm run bench:browser): the browser entry's two crypto paths, first the bare
// operations, then whole checks of a corpus against its Issuing OCA.
import { verifyWithWebCrypto } from '../src/crypto/webcrypto.js';
import type { SignatureCheck } from '../src/crypto/signature-recorder.js';
import { Checker, createNobleCrypto, decodeCertificate } from '../src/web.js';
import type { Entry } from '../src/web.js';

export interface Figure {
  label: string;
  /** Microseconds per item, best of the rounds. */
  microseconds: number;
}

async function bytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(path)).arrayBuffer());
}

/** corpus.bin: each certificate as a 4-octet big-endian length, then its DER. */
function split(corpus: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < corpus.length; ) {
    const length = new DataView(corpus.buffer, corpus.byteOffset + at, 4).getUint32(0);
    out.push(corpus.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

/** Best of rounds after one warm-up round, in microseconds per item. */
async function measure(label: string, items: number, rounds: number, body: () => unknown): Promise<Figure> {
  await body();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    await body();
    best = Math.min(best, ((performance.now() - t) * 1000) / items);
  }
  return { label, microseconds: best };
}

async function run(rounds: number): Promise<{ count: number; firstVerifyMs: number; figures: Figure[] }> {
  const ders = split(await bytes('/corpus.bin'));
  const issuerDer = await bytes('/issuer.der');
  const issuerKey = decodeCertificate(issuerDer).subjectPublicKeyInfo!.raw;
  const checks: SignatureCheck[] = ders.map((der) => {
    const cert = decodeCertificate(der);
    return { spki: issuerKey, hash: 'sha256', data: cert.tbs!, signature: cert.signatureValue! };
  });
  const noble = createNobleCrypto();
  const subtle = globalThis.crypto.subtle;
  const n = ders.length;

  const t = performance.now();
  if (!noble.verifyEcdsa(checks[0].spki, 'sha256', checks[0].data, checks[0].signature)) throw new Error('the corpus does not verify');
  const firstVerifyMs = performance.now() - t;

  const entries: Entry[] = ders.map((der, index) => ({ source: { path: 'bench', index }, der }));
  const withIssuer = new Checker({ at: '2026-06-01T00:00:00Z' });
  withIssuer.addIssuer(issuerDer);
  const withoutIssuer = new Checker({ at: '2026-06-01T00:00:00Z' });
  const verified = (results: { issuer?: { signatureValid?: boolean } }[]) => {
    if (!results.every((r) => r.issuer?.signatureValid === true)) throw new Error('a corpus signature did not verify');
  };

  const figures = [
    await measure('SHA-256 of a certificate: pure JavaScript', n, rounds, () => ders.forEach((d) => noble.sha256(d))),
    await measure('SHA-256 of a certificate: WebCrypto, one at a time', n, rounds, async () => {
      for (const d of ders) await subtle.digest('SHA-256', new Uint8Array(d));
    }),
    await measure('SHA-256 of a certificate: WebCrypto, all at once', n, rounds, () => Promise.all(ders.map((d) => subtle.digest('SHA-256', new Uint8Array(d))))),
    await measure('P-256 verification: pure JavaScript', n, rounds, () => checks.forEach((c) => noble.verifyEcdsa(c.spki, c.hash, c.data, c.signature))),
    await measure('P-256 verification: WebCrypto, one at a time', n, rounds, async () => {
      for (const c of checks) await verifyWithWebCrypto([c], noble);
    }),
    await measure('P-256 verification: WebCrypto, all at once', n, rounds, () => verifyWithWebCrypto(checks, noble)),
    await measure('check, no issuer (no signature)', n, rounds, () => withoutIssuer.checkEntries(entries)),
    await measure('check against the issuer: checkEntries (pure JavaScript)', n, rounds, () => verified(withIssuer.checkEntries(entries))),
    await measure('check against the issuer: checkEntriesAsync (WebCrypto)', n, rounds, async () => verified(await withIssuer.checkEntriesAsync(entries))),
  ];
  return { count: n, firstVerifyMs, figures };
}

Object.assign(globalThis, { run });
export type Run = typeof run;
