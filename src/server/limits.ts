import { DEFAULT_MAX_ITEM_SIZE } from '../input/node.js';

/** What one request may ask of the service, and how many may be served at once. */
export interface ServiceLimits {
  /** The largest request body, in bytes. */
  maxBodySize: number;
  /** The longest item (and stretch with no item) read from a document, in bytes, as the CLI's --max-item-size. */
  maxItemSize: number;
  /** The most items (certificates, requests, DUIS requests and their certificates, issuers) in one request. */
  maxItems: number;
  /** Requests served at once; one more gets 429. */
  maxConcurrent: number;
  /** Milliseconds a client has to send a whole request. */
  requestTimeout: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  maxBodySize: 8 * 1024 * 1024,
  maxItemSize: DEFAULT_MAX_ITEM_SIZE,
  maxItems: 1000,
  maxConcurrent: 64,
  requestTimeout: 30_000,
};
