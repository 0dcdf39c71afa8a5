// How a run uses threads (threadUse, below), and whether worker threads make a run faster.
// Workers start before the inputs are read and check what the reading has cut while it goes on,
// so what threads cost is their own start and warm-up (a runtime, the worker bundle, and V8
// compiling and optimising the same code again in every thread) and, per item, the main thread's
// share: reading it, handing it over and writing its output, on a core the workers then do not
// have. They pay off once the checking time they save exceeds that. Measured on two cores: a
// bundle whose signatures are verified is faster on threads from about 3,000 certificates;
// without signatures, or read from one file each, up to 20,000 certificates it was faster on one
// thread. The main thread's share is taken from one core of all, so it weighs less the more
// cores there are.
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

/**
 * How a check run uses threads. 'verify-ahead': the main thread decodes, lints and writes, and
 * node:crypto verifies the issuers' signatures on its thread pool meanwhile. One JavaScript thread
 * warms up and optimises the code, where every worker thread would do it again, which pays while
 * the warm-up weighs: on two cores, 20,000 certificates in a bundle took 1.6 to 1.7 s against 1.7
 * to 1.8 s on worker threads, with 15 to 20% less CPU time, and 10,000 files 1.1 s against 1.25 s on
 * one thread. But the main thread's own share, some 20 µs a certificate, bounds the run, and the
 * thread pool's four threads take cores from it: from about 25,000 certificates worker threads,
 * which share out everything, were faster (40,000: 3.3 s against 3.8 s), and so on more than four
 * cores, where verification spread over the others takes less than that share. Node's thread pool
 * has four threads (UV_THREADPOOL_SIZE) whatever --jobs says, so it is used only when every core
 * may be. Before some 5,000 certificates the warm-up outweighs what verifying beside it saves.
 */
export type ThreadUse = 'none' | 'verify-ahead' | 'workers';

/** The fewest certificates for which verifying on node's thread pool pays off (measured: between 4,000 and 6,000). */
export const VERIFY_AHEAD_ITEMS = 5_000;
/** From this many certificates, worker threads beat verifying beside one main thread (measured: between 20,000 and 30,000). */
export const VERIFY_AHEAD_MAX_ITEMS = 25_000;
/** The most cores on which verifying beside one main thread beats worker threads. */
const VERIFY_AHEAD_MAX_CORES = 4;

/** verifying: the run has issuers, so every certificate's signature is checked; jobs: at most cores. */
export function threadUse(items: number, jobs: number, verifying: boolean, files = 1, cores = availableParallelism()): ThreadUse {
  if (jobs <= 1) return 'none';
  if (verifying && cores <= VERIFY_AHEAD_MAX_CORES && jobs >= cores && items < VERIFY_AHEAD_MAX_ITEMS) return items >= VERIFY_AHEAD_ITEMS ? 'verify-ahead' : 'none';
  return workersPayOff(items, jobs, verifying, files, cores) ? 'workers' : 'none';
}
