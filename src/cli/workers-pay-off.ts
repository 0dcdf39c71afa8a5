// Whether worker threads make a run faster. Workers start before the inputs are read and check
// what the reading has cut while it goes on, so what threads cost is their own start (about 60 ms:
// a runtime and the worker bundle) and warming up their compiled code a second time; they pay off
// once the single-thread time they save exceeds that (on 2 cores: from about 6,000 certificates,
// or 2,500 with signatures to verify).
import { loadavg } from 'node:os';

/** Single-thread milliseconds per certificate: decoding, linting and output, and a signature check. */
const CHECK_MS = 0.05;
const VERIFY_MS = 0.07;
/** Wall time that starting and warming up the workers adds. */
const WORKER_START_MS = 150;

export function workersPayOff(items: number, jobs: number, verifying: boolean): boolean {
  if (jobs <= 1) return false;
  const serialMs = items * (CHECK_MS + (verifying ? VERIFY_MS : 0));
  return serialMs * (1 - 1 / jobs) > WORKER_START_MS;
}

/**
 * The cores not busy with other work, by the one-minute load average (at least one): on a machine
 * already running as much as it has cores, more threads only add their own overhead.
 */
export function idleCores(available: number): number {
  return Math.max(1, Math.min(available, Math.round(available - loadavg()[0])));
}
