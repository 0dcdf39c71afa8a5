import { latin1 } from '../der/index.js';
import type { CryptoAdapter } from './adapter.js';

/** One signature a check asked about: the arguments of CryptoAdapter.verifyEcdsa. */
export interface SignatureCheck {
  spki: Uint8Array;
  hash: 'sha256' | 'sha384';
  data: Uint8Array;
  signature: Uint8Array;
}

function keyOf(spki: Uint8Array, hash: string, data: Uint8Array, signature: Uint8Array): string {
  return `${hash}:${spki.length}:${signature.length}:${latin1(spki, 0, spki.length)}${latin1(signature, 0, signature.length)}${latin1(data, 0, data.length)}`;
}

/**
 * Lets a synchronous checker use an asynchronous verifier (WebCrypto has no synchronous API).
 * During settle(), a pass over the work notes every signature the checks ask about and answers
 * false for now; the verifier then checks them all concurrently, and the next pass gets the real
 * answers. Passes repeat until one asks about nothing new (an answer can lead a check to ask about
 * another signature), so the last pass's result is exactly what the inner adapter alone would
 * give. Outside settle() every call goes to the inner adapter.
 */
export class SignatureRecorder implements CryptoAdapter {
  private pass: { verdicts: Map<string, boolean>; asked: Map<string, SignatureCheck> } | undefined;

  constructor(private readonly inner: CryptoAdapter) {}

  // Arrow functions: callers may pass a method on its own (ctx.crypto.sha1), as the other adapters allow.
  readonly sha1 = (data: Uint8Array): Uint8Array => this.inner.sha1(data);
  readonly sha256 = (data: Uint8Array): Uint8Array => this.inner.sha256(data);

  readonly verifyEcdsa = (spki: Uint8Array, hash: 'sha256' | 'sha384', data: Uint8Array, signature: Uint8Array): boolean => {
    if (!this.pass) return this.inner.verifyEcdsa(spki, hash, data, signature);
    const key = keyOf(spki, hash, data, signature);
    const verdict = this.pass.verdicts.get(key);
    if (verdict !== undefined) return verdict;
    this.pass.asked.set(key, { spki, hash, data, signature });
    return false;
  };

  /** Runs the synchronous work until every signature it asks about has the verifier's answer. */
  async settle<T>(work: () => T, verify: (checks: SignatureCheck[], inner: CryptoAdapter) => Promise<boolean[]>): Promise<T> {
    const verdicts = new Map<string, boolean>();
    for (;;) {
      const asked = new Map<string, SignatureCheck>();
      // work() is synchronous, so no other call on this adapter can run while the pass is set.
      this.pass = { verdicts, asked };
      let result: T;
      try {
        result = work();
      } finally {
        this.pass = undefined;
      }
      if (asked.size === 0) return result;
      const answers = await verify([...asked.values()], this.inner);
      let i = 0;
      for (const key of asked.keys()) verdicts.set(key, answers[i++]);
    }
  }
}
