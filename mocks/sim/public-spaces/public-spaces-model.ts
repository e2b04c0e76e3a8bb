/**
 * Public spaces as a simulation domain: occupancy of parks, plazas, transit hubs and venues,
 * event crowds, and the road demand crowds bring to the streets around them.
 */
import type { CityModel } from '../../city/generate-city';
import type { LiveDatasetId } from '../../datasets';
import type { CrossEffects, DomainModel, SimContext, SimEvent, SimTime } from '../types';
import { backgroundCrowds } from './background';
import { occupancyState, type OccupancyState } from './occupancy';
import { CROWDING_RULE, crowdingReadings } from './readings';
import { applyCrowdDemand } from './road-demand';

interface Memo {
  readonly city: CityModel;
  readonly events: readonly SimEvent[];
  readonly t: SimTime;
  readonly state: OccupancyState;
}
/**
 * One state per evaluation, keyed by its cross effects (fresh for every instant), shared by
 * applyEffects, columns and readings even when other instants are evaluated in between.
 */
const byEvaluation = new WeakMap<CrossEffects, Memo>();

function stateAt(ctx: SimContext, t: SimTime, effects: CrossEffects): OccupancyState {
  const { city, events } = ctx;
  const memo = byEvaluation.get(effects);
  if (memo && memo.city === city && memo.events === events && memo.t === t) return memo.state;
  const state = occupancyState(city, events, t);
  byEvaluation.set(effects, { city, events, t, state });
  return state;
}

export const publicSpacesModel: DomainModel = {
  id: 'public-spaces',
  datasets: ['public-spaces.spaces'],
  rules: [CROWDING_RULE],
  backgroundEvents: backgroundCrowds,
  applyEffects(ctx, t, effects) {
    applyCrowdDemand(ctx.city, stateAt(ctx, t, effects).crowds, effects);
  },
  columns(ctx, datasetId: LiveDatasetId, t, effects) {
    if (datasetId !== 'public-spaces.spaces')
      throw new Error(`public-spaces has no dataset ${datasetId}`);
    const { occupancy } = stateAt(ctx, t, effects);
    return {
      ids: ctx.city.publicSpaces.map((space) => space.id),
      columns: { occupancy: occupancy.slice() },
    };
  },
  readings(ctx, t, effects) {
    return crowdingReadings(ctx.city, stateAt(ctx, t, effects).occupancy);
  },
};
