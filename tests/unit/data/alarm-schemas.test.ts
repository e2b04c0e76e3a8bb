import { describe, expect, it } from 'vitest';
import { alarmListSchema } from '../../../src/data/alarm-schemas';
import { makeAlarm } from '../ops/alarm-fixtures';

describe('the alarm list at the edge', () => {
  it('leaves out and counts a malformed alarm instead of losing the whole list', () => {
    const hostile = {
      ...makeAlarm({ id: 'a-2' }),
      severity: 'x',
      title: { zh: 'y'.repeat(1_000_000), en: '<img src=x onerror=alert(1)>' },
    };
    const parsed = alarmListSchema.parse({
      observedAt: '2026-01-15T08:30:00+08:00',
      cadenceS: 60,
      alarms: [makeAlarm(), hostile, 'not an alarm'],
    });
    expect(parsed.alarms.map((alarm) => alarm.id)).toEqual(['a-1']);
    expect(parsed.unreadable).toBe(2);
    expect(parsed.firstProblem).toMatch(/severity|title/);
    expect(parsed.firstProblem!.length).toBeLessThan(400);
  });

  it('refuses a list that is not one', () => {
    expect(alarmListSchema.safeParse({ alarms: 'x' }).success).toBe(false);
  });
});
