/**
 * Pipe networks. Water pressure falls with distance from the booster pumps and with demand
 * (breakfast and evening); drainage fills with wastewater peaks and with passing rain; gas sags
 * at meal times. On top of that, short events (a leak, a blockage, a regulator fault) push a few
 * pipes past the warning or alarm thresholds of docs/api/datasets.md, and pass again.
 */
import type { CityModel } from '../city/generate-city';
import { distance } from '../city/geo';
import { perCity } from '../city/per-city';
import type { Pipe, PipeNetwork } from '../city/pipes';
import { hashString, unitHash } from '../city/prng';
import { MINUTE_MS, localHour, periodIndex } from './clock';
import type { StateColumns } from './columns';
import { between, bump, clamp, roundTo, smoothNoise, stepJitter } from './signals';

const EVENT_PERIOD_MS = 10 * MINUTE_MS;
/** Share of pipes with an event in any one event period. */
const EVENT_SHARE: Readonly<Record<PipeNetwork, number>> = {
  water: 0.006,
  drainage: 0.005,
  gas: 0.004,
};

interface PipeConstants {
  readonly pipe: Pipe;
  readonly key: number;
  /** 0 next to a pump, 1 as far from any pump as the city allows. */
  readonly remoteness: number;
}

const pipesByNetwork = perCity((city) => {
  const pumps = city.pipeNodes.filter((node) => node.nodeKind === 'pump');
  const byNetwork: Record<PipeNetwork, PipeConstants[]> = { water: [], drainage: [], gas: [] };
  for (const pipe of city.pipes) {
    const middle = pipe.points[Math.floor(pipe.points.length / 2)]!;
    const nearestPump = Math.min(
      ...pumps.map((pump) => distance(pump.position, middle)),
      city.halfExtentM,
    );
    byNetwork[pipe.network].push({
      pipe,
      key: hashString(pipe.id),
      remoteness: nearestPump / city.halfExtentM,
    });
  }
  return byNetwork;
});

/** An event on one pipe: its severity in [0, 1), or null when the pipe is quiet. */
function pipeEvent(key: number, network: PipeNetwork, timeMs: number): number | null {
  const period = periodIndex(timeMs, EVENT_PERIOD_MS, unitHash(key, 7));
  return unitHash(key, period, 8) < EVENT_SHARE[network] ? unitHash(key, period, 9) : null;
}

export function waterState(city: CityModel, timeMs: number, step: number): StateColumns {
  const hour = localHour(timeMs);
  const demand = 0.2 + 0.8 * Math.max(bump(hour, 7.5, 1.2), bump(hour, 19, 1.8));
  const pipes = pipesByNetwork(city).water;
  const pressureKpa = pipes.map(({ key, remoteness }) => {
    const event = pipeEvent(key, 'water', timeMs);
    if (event !== null) {
      // A leak: a warning-level drop most of the time, an alarm-level one for bigger bursts.
      return roundTo(
        event < 0.6 ? between(event / 0.6, 200, 245) : between((event - 0.6) / 0.4, 110, 175),
        1,
      );
    }
    const base = 455 - 90 * remoteness - 40 * unitHash(key, 1);
    const wander = 12 * (smoothNoise(key, timeMs, 10 * MINUTE_MS) - 0.5);
    return roundTo(base - 55 * demand + wander + stepJitter(key, step, 1.5), 1);
  });
  return { ids: pipes.map(({ pipe }) => pipe.id), columns: { pressureKpa } };
}

