import { describe, expect, it } from 'vitest';
import { availableParallelism, loadavg } from 'node:os';
import { idleCores, workersPayOff } from '../src/cli/workers-pay-off.js';

describe('workersPayOff', () => {
  it('never uses threads with one job', () => {
    expect(workersPayOff(1_000_000, 1, true)).toBe(false);
  });

  it('starts two threads only for runs large enough to repay their start-up', () => {
    expect(workersPayOff(5_000, 2, false)).toBe(false);
    expect(workersPayOff(7_000, 2, false)).toBe(true);
  });

  it('needs fewer certificates when every one has a signature to verify', () => {
    expect(workersPayOff(2_000, 2, true)).toBe(false);
    expect(workersPayOff(3_000, 2, true)).toBe(true);
  });

  it('needs fewer certificates the more cores share the work', () => {
    expect(workersPayOff(4_000, 2, false)).toBe(false);
    expect(workersPayOff(4_000, 8, false)).toBe(true);
  });
});

describe('idleCores', () => {
  it('is the available cores less the one-minute load, at least one and at most all', () => {
    const cores = availableParallelism();
    const idle = idleCores(cores);
    expect(idle).toBeGreaterThanOrEqual(1);
    expect(idle).toBeLessThanOrEqual(cores);
    expect(idle).toBe(Math.max(1, Math.min(cores, Math.round(cores - loadavg()[0]))));
    expect(idleCores(1)).toBe(1);
  });
});
