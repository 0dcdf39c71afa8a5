/** What one request may ask of the service, and how many may be served at once. */
export interface ServiceLimits {
  /** The largest request body, in bytes. */
  maxBodySize: number;
  /** The most items (certificates, requests, DUIS requests and their certificates, issuers) in one request. */
  maxItems: number;
  /** Requests served at once; one more gets 429. */
  maxConcurrent: number;
  /** Milliseconds a client has to send a whole request. */
  requestTimeout: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  maxBodySize: 8 * 1024 * 1024,
  maxItems: 1000,
  maxConcurrent: 64,
  requestTimeout: 30_000,
};

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 * 1024 };

/** A size in bytes: a whole number, or one with k or M (binary: 1k = 1024), e.g. 512k, 8M, 8MiB. Undefined when not one. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)\s*([kKmM]?)(?:i?B)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * UNITS[m[2].toLowerCase()];
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
