/** An answer other than success: its status, a stable code for programs and a message for people. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad-request', message);

/** The body of every error: `{ "error": { "code", "message" } }`. */
export function errorBody(error: HttpError): string {
  return JSON.stringify({ error: { code: error.code, message: error.message } }) + '\n';
}
