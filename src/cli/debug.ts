import process from 'node:process';

// Environment variables for debugging smki-lint itself (documented in the README).

/** SMKI_LINT_DEBUG=1: an internal error prints its stack trace. */
export const DEBUG = flag(process.env.SMKI_LINT_DEBUG);

/** SMKI_LINT_DEBUG_DELAY_MS=n: each worker thread, and each signature verified beside the main thread, waits a random 0..n ms before answering. */
export const DEBUG_DELAY_MS = Math.max(0, Number(process.env.SMKI_LINT_DEBUG_DELAY_MS) || 0);

/**
 * SMKI_LINT_DEBUG_KEEP_BYTES=n: a check holds at most n bytes of what its first reading found for
 * the second (0: every input is read twice), to exercise the second reading on small runs.
 */
const keepBytes = process.env.SMKI_LINT_DEBUG_KEEP_BYTES;
export const DEBUG_KEEP_BYTES = keepBytes !== undefined && keepBytes !== '' && Number(keepBytes) >= 0 ? Number(keepBytes) : undefined;

/**
 * SMKI_LINT_DEBUG_THREADS=1: with --jobs above 1, worker threads check every run of 512 items or
 * more, whether or not they pay off, so the parallel path can be exercised on small inputs.
 */
export const DEBUG_THREADS = flag(process.env.SMKI_LINT_DEBUG_THREADS);

/**
 * SMKI_LINT_DEBUG_VERIFY_AHEAD=1: with --jobs above 1, every run with issuers verifies signatures
 * on node's thread pool beside the main thread, whatever its size.
 */
export const DEBUG_VERIFY_AHEAD = flag(process.env.SMKI_LINT_DEBUG_VERIFY_AHEAD);

function flag(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}
