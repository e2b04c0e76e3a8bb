import { describe, expect, it } from 'vitest';
import { healthCounts } from '../../../src/ops/health/data-health';

const NOW = 1_000_000;
const entry = (
  id: string,
  phase: 'loading' | 'live' | 'error',
  ageS: number | null,
  cadenceS = 10,
) => ({
  id,
  title: id,
  status: {
    phase,
    observedAt: ageS === null ? null : NOW - ageS * 1000,
    cadenceS,
    error: phase === 'error' ? 'HTTP 500' : null,
  },
});

describe('data health', () => {
  it('counts sources live, stale (overdue for their cadence) and failing', () => {
    const entries = [
      entry('a', 'live', 5),
      entry('b', 'live', 60),
      entry('c', 'error', 5),
      entry('d', 'loading', null),
      entry('e', 'live', 20, 10),
    ];
    expect(healthCounts(entries, NOW, 1)).toEqual({ live: 2, stale: 1, failing: 1 });
    // A demo clock at ×10 ages data ten times faster than the polling follows: not overdue.
    expect(healthCounts(entries, NOW, 10)).toEqual({ live: 3, stale: 0, failing: 1 });
  });
});
