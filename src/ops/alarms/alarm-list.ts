/**
 * The alarm centre's list: which alarms a set of filters keeps, in the order an operator works
 * them (open before cleared, most severe first, newest first within a severity), and the counts
 * per severity shown above it.
 */
import type { LifecycleStep } from '../../data/alarm-schemas';
import type { AlarmFilters } from './alarm-store';
import type { ViewedAlarm } from './optimistic';

const ACTIVE_STEPS: readonly LifecycleStep[] = ['new', 'acknowledged', 'dispatched', 'on-scene'];

export function isActive(alarm: ViewedAlarm): boolean {
  return ACTIVE_STEPS.includes(alarm.lifecycle.step);
}

/** Whether an alarm stands in an area (an area at any level of the hierarchy). */
export type InArea = (areaId: string, alarm: ViewedAlarm) => boolean;

/** Without the area hierarchy: an alarm is in the district it names. */
export const inNamedDistrict: InArea = (areaId, alarm) => alarm.areaId === areaId;

function matches(
  alarm: ViewedAlarm,
  filters: AlarmFilters,
  inArea: InArea,
  ignoreSeverity = false,
): boolean {
  const { step } = filters;
  if (step === null) {
    // Closed alarms are done with: they show only when asked for.
    if (alarm.lifecycle.step === 'closed') return false;
  } else if (step === 'active' ? !isActive(alarm) : alarm.lifecycle.step !== step) return false;
  return (
    (filters.domain === null || alarm.domain === filters.domain) &&
    (filters.department === null ||
      alarm.department === filters.department ||
      alarm.lifecycle.department === filters.department) &&
    (filters.areaId === null || inArea(filters.areaId, alarm)) &&
    (ignoreSeverity || filters.severity === null || alarm.severity === filters.severity)
  );
}

function byUrgency(a: ViewedAlarm, b: ViewedAlarm): number {
  const open = Number(b.status === 'open') - Number(a.status === 'open');
  if (open !== 0) return open;
  if (a.severity !== b.severity) return b.severity - a.severity;
  return Date.parse(b.raisedAt) - Date.parse(a.raisedAt);
}

export function filterAlarms(
  alarms: readonly ViewedAlarm[],
  filters: AlarmFilters,
  inArea: InArea = inNamedDistrict,
): ViewedAlarm[] {
  return alarms.filter((alarm) => matches(alarm, filters, inArea)).sort(byUrgency);
}

/** Open alarms per severity under every filter but the severity one (the counts pick it). */
export function severityCounts(
  alarms: readonly ViewedAlarm[],
  filters: AlarmFilters,
  inArea: InArea = inNamedDistrict,
): Record<1 | 2 | 3, number> {
  const counts = { 1: 0, 2: 0, 3: 0 };
  for (const alarm of alarms) {
    if (alarm.status !== 'open' || !matches(alarm, filters, inArea, true)) continue;
    counts[alarm.severity as 1 | 2 | 3] += 1;
  }
  return counts;
}
