/**
 * Fire stations and hydrants. Units leave their station for the alarms nearest to it (one to
 * check an alarm, one per severity level for an incident) and come back when it ends; now and
 * then a unit is out for maintenance. Hydrants go out of service for repairs and come back.
 */
import type { CityModel } from '../city/generate-city';
import { distance } from '../city/geo';
import { hashString, unitHash } from '../city/prng';
import { MINUTE_MS, periodIndex } from './clock';
import type { StateColumns } from './columns';
import { activeAlarms } from './fire-alarms';

const HYDRANT_PERIOD_MS = 20 * MINUTE_MS;
const HYDRANT_OUT_SHARE = 0.02;

export function fireStationState(city: CityModel, timeMs: number): StateColumns {
  const busy = new Map<string, number>();
  for (const alarm of activeAlarms(city, timeMs)) {
    const nearest = city.fireStations.reduce((best, station) =>
      distance(station.position, alarm.position) < distance(best.position, alarm.position)
        ? station
        : best,
    );
    const units = alarm.status === 'incident' ? alarm.severity : 1;
    busy.set(nearest.id, (busy.get(nearest.id) ?? 0) + units);
  }
  const availableUnits = city.fireStations.map((station) => {
    const key = hashString(station.id);
    const maintenance =
      unitHash(key, periodIndex(timeMs, 240 * MINUTE_MS, unitHash(key, 1)), 2) < 0.15 ? 1 : 0;
    return Math.max(0, station.units - maintenance - (busy.get(station.id) ?? 0));
  });
  return { ids: city.fireStations.map((station) => station.id), columns: { availableUnits } };
}

export function hydrantState(city: CityModel, timeMs: number): StateColumns {
  const inService = city.hydrants.map((hydrant) => {
    const key = hashString(hydrant.id);
    const period = periodIndex(timeMs, HYDRANT_PERIOD_MS, unitHash(key, 1));
    return unitHash(key, period, 2) < HYDRANT_OUT_SHARE ? 0 : 1;
  });
  return { ids: city.hydrants.map((hydrant) => hydrant.id), columns: { inService } };
}
