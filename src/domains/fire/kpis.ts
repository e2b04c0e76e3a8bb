/**
 * Fire safety's key figures: the fires burning now (confirmed incidents), and the median time
 * from the call to the first engine on scene over the current alarms that have one.
 */
import { countingKpi, defineKpi } from '../../map/kpi-contract';
import { alarmStatus } from './alarm-style';
import { alarmsLayer } from './alarms-layer';

/** Response times over these many seconds read as a warning, and as an alarm. */
export const RESPONSE_TIME_LEVELS_S = { warning: 8 * 60, alarm: 12 * 60 } as const;

export const activeFiresKpi = defineKpi(
  'fire',
  countingKpi({
    id: 'fire.active-fires',
    labelKey: 'kpi.activeFires',
    layer: alarmsLayer,
    counts: ({ feature }) => alarmStatus(feature) === 'incident',
    warningAt: 1,
    alarmAt: 3,
  }),
);

/** A response time in seconds, null for none (NaN) or a nonsense one. */
function validResponseTime(seconds: number | undefined): number | null {
  return seconds !== undefined && seconds >= 0 ? seconds : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const responseTimeKpi = defineKpi('fire', {
  id: 'fire.response-time',
  labelKey: 'kpi.responseTime',
  layer: alarmsLayer,
  format: 'duration',
  value: ({ geometry }, inScope) =>
    median(
      Array.from(geometry.numbers('responseTimeS')).filter(
        (seconds, index) => inScope(index) && validResponseTime(seconds) !== null,
      ),
    ),
  counts: ({ geometry, index }) =>
    validResponseTime(geometry.numbers('responseTimeS')[index]) !== null,
  level: (value) =>
    value === null
      ? 'unknown'
      : value > RESPONSE_TIME_LEVELS_S.alarm
        ? 'alarm'
        : value > RESPONSE_TIME_LEVELS_S.warning
          ? 'warning'
          : 'normal',
});
