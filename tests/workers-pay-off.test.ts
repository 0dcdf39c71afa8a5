import { describe, expect, it } from 'vitest';
import { workersPayOff } from '../src/cli/workers-pay-off.js';

describe('workersPayOff', () => {
  it('never uses threads with one job', () => {
    expect(workersPayOff(1_000_000, 1, true, 1, 2)).toBe(false);
  });

  it('on two cores, uses threads for a bundle whose signatures are verified, from about 3,000 certificates', () => {
    expect(workersPayOff(2_000, 2, true, 1, 2)).toBe(false);
    expect(workersPayOff(3_000, 2, true, 1, 2)).toBe(false);
    expect(workersPayOff(4_000, 2, true, 1, 2)).toBe(true);
    expect(workersPayOff(20_000, 2, true, 1, 2)).toBe(true);
  });

  it('on two cores, checks on one thread without signatures to verify, or when every certificate is a file of its own', () => {
    expect(workersPayOff(20_000, 2, false, 1, 2)).toBe(false);
    expect(workersPayOff(1_000_000, 2, false, 1, 2)).toBe(false);
    expect(workersPayOff(10_000, 2, true, 10_000, 2)).toBe(false);
  });

  it('uses threads sooner the more cores share the work and the less the main thread weighs against them', () => {
    expect(workersPayOff(20_000, 8, false, 1, 8)).toBe(true);
    expect(workersPayOff(20_000, 8, false, 20_000, 8)).toBe(true);
    expect(workersPayOff(3_000, 8, true, 3_000, 8)).toBe(true);
    expect(workersPayOff(2_000, 8, false, 1, 8)).toBe(false);
  });

  it('weighs the jobs asked for, not only the cores', () => {
    expect(workersPayOff(7_000, 2, false, 1, 8)).toBe(false);
    expect(workersPayOff(7_000, 8, false, 1, 8)).toBe(true);
  });
});
