import { describe, expect, it } from 'vitest';
import { VERIFY_AHEAD_ITEMS, VERIFY_AHEAD_MAX_ITEMS, threadUse, workersPayOff } from '../src/cli/workers-pay-off.js';

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

describe('threadUse', () => {
  it('uses no thread with one job', () => {
    expect(threadUse(1_000_000, 1, true, 1, 2)).toBe('none');
    expect(threadUse(1_000_000, 1, false, 1, 2)).toBe('none');
  });

  it('on up to four cores, verifies signatures beside the main thread from some 5,000 certificates to some 25,000, bundle or files', () => {
    expect(threadUse(VERIFY_AHEAD_ITEMS - 1, 2, true, 1, 2)).toBe('none');
    expect(threadUse(VERIFY_AHEAD_ITEMS, 2, true, 1, 2)).toBe('verify-ahead');
    expect(threadUse(20_000, 2, true, 1, 2)).toBe('verify-ahead');
    expect(threadUse(10_000, 2, true, 10_000, 2)).toBe('verify-ahead');
    expect(threadUse(20_000, 4, true, 1, 4)).toBe('verify-ahead');
  });

  it('checks larger runs with signatures on worker threads, as they pay off', () => {
    expect(threadUse(VERIFY_AHEAD_MAX_ITEMS, 2, true, 1, 2)).toBe('workers');
    expect(threadUse(1_000_000, 2, true, 1, 2)).toBe('workers');
    expect(threadUse(1_000_000, 2, true, 1_000, 2)).toBe('workers');
  });

  it('without signatures to verify, uses worker threads where they pay off', () => {
    expect(threadUse(20_000, 2, false, 1, 2)).toBe('none');
    expect(threadUse(20_000, 8, false, 1, 8)).toBe('workers');
  });

  it('above four cores, or when --jobs leaves cores out (node:crypto keeps four threads whatever it says), uses worker threads', () => {
    expect(threadUse(20_000, 8, true, 1, 8)).toBe('workers');
    expect(threadUse(20_000, 2, true, 1, 4)).toBe(workersPayOff(20_000, 2, true, 1, 4) ? 'workers' : 'none');
    expect(threadUse(20_000, 2, true, 1, 4)).not.toBe('verify-ahead');
  });
});
