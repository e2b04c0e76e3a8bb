/**
 * The dynamic fire datasets at T: `fire.alarms` (detector alarms going off, fires from their
 * first report until the last engine leaves) and `fire.units` (engines out, wherever they are).
 * Alarm properties are those of docs/api/datasets.md plus the response record (`dispatchedAt`,
 * `arrivedAt`, `responseTimeS`), filled in as it happens: nothing about the future is shown.
 */
import type { FeatureCollection, LocalizedText } from '../../../src/data/schemas';
import type { CityModel } from '../../city/generate-city';
import { featureCollection, pointFeature } from '../../geojson/features';
import { isoWithOffset } from '../../live/clock';
import { buildingById } from './adjacent-roads';
import type { FireIncident, FirePlan } from './dispatch';
import { isOut, unitPosition, unitStatus } from './unit-positions';

export function alarmTitle(kind: 'detector' | 'fire', address: LocalizedText): LocalizedText {
  return kind === 'fire'
    ? { zh: `火警 · ${address.zh}`, en: `Fire · ${address.en}` }
    : { zh: `烟感报警 · ${address.zh}`, en: `Smoke detector alarm · ${address.en}` };
}

/** Buildings with a fire on the map at T: their detector alarms are part of that fire now. */
export function fireBuildings(plan: FirePlan, t: number): Set<string> {
  return new Set(
    plan.incidents.filter((incident) => isVisible(incident, t)).map((i) => i.building.id),
  );
}

function isVisible(incident: FireIncident, t: number): boolean {
  return incident.event.startMs <= t && t < incident.clearedAt;
}

export function alarmFeatures(city: CityModel, plan: FirePlan, t: number): FeatureCollection {
  const features = [];
  const burning = fireBuildings(plan, t);
  for (const event of plan.detectors) {
    const building = buildingById(city, event.target);
    if (!building || burning.has(building.id)) continue;
    features.push(
      pointFeature(city.origin, event.id, building.center, {
        name: alarmTitle('detector', building.address),
        alarmKind: 'detector',
        severity: 1,
        status: 'alarm',
        startedAt: isoWithOffset(event.startMs),
        address: building.address,
        buildingId: building.id,
        unitsDispatched: 0,
        stationId: null,
        dispatchedAt: null,
        arrivedAt: null,
        responseTimeS: null,
      }),
    );
  }
  for (const incident of plan.incidents) {
    if (!isVisible(incident, t)) continue;
    const { building } = incident;
    const out = incident.trips.filter((trip) => trip.dispatchedAt <= t);
    const first = out[0];
    const arrivedAt = first && first.outbound.endMs <= t ? first.outbound.endMs : null;
    features.push(
      pointFeature(city.origin, incident.event.id, building.center, {
        name: alarmTitle('fire', building.address),
        alarmKind: 'fire',
        severity: incident.severity,
        status: t < incident.confirmedAt ? 'alarm' : 'incident',
        startedAt: isoWithOffset(incident.event.startMs),
        address: building.address,
        buildingId: building.id,
        unitsDispatched: out.length,
        stationId: first ? city.fireStations[first.stationIndex]!.id : null,
        dispatchedAt: first ? isoWithOffset(first.dispatchedAt) : null,
        arrivedAt: arrivedAt === null ? null : isoWithOffset(arrivedAt),
        responseTimeS:
          first && arrivedAt !== null ? Math.round((arrivedAt - first.dispatchedAt) / 1000) : null,
      }),
    );
  }
  return featureCollection(features);
}

export function unitFeatures(city: CityModel, plan: FirePlan, t: number): FeatureCollection {
  const features = [];
  for (const incident of plan.incidents) {
    for (const trip of incident.trips) {
      if (!isOut(trip, t)) continue;
      const station = city.fireStations[trip.stationIndex]!;
      const number = trip.unitId.slice(trip.unitId.lastIndexOf('-e') + 2);
      features.push(
        pointFeature(city.origin, trip.unitId, unitPosition(city, incident, trip, t), {
          name: {
            zh: `${station.name.zh} ${number}号车`,
            en: `${station.name.en} Engine ${number}`,
          },
          stationId: station.id,
          unitStatus: unitStatus(trip, t),
          incidentId: trip.incidentId,
        }),
      );
    }
  }
  return featureCollection(features);
}
