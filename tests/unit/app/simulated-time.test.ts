import { describe, expect, it } from 'vitest';
import { simulatedTime } from '../../../src/app/demo/simulated-time';

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
