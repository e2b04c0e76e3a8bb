/** The body of `GET /alarms` (and of the stream's `alarms` event). */
import { isoWithOffset } from '../live/clock';
import type { AlarmSnapshot } from '../sim/engine/alarm-engine';
import type { AlarmView } from './alarm-view';

/** Alarms are stepped on a one-minute grid. */
export const ALARM_CADENCE_S = 60;

export interface AlarmList {
  readonly observedAt: string;
  readonly cadenceS: number;
  readonly alarms: readonly AlarmView[];
}

export function alarmsBody(snapshot: AlarmSnapshot, alarms: readonly AlarmView[]): AlarmList {
  return { observedAt: isoWithOffset(snapshot.observedAtMs), cadenceS: ALARM_CADENCE_S, alarms };
}
