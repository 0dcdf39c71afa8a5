import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export function tooLarge(what: string, limit: number): HttpError {
  return new HttpError(413, 'body-too-large', `${what}; this service takes at most ${limit} bytes per request (--max-body-size)`);
}

/**
 * The whole body, up to limit bytes. A body declared or found larger is refused with 413 as soon
 * as that is known: nothing more of it is kept.
 */
export function readBody(req: IncomingMessage, limit: number, beforeReading: () => void): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(`the body is ${declared} bytes`, limit));
  beforeReading();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      reject(tooLarge(`the body is more than ${limit} bytes`, limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}
