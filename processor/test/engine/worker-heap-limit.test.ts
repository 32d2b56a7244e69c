import { describe, expect, it } from 'vitest';
import { workerHeapLimitMb } from '../../src/engine/engine.js';

describe('detection worker heap limit', () => {
  it('leaves room for the largest request’s texts as UTF-16, twice, above the built detectors', () => {
    const maxBody = 64 * 1024 * 1024;
    const limit = workerHeapLimitMb(maxBody);
    expect(limit * 1024 * 1024).toBeGreaterThanOrEqual(4 * maxBody);
    expect(workerHeapLimitMb(128 * 1024 * 1024)).toBeGreaterThan(limit);
  });

  it('is never below 256 MiB, however small the request limit', () => {
    expect(workerHeapLimitMb(1024)).toBe(256);
    expect(workerHeapLimitMb()).toBe(workerHeapLimitMb(64 * 1024 * 1024));
  });
});
