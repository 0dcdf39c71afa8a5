// Whether worker threads make a run faster. Each worker starts its own runtime and warms up its
// own compiled code, about half a second of wall time on the benchmark machine; threads pay off
// once the single-thread time they save exceeds that. The costs are measured by `npm run bench`
// (2 cores: the break-even is near 22,000 files to check, or 9,000 with signatures to verify).

/** Single-thread milliseconds per certificate: decoding, linting and output, and a signature check. */
const CHECK_MS = 0.05;
const VERIFY_MS = 0.07;
/** Wall time that starting and warming up the workers adds. */
const WORKER_START_MS = 550;

export function workersPayOff(items: number, jobs: number, verifying: boolean): boolean {
  if (jobs <= 1) return false;
  const serialMs = items * (CHECK_MS + (verifying ? VERIFY_MS : 0));
  return serialMs * (1 - 1 / jobs) > WORKER_START_MS;
}
