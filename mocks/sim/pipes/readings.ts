/**
 * Alarm readings of the pipe networks, one per district (the service zone a utility watches)
 * and condition: low water pressure, drains near full, waterlogged streets, gas pressure out of
 * range. Each lists the pipes involved, worst first. Only exceptional pipes are looked at
 * beyond a comparison; normal ones allocate nothing.
 */
import type { LocalizedText } from '../../../src/data/schemas';
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import type { Pipe, PipeNetwork } from '../../city/pipes';
import type { LiveDatasetId } from '../../datasets';
import { roundTo } from '../../live/signals';
import type { AlarmReading, AlarmRule, AlarmSeverity, Department } from '../types';
import type { PipeState } from './pipe-state';

/** Thresholds of docs/api/datasets.md (alarm level). */
export const WATER_ALARM_KPA = 180;
export const DRAINAGE_ALARM_FILL = 0.9;
/** Street water from which a street counts as waterlogged (a third of a kerb). */
export const WATERLOGGING_ALARM_CM = 5;
const GAS_ALARM_BAND: Readonly<Record<'low' | 'medium', readonly [number, number]>> = {
  low: [1.2, 3.8],
  medium: [50, 400],
};
const CLEAR_BELOW = 0.8;

export const PIPE_RULES = {
  water: {
    id: 'pipes.water-pressure-low',
    raiseHoldS: 120,
    clearHoldS: 120,
    clearBelow: CLEAR_BELOW,
  },
  drainage: {
    id: 'pipes.drainage-fill-high',
    raiseHoldS: 180,
    clearHoldS: 600,
    clearBelow: CLEAR_BELOW,
  },
  waterlogging: {
    id: 'pipes.waterlogging',
    raiseHoldS: 120,
    clearHoldS: 300,
    clearBelow: CLEAR_BELOW,
  },
  gas: { id: 'pipes.gas-pressure', raiseHoldS: 60, clearHoldS: 300, clearBelow: CLEAR_BELOW },
} as const satisfies Record<string, AlarmRule>;

interface Condition {
  readonly rule: AlarmRule;
  readonly keyPrefix: string;
  readonly department: Department;
  readonly severity: AlarmSeverity;
  readonly datasetId: LiveDatasetId;
  readonly unit: string;
  readonly title: (district: LocalizedText) => LocalizedText;
}

const CONDITIONS = {
  water: {
    rule: PIPE_RULES.water,
    keyPrefix: 'water-pressure',
    department: 'water-utility',
    severity: 3,
    datasetId: 'pipes.water',
    unit: 'kPa',
    title: (d) => ({ zh: `${d.zh}供水压力低`, en: `Low water pressure in ${d.en}` }),
  },
  drainage: {
    rule: PIPE_RULES.drainage,
    keyPrefix: 'drainage-fill',
    department: 'drainage',
    severity: 2,
    datasetId: 'pipes.drainage',
    unit: '1',
    title: (d) => ({ zh: `${d.zh}排水管道高水位`, en: `Drains near full in ${d.en}` }),
  },
  waterlogging: {
    rule: PIPE_RULES.waterlogging,
    keyPrefix: 'waterlogging',
    department: 'drainage',
    severity: 3,
    datasetId: 'pipes.drainage',
    unit: 'cm',
    title: (d) => ({ zh: `${d.zh}道路积水`, en: `Waterlogged streets in ${d.en}` }),
  },
  gas: {
    rule: PIPE_RULES.gas,
    keyPrefix: 'gas-pressure',
    department: 'gas-utility',
    severity: 3,
    datasetId: 'pipes.gas',
    unit: 'kPa',
    title: (d) => ({
      zh: `${d.zh}燃气压力异常（疑似泄漏）`,
      en: `Gas pressure anomaly in ${d.en} (suspected leak)`,
    }),
  },
} as const satisfies Record<string, Condition>;

