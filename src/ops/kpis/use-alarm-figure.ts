/**
 * Open alarms by severity at the time shown and in the area chosen, with the trend of their
 * total over the last hours (the alarm list read at each trend mark).
 */
import { useStructuralSharing } from '../../ui/kept-values';
import { useQueries } from '@tanstack/react-query';
import type { DataAdapter } from '../../data/adapter';
import type { Alarm } from '../../data/alarm-schemas';
import { alarmsQuery, type ReadTime } from '../../data/queries';
import type { InArea } from '../alarms/alarm-list';
import type { ViewedAlarm } from '../alarms/optimistic';
import type { AlarmFigure } from './kpi-bar';
import { trendMarks } from './trend-times';

/** Open alarms in the area (every open alarm when none is chosen). */
export function openAlarmsIn<A extends Pick<Alarm, 'status' | 'severity'>>(
  alarms: readonly A[],
  areaId: string | null,
  inArea: (areaId: string, alarm: A) => boolean,
): A[] {
  return alarms.filter(
    (alarm) => alarm.status === 'open' && (areaId === null || inArea(areaId, alarm)),
  );
}

export function useAlarmFigure(
  adapter: DataAdapter,
  current: readonly ViewedAlarm[],
  options: {
    readonly at: ReadTime;
    readonly now: number;
    /** The source's clock rate (how far ahead of it the page's `now` may be). */
    readonly clockRate: number;
    readonly areaId: string | null;
    readonly inArea: InArea;
    readonly severityFilter: number | null;
    /** Whether the current list is in (the trend waits for it). */
    readonly ready: boolean;
    /** Whether the trends may be read yet (`useTrendsReady`). */
    readonly trendsReady: boolean;
  },
): AlarmFigure {
  const { at, now, clockRate, areaId, inArea, severityFilter, ready, trendsReady } = options;
  const end = at ?? now;
  const marks = trendMarks(at, now, clockRate);
  const past = useQueries({
    queries: marks.map((time) => ({
      ...alarmsQuery(adapter, { at: time }),
      enabled: ready && trendsReady && adapter.capabilities.alarms,
    })),
  });
  const open = openAlarmsIn(current, areaId, inArea);
  const bySeverity = { 1: 0, 2: 0, 3: 0 };
  for (const alarm of open) {
    if (alarm.severity === 1 || alarm.severity === 2 || alarm.severity === 3)
      bySeverity[alarm.severity] += 1;
  }
  // The past lists carry no pending actions of this operator: their alarms are taken as they are.
  const pastOpen = past.map((result) =>
    result.data
      ? openAlarmsIn(
          result.data.data.alarms.map((alarm) => ({ ...alarm, pendingActionIds: [] })),
          areaId,
          inArea,
        ).length
      : null,
  );
  return useStructuralSharing({
    bySeverity,
    trend: { times: [...marks, end], values: [...pastOpen, ready ? open.length : null] },
    severityFilter,
  });
}
