import { describe, expect, it } from 'vitest';
import { liveStateSchema, type LiveState } from '../../../src/data/schemas';
import { generateCity } from '../../../mocks/city/generate-city';
import {
  DATASETS,
  LIVE_DATASET_IDS,
  stateCadenceS,
  type LiveDatasetId,
} from '../../../mocks/datasets';
import { datasetFeatures } from '../../../mocks/geojson/dataset-features';
import { activeAlarms } from '../../../mocks/live/fire-alarms';
import { liveState } from '../../../mocks/live/live-state';

const town = generateCity({ seed: 42, scale: 'town' });
const MORNING_PEAK = Date.parse('2026-01-15T08:30:00+08:00'); // a Thursday
const EVENING_PEAK = Date.parse('2026-01-15T18:00:00+08:00');
const NIGHT = Date.parse('2026-01-15T03:00:00+08:00');
const HOUR_MS = 3_600_000;

type Congestion = 'free' | 'slow' | 'congested' | 'jammed';

/** The traffic thresholds of docs/api/datasets.md (speed / free-flow speed). */
function congestion(ratio: number): Congestion {
  if (ratio >= 0.7) return 'free';
  if (ratio >= 0.45) return 'slow';
  if (ratio >= 0.25) return 'congested';
  return 'jammed';
}

function column(state: LiveState, key: string): (number | null)[] {
  const values = state.columns[key];
  if (!values) throw new Error(`${state.dataset} has no column ${key}`);
  return values;
}

function congestionCounts(timeMs: number): Record<Congestion, number> {
  const state = liveState(town, 'traffic.roads', timeMs);
  const counts: Record<Congestion, number> = { free: 0, slow: 0, congested: 0, jammed: 0 };
  column(state, 'speedKmh').forEach((speed, i) => {
    if (speed !== null) counts[congestion(speed / town.roadSegments[i]!.freeFlowKmh)]++;
  });
  return counts;
}

function meanSpeedRatio(timeMs: number): number {
  const speeds = column(liveState(town, 'traffic.roads', timeMs), 'speedKmh');
  let sum = 0;
  let n = 0;
  speeds.forEach((speed, i) => {
    if (speed === null) return;
    sum += speed / town.roadSegments[i]!.freeFlowKmh;
    n++;
  });
  return sum / n;
}

