import { describe, expect, it } from 'vitest';
import { workersPayOff } from '../src/cli/workers-pay-off.js';

describe('workersPayOff', () => {
  it('never uses threads with one job', () => {
    expect(workersPayOff(1_000_000, 1, true)).toBe(false);
  });

  it('starts two threads only for runs large enough to repay their start-up', () => {
    expect(workersPayOff(20_000, 2, false)).toBe(false);
    expect(workersPayOff(25_000, 2, false)).toBe(true);
  });

  it('needs fewer certificates when every one has a signature to verify', () => {
    expect(workersPayOff(8_000, 2, true)).toBe(false);
    expect(workersPayOff(10_000, 2, true)).toBe(true);
  });

  it('needs fewer certificates the more cores share the work', () => {
    expect(workersPayOff(16_000, 2, false)).toBe(false);
    expect(workersPayOff(16_000, 8, false)).toBe(true);
  });
});
