import { describe, expect, it } from 'vitest';
import { sameClock, simulatedTime } from '../../../src/app/demo/simulated-time';

const reading = (mode: 'live' | 'running' | 'paused', speed: number) => ({
  data: { mode, speed, time: '2026-01-15T08:00:00+08:00', controllable: true },
  fetchedAt: 1_000_000,
});
const read = Date.parse('2026-01-15T08:00:00+08:00');

describe('simulatedTime', () => {
  it('is the wall clock without a demo clock or in live mode', () => {
    expect(simulatedTime(undefined).at(123)).toBe(123);
    expect(simulatedTime(reading('live', 1)).at(123)).toBe(123);
  });
  it('runs ×N from the last reading', () => {
    expect(simulatedTime(reading('running', 60)).at(1_000_000 + 2_000)).toBe(read + 120_000);
    expect(simulatedTime(reading('running', 60)).rate).toBe(60);
  });
  it('stands still while paused', () => {
    expect(simulatedTime(reading('paused', 60)).at(1_000_000 + 50_000)).toBe(read);
  });
});

describe('sameClock', () => {
  const at = (readAt: number, fetchedAt: number, rate: number) =>
    simulatedTime({
      data: {
        mode: 'running',
        speed: rate,
        time: new Date(readAt).toISOString(),
        controllable: true,
      },
      fetchedAt,
    });

  it('takes a reading that agrees with the extrapolation of the last one as the same clock', () => {
    const kept = at(read, 1_000_000, 60);
    // Two seconds later the clock reads 120 s on, as extrapolated, give or take its latency.
    const next = at(read + 120_000 + 10_000, 1_002_000, 60);
    expect(sameClock(kept, next, 1_002_000)).toBe(true);
  });

  it('takes a new clock when the reading moved on or the rate or mode changed', () => {
    const kept = at(read, 1_000_000, 60);
    expect(sameClock(kept, at(read + 600_000, 1_002_000, 60), 1_002_000)).toBe(false);
    expect(sameClock(kept, at(read + 120_000, 1_002_000, 30), 1_002_000)).toBe(false);
    expect(sameClock(kept, simulatedTime(reading('paused', 60)), 1_000_000)).toBe(false);
  });

  it('allows a second of page time at least, for a clock at ×1', () => {
    const kept = at(read, 1_000_000, 1);
    expect(sameClock(kept, at(read + 2_000 + 900, 1_002_000, 1), 1_002_000)).toBe(true);
    expect(sameClock(kept, at(read + 2_000 + 1_500, 1_002_000, 1), 1_002_000)).toBe(false);
  });
});
