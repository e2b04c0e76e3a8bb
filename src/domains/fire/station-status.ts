/** A fire station's readiness from how many of its units are available. */
import type { StatusLevel } from '../../ui/theme';

export type StationReadiness = 'ready' | 'allOut' | 'noReading';

export function stationReadiness(availableUnits: number | null): StationReadiness {
  if (availableUnits === null || !Number.isFinite(availableUnits)) return 'noReading';
  return availableUnits >= 1 ? 'ready' : 'allOut';
}

export const STATION_READINESS_STATUS: Readonly<Record<StationReadiness, StatusLevel>> = {
  ready: 'normal',
  allOut: 'warning',
  noReading: 'unknown',
};
