// The one point where input detection recognises a DUIS service request by its content: XML
// whose root is sr:Request in the DUIS namespace. Its certificates become items of their own
// (see check/entries.ts); other XML falls through to the usual detection.
import { readDuisRequest } from '../duis/request.js';
import type { DetectedInput } from './types.js';

/** The request and its certificate elements, or a problem saying why XML naming DUIS cannot be read; undefined for anything else. */
export function detectDuisRequest(bytes: Uint8Array, start: number): DetectedInput | undefined {
  const reading = readDuisRequest(bytes, start);
  if (!reading) return undefined;
  switch (reading.kind) {
    case 'request':
      return { items: [], problems: [], request: { request: reading.request, contents: reading.contents } };
    case 'other':
      return { items: [], problems: [{ index: 0, message: reading.description, kind: 'no-certificate' }] };
    case 'malformed':
      return { items: [], problems: [{ index: 0, line: reading.line, message: `XML that names the DUIS namespace but is not well-formed: ${reading.message} (line ${reading.line}, column ${reading.column})`, kind: 'invalid-encoding' }] };
  }
}
