/**
 * The pipe networks as a simulation domain: water supply, drainage, gas and their nodes.
 * Reads rain from the weather; hands street water (bursts, waterlogging) and the road capacity
 * it leaves to the domains after it.
 */
import type { LiveDatasetId } from '../../datasets';
import type { StateColumns } from '../../live/columns';
import type { CrossEffects, DomainModel, SimContext, SimTime } from '../types';
import { backgroundPipeFaults } from './background';
import { drainagePipeIds } from './drainage';
import { gasPipeIds } from './gas';
import { nodeColumns } from './nodes';
import { pipeState, type PipeState } from './pipe-state';
import { PIPE_RULES, pipeReadings } from './readings';
import { networkColumns } from './service-readings';
import { applyStreetWater } from './street-water';
import { waterPipeIds } from './water';

function stateAt(ctx: SimContext, t: SimTime, effects: CrossEffects): PipeState {
  return pipeState(ctx.city, ctx.events, t, effects);
}

export const PIPE_DATASETS = ['pipes.water', 'pipes.drainage', 'pipes.gas', 'pipes.nodes'] as const;

export const pipesModel: DomainModel = {
  id: 'pipes',
  datasets: PIPE_DATASETS,
  rules: Object.values(PIPE_RULES),
  backgroundEvents: backgroundPipeFaults,
  applyEffects(ctx, t, effects) {
    applyStreetWater(ctx.city, stateAt(ctx, t, effects).streetWaterCm, effects);
  },
  columns(ctx, datasetId: LiveDatasetId, t, effects): StateColumns {
    const { city } = ctx;
    switch (datasetId) {
      case 'pipes.water':
        return networkColumns(
          city,
          'water',
          waterPipeIds(city),
          'pressureKpa',
          stateAt(ctx, t, effects).waterPressureKpa,
        );
      case 'pipes.drainage':
        return networkColumns(
          city,
          'drainage',
          drainagePipeIds(city),
          'fillRatio',
          stateAt(ctx, t, effects).drainageFill,
        );
      case 'pipes.gas':
        return networkColumns(
          city,
          'gas',
          gasPipeIds(city),
          'pressureKpa',
          stateAt(ctx, t, effects).gasPressureKpa,
        );
      case 'pipes.nodes':
        return nodeColumns(city, ctx.events, t);
      default:
        throw new Error(`pipes has no dataset ${datasetId}`);
    }
  },
  readings(ctx, t, effects) {
    return pipeReadings(ctx.city, stateAt(ctx, t, effects));
  },
};
