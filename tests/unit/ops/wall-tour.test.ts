import { describe, expect, it } from 'vitest';
import {
  advanceTour,
  featureAlarm,
  preemptingAlarms,
  startTour,
  type TourView,
} from '../../../src/ops/wall/tour';
import { watchdogVerdict } from '../../../src/ops/wall/use-watchdog';

const views: TourView[] = [
  { areaId: null, layers: null, durationMs: 10_000 },
  { areaId: 'd-01', layers: ['traffic.roads'], durationMs: 5_000 },
];

describe('the wall tour', () => {
  it('shows each view for its time and loops', () => {
    let state = startTour(0);
    state = advanceTour(state, views, 30_000, 9_999);
    expect(state).toMatchObject({ kind: 'touring', index: 0 });
    state = advanceTour(state, views, 30_000, 10_000);
    expect(state).toEqual({ kind: 'touring', index: 1, since: 10_000, seq: 1 });
    state = advanceTour(state, views, 30_000, 15_000);
    expect(state).toEqual({ kind: 'touring', index: 0, since: 15_000, seq: 2 });
  });

  it('is pre-empted by an alarm, holds it, then starts the interrupted view again', () => {
    let state = advanceTour(startTour(0), views, 30_000, 10_000);
    state = featureAlarm(state, 'a1', 12_000);
    expect(state).toEqual({ kind: 'featuring', alarmId: 'a1', since: 12_000, resume: 1, seq: 2 });
    // A newer alarm takes over, and the tour still resumes where it was.
    state = featureAlarm(state, 'a2', 20_000);
    expect(state).toEqual({ kind: 'featuring', alarmId: 'a2', since: 20_000, resume: 1, seq: 3 });
    expect(advanceTour(state, views, 30_000, 49_999).kind).toBe('featuring');
    expect(advanceTour(state, views, 30_000, 50_000)).toEqual({
      kind: 'touring',
      index: 1,
      since: 50_000,
      seq: 4,
    });
  });

  it('stays put without views, and survives fewer views than its index', () => {
    expect(advanceTour(startTour(0), [], 1_000, 99_000)).toEqual(startTour(0));
    expect(startTour(0, 2)).toMatchObject({ kind: 'touring', index: 2, seq: 0 });
    // Index 5 of two views is the second view, kept as it is while it lasts, then the loop goes on.
    const beyond = { kind: 'touring', index: 5, since: 0, seq: 0 } as const;
    expect(advanceTour(beyond, views, 1_000, 1_000)).toBe(beyond);
    expect(advanceTour(beyond, views, 1_000, 5_000)).toMatchObject({ index: 0, seq: 1 });
  });

  it('is pre-empted only by new open alarms at or above the severity, newest first', () => {
    const alarm = (id: string, severity: number, raisedAt: string, status = 'open') => ({
      id,
      severity,
      raisedAt,
      status,
    });
    const alarms = [
      alarm('old', 3, '2026-01-15T08:00:00Z'),
      alarm('minor', 1, '2026-01-15T08:20:00Z'),
      alarm('cleared', 3, '2026-01-15T08:21:00Z', 'cleared'),
      alarm('a', 3, '2026-01-15T08:10:00Z'),
      alarm('b', 3, '2026-01-15T08:15:00Z'),
    ];
    expect(preemptingAlarms(alarms, new Set(['old']), 3).map((a) => a.id)).toEqual(['b', 'a']);
    expect(preemptingAlarms(alarms, new Set(['old', 'a', 'b']), 1).map((a) => a.id)).toEqual([
      'minor',
    ]);
  });
});

describe('the watchdog', () => {
  it('calls a page stalled when it stopped drawing or stopped hearing from its sources', () => {
    expect(watchdogVerdict(100_000, 99_000, 99_000, 60_000)).toEqual({
      stalled: false,
      reason: null,
    });
    expect(watchdogVerdict(100_000, 30_000, 99_000, 60_000)).toEqual({
      stalled: true,
      reason: 'frames',
    });
    expect(watchdogVerdict(100_000, 99_000, 30_000, 60_000)).toEqual({
      stalled: true,
      reason: 'data',
    });
  });
});
