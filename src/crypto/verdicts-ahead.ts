import type { CryptoAdapter } from './adapter.js';
import type { SignatureCheck } from './signature-recorder.js';

/**
 * Signature verdicts found ahead of the synchronous checks that ask for them. While recording,
 * verifyEcdsa notes what it is asked and answers false; verify() then verifies all of it at once
 * through the inner adapter's verifyEcdsaAsync (where it has one); afterwards verifyEcdsa answers
 * from those verdicts, and asks the inner adapter for anything else, so every answer is the inner
 * adapter's. Verdicts are found by the identity of the arrays asked about (a decoded certificate's
 * to-be-signed bytes, an issuer's key), which costs no copy of them.
 */
export class VerdictsAhead implements CryptoAdapter {
  private readonly asked: SignatureCheck[] = [];
  private verdicts: Map<Uint8Array, { check: SignatureCheck; valid: boolean }[]> | undefined;

  constructor(private readonly inner: CryptoAdapter) {}

  readonly sha1 = (data: Uint8Array): Uint8Array => this.inner.sha1(data);
  readonly sha256 = (data: Uint8Array): Uint8Array => this.inner.sha256(data);

  readonly verifyEcdsa = (spki: Uint8Array, hash: 'sha256' | 'sha384', data: Uint8Array, signature: Uint8Array): boolean => {
    if (!this.verdicts) {
      this.asked.push({ spki, hash, data, signature });
      return false;
    }
    for (const v of this.verdicts.get(data) ?? []) {
      if (v.check.spki === spki && v.check.signature === signature && v.check.hash === hash) return v.valid;
    }
    return this.inner.verifyEcdsa(spki, hash, data, signature);
  };

  /** Whether the recording asked about any signature. */
  get pending(): boolean {
    return this.asked.length > 0;
  }

  /** Ends the recording: verifies every signature asked about, concurrently where the inner adapter can. */
  async verify(): Promise<void> {
    const inner = this.inner;
    const valid = await Promise.all(this.asked.map((c) => (inner.verifyEcdsaAsync ? inner.verifyEcdsaAsync(c.spki, c.hash, c.data, c.signature) : inner.verifyEcdsa(c.spki, c.hash, c.data, c.signature))));
    const verdicts = new Map<Uint8Array, { check: SignatureCheck; valid: boolean }[]>();
    this.asked.forEach((check, i) => {
      const known = verdicts.get(check.data);
      if (known) known.push({ check, valid: valid[i] });
      else verdicts.set(check.data, [{ check, valid: valid[i] }]);
    });
    this.verdicts = verdicts;
  }
}
