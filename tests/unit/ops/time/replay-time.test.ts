import { describe, expect, it } from 'vitest';
import {
  advanceCursor,
  clampCursor,
  HISTORY_MS,
  historyStart,
  latestPastRead,
  readTime,
} from '../../../../src/ops/time/replay-time';

const now = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;

describe('the time cursor', () => {
  it('stays within the last 24 hours and becomes live at now', () => {
    expect(clampCursor(now - HOUR, now)).toBe(now - HOUR);
    expect(clampCursor(now - 2 * HISTORY_MS, now)).toBe(historyStart(now));
    expect(historyStart(now)).toBeGreaterThan(now - HISTORY_MS);
    expect(clampCursor(now, now)).toBeNull();
    expect(clampCursor(now + HOUR, now)).toBeNull();
    expect(clampCursor(Number.NaN, now)).toBeNull();
  });

  it('reads at the whole minute, so every layer asks for the same instant', () => {
    expect(readTime(null)).toBeNull();
    expect(readTime(Date.parse('2026-11-26T10:15:42.5Z'))).toBe(Date.parse('2026-11-26T10:15:00Z'));
  });

  it('plays at its speed and goes live once it catches up with now', () => {
    const start = now - HOUR;
    expect(advanceCursor(start, 600, 1_000, now)).toBe(start + 600_000);
    expect(advanceCursor(start, 1, 1_000, now)).toBe(start + 1_000);
    expect(advanceCursor(start, 600, 6_000, now)).toBeNull();
    expect(advanceCursor(start, 600, -5_000, now)).toBe(start);
  });
});

describe('the latest past read', () => {
  it('stays a read step behind now, more while the clock runs fast, and a step while paused', () => {
    expect(latestPastRead(now, 1)).toBe(now - 60_000);
    expect(latestPastRead(now, 600)).toBe(now - 20 * 60_000);
    expect(latestPastRead(now, 0)).toBe(now - 60_000);
  });
});