/** Pipes of each network in column order (the city's order). */
const readingConstants = perCity((city) => {
  const byNetwork: Record<PipeNetwork, Pipe[]> = { water: [], drainage: [], gas: [] };
  const drainageByEdge = new Map<number, Pipe>();
  for (const pipe of city.pipes) {
    byNetwork[pipe.network].push(pipe);
    if (pipe.network === 'drainage') drainageByEdge.set(pipe.edgeId, pipe);
  }
  const districtNames = new Map(city.districts.map((d) => [d.id, d.name]));
  return { ...byNetwork, drainageByEdge, districtNames };
});

/** The pipes of one district in one condition; level and value are those of the worst pipe. */
interface Group {
  level: number;
  value: number;
  readonly features: { id: string; level: number }[];
}

class Grouper {
  private readonly groups = new Map<string, Group>();
  constructor(private readonly condition: Condition) {}

  add(zone: string, id: string, level: number, value: number): void {
    const group = this.groups.get(zone);
    if (!group) {
      this.groups.set(zone, { level, value, features: [{ id, level }] });
      return;
    }
    group.features.push({ id, level });
    if (level > group.level) {
      group.level = level;
      group.value = value;
    }
  }

  readings(names: ReadonlyMap<string, LocalizedText>): AlarmReading[] {
    const c = this.condition;
    return [...this.groups.keys()].sort().map((zone) => {
      const group = this.groups.get(zone)!;
      const features = group.features.sort((a, b) => b.level - a.level || (a.id < b.id ? -1 : 1));
      return {
        key: `${c.keyPrefix}:${zone}`,
        ruleId: c.rule.id,
        domain: 'pipes',
        department: c.department,
        severity: c.severity,
        datasetId: c.datasetId,
        featureIds: features.map((f) => f.id),
        level: roundTo(group.level, 3),
        value: group.value,
        unit: c.unit,
        title: c.title(names.get(zone) ?? { zh: zone, en: zone }),
      };
    });
  }
}

export function pipeReadings(city: CityModel, state: PipeState): AlarmReading[] {
  const k = readingConstants(city);
  const water = new Grouper(CONDITIONS.water);
  state.waterPressureKpa.forEach((p, i) => {
    if (p === null || p * CLEAR_BELOW > WATER_ALARM_KPA) return;
    const pipe = k.water[i]!;
    water.add(pipe.zone, pipe.id, WATER_ALARM_KPA / Math.max(p, 1), p);
  });
  const waterlogging = new Grouper(CONDITIONS.waterlogging);
  const waterlogged = new Set<number>();
  for (const [edgeId, cm] of state.streetWaterCm) {
    const level = cm / WATERLOGGING_ALARM_CM;
    const pipe = k.drainageByEdge.get(edgeId);
    if (level < CLEAR_BELOW || !pipe) continue;
    waterlogging.add(pipe.zone, pipe.id, level, cm);
    waterlogged.add(edgeId);
  }
  const drainage = new Grouper(CONDITIONS.drainage);
  state.drainageFill.forEach((fill, i) => {
    const level = fill / DRAINAGE_ALARM_FILL;
    if (level < CLEAR_BELOW) return;
    const pipe = k.drainage[i]!;
    // A waterlogged street's drain is full by definition; its waterlogging alarm covers it.
    if (!waterlogged.has(pipe.edgeId)) drainage.add(pipe.zone, pipe.id, level, fill);
  });
  const gas = new Grouper(CONDITIONS.gas);
  state.gasPressureKpa.forEach((p, i) => {
    if (p === null) return;
    const pipe = k.gas[i]!;
    // Gas goes wrong both ways: below the band (a leak) or above it (a regulator fault).
    const [low, high] = GAS_ALARM_BAND[pipe.pressureClass ?? 'low'];
    const level = Math.max(low / Math.max(p, 1e-3), p / high);
    if (level >= CLEAR_BELOW) gas.add(pipe.zone, pipe.id, level, p);
  });
  return [water, drainage, waterlogging, gas].flatMap((g) => g.readings(k.districtNames));
}
