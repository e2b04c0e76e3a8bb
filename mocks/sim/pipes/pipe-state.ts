/**
 * Everything the pipes model knows at one instant, computed once and shared by applyEffects,
 * the four column sets and the readings of the same evaluation.
 */
import type { CityModel } from '../../city/generate-city';
import { roundTo } from '../../live/signals';
import type { CrossEffects, SimEvent, SimTime } from '../types';
import { drainageState } from './drainage';
import { gasState } from './gas';
import { waterState } from './water';

export interface PipeState {
  readonly waterPressureKpa: (number | null)[];
  readonly drainageFill: number[];
  readonly gasPressureKpa: (number | null)[];
  /** Road edge id → street water (cm): bursts plus waterlogging. */
  readonly streetWaterCm: Map<number, number>;
}

interface Memo {
  readonly city: CityModel;
  readonly events: readonly SimEvent[];
  readonly t: SimTime;
  readonly rainMmH: number;
  readonly state: PipeState;
}

/**
 * One state per evaluation, keyed by the evaluation's cross effects (fresh for every instant):
 * applyEffects, columns and readings of one instant share it even when other instants are
 * evaluated in between (fire dispatch asks for road speeds at other times).
 */
const byEvaluation = new WeakMap<CrossEffects, Memo>();

export function pipeState(
  city: CityModel,
  events: readonly SimEvent[],
  t: SimTime,
  effects: CrossEffects,
): PipeState {
  const rainMmH = effects.rainMmH;
  const memo = byEvaluation.get(effects);
  if (
    memo &&
    memo.city === city &&
    memo.events === events &&
    memo.t === t &&
    memo.rainMmH === rainMmH
  )
    return memo.state;
  const state = computeState(city, events, t, rainMmH);
  byEvaluation.set(effects, { city, events, t, rainMmH, state });
  return state;
}

function computeState(
  city: CityModel,
  events: readonly SimEvent[],
  t: SimTime,
  rainMmH: number,
): PipeState {
  const water = waterState(city, events, t);
  const drainage = drainageState(city, t, rainMmH, water.streetWaterCm);
  const streetWaterCm = new Map<number, number>();
  for (const source of [water.streetWaterCm, drainage.waterloggingCm]) {
    for (const [edgeId, cm] of source) {
      streetWaterCm.set(edgeId, (streetWaterCm.get(edgeId) ?? 0) + cm);
    }
  }
  for (const [edgeId, cm] of streetWaterCm) streetWaterCm.set(edgeId, roundTo(cm, 1));
  return {
    waterPressureKpa: water.pressureKpa,
    drainageFill: drainage.fillRatio,
    gasPressureKpa: gasState(city, events, t),
    streetWaterCm,
  };
}
