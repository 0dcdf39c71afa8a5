// Whether worker threads make a run faster. Workers start before the inputs are read and check
// what the reading has cut while it goes on, so what threads cost is their own start and warm-up
// (a runtime, the worker bundle, and V8 compiling and optimising the same code again in every
// thread) and, per item, the main thread's share: reading it, handing it over and writing its
// output, on a core the workers then do not have. They pay off once the checking time they save
// exceeds that. Measured on two cores: a bundle whose signatures are verified is faster on threads
// from about 3,000 certificates; without signatures, or read from one file each, up to 20,000
// certificates it was faster on one thread. The main thread's share is taken from one core of
// all, so it weighs less the more cores there are.
import { availableParallelism } from 'node:os';

/** Single-thread milliseconds per certificate: decoding, linting and output, and a signature check. */
const CHECK_MS = 0.05;
const VERIFY_MS = 0.1;
/** What threads add on two cores, per item (reading, handing over, output) and per file read. */
const ITEM_OVERHEAD_MS = 0.025;
const FILE_OVERHEAD_MS = 0.05;
/** Wall time that starting and warming up the workers adds. */
const WORKER_START_MS = 150;

/** items: certificates (or other items) in the run; files: the files they are read from; cores: the machine's. */
export function workersPayOff(items: number, jobs: number, verifying: boolean, files = 1, cores = availableParallelism()): boolean {
  if (jobs <= 1) return false;
  const saved = items * (CHECK_MS + (verifying ? VERIFY_MS : 0)) * (1 - 1 / jobs);
  const added = WORKER_START_MS + ((items * ITEM_OVERHEAD_MS + files * FILE_OVERHEAD_MS) * 2) / Math.max(2, cores);
  return saved > added;
}