describe('liveState', () => {
  it.each(LIVE_DATASET_IDS)('%s: is a pure function of city, dataset and time', (id) => {
    const again = generateCity({ seed: 42, scale: 'town' });
    expect(liveState(again, id, MORNING_PEAK)).toEqual(liveState(town, id, MORNING_PEAK));
    // Any time within one cadence step gives the same state.
    const lastMoment = MORNING_PEAK + stateCadenceS(id) * 1000 - 1;
    expect(liveState(town, id, lastMoment)).toEqual(liveState(town, id, MORNING_PEAK));
  });

  it.each(LIVE_DATASET_IDS)('%s: has one value per feature id in every declared column', (id) => {
    const state = liveStateSchema.parse(liveState(town, id, MORNING_PEAK));
    const featureIds = datasetFeatures(town, id, MORNING_PEAK).features.map((f) => f.id);
    expect(state.ids).toEqual(featureIds);
    const declared = DATASETS.find((d) => d.id === id)!.stateFields.map((f) => f.key);
    expect(Object.keys(state.columns).sort()).toEqual([...declared].sort());
    for (const values of Object.values(state.columns))
      expect(values).toHaveLength(state.ids.length);
    expect(state.cadenceS).toBe(stateCadenceS(id));
  });

  it('stamps the start of the cadence step in city time', () => {
    const state = liveState(town, 'traffic.roads', MORNING_PEAK + 7_500);
    expect(state.observedAt).toBe('2026-01-15T08:30:00+08:00');
    expect(Date.parse(state.observedAt)).toBe(MORNING_PEAK);
    expect(liveState(town, 'fire.hydrants', MORNING_PEAK + 59_000).observedAt).toBe(
      '2026-01-15T08:30:00+08:00',
    );
  });

  it.each<[LiveDatasetId, number]>([
    ['traffic.roads', 1],
    ['pipes.water', 1],
    ['pipes.drainage', 1],
    ['pipes.gas', 1],
    ['public-spaces.spaces', 1],
    // Flags and unit counts change only when something happens; within a few hours it does.
    ['pipes.nodes', 20],
    ['fire.hydrants', 240],
    ['fire.stations', 480],
  ])('%s: changes from one cadence step to the next within %i steps', (id, steps) => {
    const cadenceMs = stateCadenceS(id) * 1000;
    const first = JSON.stringify(liveState(town, id, MORNING_PEAK).columns);
    const changed = Array.from(
      { length: steps },
      (_, k) => MORNING_PEAK + (k + 1) * cadenceMs,
    ).some((t) => JSON.stringify(liveState(town, id, t).columns) !== first);
    expect(changed).toBe(true);
  });

  it('shows every congestion level at the morning and evening peaks', () => {
    for (const time of [MORNING_PEAK, EVENING_PEAK]) {
      const counts = congestionCounts(time);
      for (const level of ['free', 'slow', 'congested', 'jammed'] as const)
        expect(counts[level], level).toBeGreaterThan(0);
    }
  });

  it('keeps traffic flowing at night and slows it at rush hour', () => {
    expect(meanSpeedRatio(NIGHT)).toBeGreaterThan(0.9);
    expect(meanSpeedRatio(MORNING_PEAK)).toBeLessThan(meanSpeedRatio(NIGHT) - 0.1);
    const night = congestionCounts(NIGHT);
    expect(night.free).toBeGreaterThan(0.95 * town.roadSegments.length);
  });

  it('keeps water pressure mostly normal, with a few warnings and alarms that come and go', () => {
    const alarmed = (time: number): string[] => {
      const state = liveState(town, 'pipes.water', time);
      return state.ids.filter((_, i) => column(state, 'pressureKpa')[i]! < 250);
    };
    const state = liveState(town, 'pipes.water', MORNING_PEAK);
    const pressures = column(state, 'pressureKpa') as number[];
    const normal = pressures.filter((p) => p >= 250 && p <= 460).length;
    expect(normal / pressures.length).toBeGreaterThan(0.97);
    const hours = [0, 1, 2, 3].map((h) => alarmed(MORNING_PEAK + h * HOUR_MS));
    expect(hours.every((ids) => ids.length > 0 && ids.length < 0.03 * pressures.length)).toBe(true);
    expect(hours[0]).not.toEqual(hours[3]);
    const day = Array.from({ length: 24 }, (_, h) =>
      column(liveState(town, 'pipes.water', NIGHT + h * HOUR_MS), 'pressureKpa'),
    );
    expect(day.flat().some((p) => p! < 180)).toBe(true);
    expect(day.flat().some((p) => p! >= 180 && p! < 250)).toBe(true);
  });

  it('keeps drainage and gas within physical bounds', () => {
    const fill = column(liveState(town, 'pipes.drainage', MORNING_PEAK), 'fillRatio') as number[];
    expect(fill.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fill.filter((f) => f > 0.7).length).toBeLessThan(0.05 * fill.length);
    const gas = liveState(town, 'pipes.gas', MORNING_PEAK);
    const classes = new Map(
      datasetFeatures(town, 'pipes.gas', MORNING_PEAK).features.map((f) => [
        f.id,
        f.properties.pressureClass,
      ]),
    );
    column(gas, 'pressureKpa').forEach((p, i) => {
      const low = classes.get(gas.ids[i]!) === 'low';
      expect(p!).toBeGreaterThan(low ? 0.5 : 20);
      expect(p!).toBeLessThan(low ? 5 : 500);
    });
  });

  it('has some public spaces over the warning and the alarm threshold at any time', () => {
    for (let h = 0; h < 24; h += 3) {
      const state = liveState(town, 'public-spaces.spaces', NIGHT + h * HOUR_MS);
      const ratios = column(state, 'occupancy').map(
        (people, i) => people! / town.publicSpaces[i]!.capacity,
      );
      expect(
        ratios.some((r) => r >= 0.9),
        `alarm at ${h + 3}:00`,
      ).toBe(true);
      expect(
        ratios.some((r) => r >= 0.75 && r < 0.9),
        `warning at ${h + 3}:00`,
      ).toBe(true);
      expect(ratios.filter((r) => r >= 0.75).length).toBeLessThan(ratios.length / 2);
    }
  });

  it('keeps most hydrants in service and never lends out more engines than a station has', () => {
    const inService = column(liveState(town, 'fire.hydrants', MORNING_PEAK), 'inService');
    expect(inService.every((v) => v === 0 || v === 1)).toBe(true);
    expect(inService.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(inService.filter((v) => v === 1).length).toBeGreaterThan(0.95 * inService.length);
    const available = column(liveState(town, 'fire.stations', MORNING_PEAK), 'availableUnits');
    available.forEach((units, i) => {
      expect(units!).toBeGreaterThanOrEqual(0);
      expect(units!).toBeLessThanOrEqual(town.fireStations[i]!.units);
    });
  });

  it('reports valves and pumps with flags, and no reading for manholes', () => {
    const state = liveState(town, 'pipes.nodes', MORNING_PEAK);
    town.pipeNodes.forEach((node, i) => {
      const open = column(state, 'open')[i];
      const running = column(state, 'running')[i];
      if (node.nodeKind === 'valve') expect([open, running]).toEqual([expect.any(Number), null]);
      if (node.nodeKind === 'pump') expect([open, running]).toEqual([null, expect.any(Number)]);
      if (node.nodeKind === 'manhole') expect([open, running]).toEqual([null, null]);
    });
  });
});

describe('fire alarms', () => {
  it('has a few active alarms at buildings at any time, each lasting minutes', () => {
    const buildingIds = new Set(town.buildings.map((b) => b.id));
    let total = 0;
    for (let h = 0; h < 24; h++) {
      const time = NIGHT + h * HOUR_MS;
      const alarms = activeAlarms(town, time);
      total += alarms.length;
      expect(alarms.length).toBeLessThan(20);
      for (const alarm of alarms) {
        expect(buildingIds.has(alarm.buildingId)).toBe(true);
        expect(alarm.startedAtMs).toBeLessThanOrEqual(time);
        expect(alarm.endsAtMs - alarm.startedAtMs).toBeGreaterThanOrEqual(3 * 60_000);
      }
    }
    expect(total / 24).toBeGreaterThan(1);
  });

  it('keeps an alarm with the same id while it lasts, and turns verified fires into incidents', () => {
    const alarm = activeAlarms(town, MORNING_PEAK).find((a) => a.alarmKind === 'fire');
    expect(alarm).toBeDefined();
    const { id, startedAtMs, endsAtMs } = alarm!;
    const at = (time: number) => activeAlarms(town, time).find((a) => a.id === id);
    expect(at(startedAtMs)?.status).toBe('alarm');
    expect(at(startedAtMs + 5 * 60_000)?.status).toBe('incident');
    expect(at(endsAtMs - 1)).toBeDefined();
    expect(at(endsAtMs)).toBeUndefined();
    expect(at(startedAtMs - 1)).toBeUndefined();
  });

  it('serves the active set as features that change with time', () => {
    const now = datasetFeatures(town, 'fire.alarms', MORNING_PEAK).features.map((f) => f.id);
    const later = datasetFeatures(town, 'fire.alarms', MORNING_PEAK + 20 * 60_000).features.map(
      (f) => f.id,
    );
    expect(now).not.toEqual(later);
    expect(
      datasetFeatures(town, 'fire.alarms', MORNING_PEAK + 4_999).features.map((f) => f.id),
    ).toEqual(now);
  });
});
