import type { CertificateContent, DuisRequest } from '../duis/request.js';

/** How one item was written in its source. */
export type ItemEncoding = 'pem' | 'der' | 'base64' | 'hex';

/** One DER object found in a source. */
export interface InputItem {
  /** 0-based position of this item within its source (shared with problems). */
  index: number;
  /** The decoded bytes; for raw DER this is the input itself, not a copy. */
  der: Uint8Array;
  encoding: ItemEncoding;
  /** PEM label, e.g. 'CERTIFICATE', 'CERTIFICATE REQUEST', 'PRIVATE KEY'. */
  label?: string;
  /** 1-based line of the BEGIN line (pem) or of the first data line (base64, hex). */
  line?: number;
}

/**
 * Something in a source that could not become an item: no certificate at all, text that does not
 * decode, an item or a stretch without items longer than the size limit (the rest of the source is
 * then not read), or a source that could not be read.
 */
export interface InputProblem {
  /** 0-based position in the same sequence as the items. */
  index: number;
  message: string;
  line?: number;
  kind: InputProblemKind;
}

export type InputProblemKind = 'no-certificate' | 'invalid-encoding' | 'too-large' | 'unreadable';

export interface DetectedInput {
  items: InputItem[];
  problems: InputProblem[];
  /** A DUIS service request: a container whose certificate elements are its items. */
  request?: DetectedRequest;
}

/** A DUIS service request as read, with the content of each of its certificate elements, in the same order. */
export interface DetectedRequest {
  request: DuisRequest;
  contents: CertificateContent[];
}