export function drainageState(city: CityModel, timeMs: number, step: number): StateColumns {
  const hour = localHour(timeMs);
  const wastewater = 0.15 * Math.max(bump(hour, 8, 1.5), bump(hour, 20, 2));
  const rain = Math.max(0, smoothNoise(hashString(city.id), timeMs, 180 * MINUTE_MS) - 0.7) / 0.3;
  const pipes = pipesByNetwork(city).drainage;
  const fillRatio = pipes.map(({ key }) => {
    const event = pipeEvent(key, 'drainage', timeMs);
    // A blockage backs the pipe up to a warning, or nearly full for an alarm.
    if (event !== null) return roundTo(between(event, 0.72, 1), 3);
    const base = 0.15 + 0.25 * unitHash(key, 1);
    const wander = 0.06 * (smoothNoise(key, timeMs, 15 * MINUTE_MS) - 0.5);
    const fill =
      base + wastewater + 0.4 * rain * unitHash(key, 2) + wander + stepJitter(key, step, 0.005);
    return roundTo(clamp(fill, 0, 1), 3);
  });
  return { ids: pipes.map(({ pipe }) => pipe.id), columns: { fillRatio } };
}

export function gasState(city: CityModel, timeMs: number, step: number): StateColumns {
  const hour = localHour(timeMs);
  const cooking = Math.max(bump(hour, 11.5, 1), bump(hour, 18, 1.2));
  const pipes = pipesByNetwork(city).gas;
  const pressureKpa = pipes.map(({ pipe, key }) => {
    const event = pipeEvent(key, 'gas', timeMs);
    const wander = smoothNoise(key, timeMs, 12 * MINUTE_MS) - 0.5;
    if (pipe.pressureClass === 'medium') {
      if (event !== null)
        return roundTo(outOfBand(event, [60, 78], [352, 395], [30, 45], [405, 450]), 1);
      return roundTo(
        180 + 60 * unitHash(key, 1) - 35 * cooking + 10 * wander + stepJitter(key, step, 0.5),
        1,
      );
    }
    if (event !== null)
      return roundTo(outOfBand(event, [1.4, 1.55], [3.45, 3.7], [0.8, 1.1], [3.9, 4.2]), 3);
    return roundTo(
      2.35 + 0.3 * unitHash(key, 1) - 0.3 * cooking + 0.1 * wander + stepJitter(key, step, 0.01),
      3,
    );
  });
  return { ids: pipes.map(({ pipe }) => pipe.id), columns: { pressureKpa } };
}

type Band = readonly [number, number];

/** A reading outside the normal band: low or high, warning (60 %) or alarm (40 %). */
function outOfBand(
  severity: number,
  lowWarning: Band,
  highWarning: Band,
  lowAlarm: Band,
  highAlarm: Band,
): number {
  const warning = severity < 0.6;
  const unit = warning ? severity / 0.6 : (severity - 0.6) / 0.4;
  const low = unit < 0.5;
  const band = warning ? (low ? lowWarning : highWarning) : low ? lowAlarm : highAlarm;
  return between(low ? unit * 2 : unit * 2 - 1, band[0], band[1]);
}

export function pipeNodeState(city: CityModel, timeMs: number): StateColumns {
  const hour = localHour(timeMs);
  const open: (number | null)[] = [];
  const running: (number | null)[] = [];
  let pumpNumber = 0;
  for (const node of city.pipeNodes) {
    const key = hashString(node.id);
    if (node.nodeKind === 'valve') {
      // Valves close now and then to isolate work on the pipes behind them; with many valves
      // and staggered periods, a few open or close at almost every step.
      const period = periodIndex(timeMs, 10 * MINUTE_MS, unitHash(key, 1));
      open.push(unitHash(key, period, 2) < 0.02 ? 0 : 1);
      running.push(null);
    } else if (node.nodeKind === 'pump') {
      // Every other pump is a standby that runs only in the daytime; any pump trips now and then.
      const standby = pumpNumber++ % 2 === 1;
      const tripped =
        unitHash(key, periodIndex(timeMs, 30 * MINUTE_MS, unitHash(key, 1)), 3) < 0.05;
      open.push(null);
      running.push(tripped || (standby && (hour < 6 || hour >= 23)) ? 0 : 1);
    } else {
      open.push(null);
      running.push(null);
    }
  }
  return { ids: city.pipeNodes.map((node) => node.id), columns: { open, running } };
}
