/**
 * Weather: how much rain falls on the city now. It has no datasets of its own; it hands
 * `rainMmH` to the domains after it (drainage fills, traffic slows).
 */
import type { LiveDatasetId } from '../../datasets';
import type { DomainModel } from '../types';
import { rainMmHAt } from './rain';
import { backgroundShowers } from './showers';

export const weatherModel: DomainModel = {
  id: 'weather',
  datasets: [],
  rules: [],
  backgroundEvents: backgroundShowers,
  applyEffects(ctx, t, effects) {
    effects.rainMmH = rainMmHAt(ctx.events, t);
  },
  columns(_ctx, datasetId: LiveDatasetId) {
    throw new Error(`weather has no dataset ${datasetId}`);
  },
  readings() {
    return [];
  },
};
