/**
 * The world at one instant: every domain's effects applied in domain order on fresh cross
 * effects, then columns, dynamic features and alarm readings computed on demand and kept. All
 * effects are applied before anything is read, so what a dataset shows never depends on which
 * dataset was asked for first.
 */
import type { FeatureCollection } from '../../../src/data/schemas';
import type { LiveDatasetId } from '../../datasets';
import type { StateColumns } from '../../live/columns';
import type { AlarmReading, CrossEffects, DomainModel, SimContext, SimTime } from '../types';

export interface Evaluation {
  readonly t: SimTime;
  readonly ctx: SimContext;
  readonly effects: CrossEffects;
  columns(datasetId: LiveDatasetId): StateColumns;
  features(datasetId: string): FeatureCollection;
  /** Every model's readings, in domain order. */
  readings(): readonly AlarmReading[];
}

export function freshEffects(): CrossEffects {
  return { rainMmH: 0, roadCapacity: new Map(), roadDemand: new Map(), streetWaterCm: new Map() };
}

/** `models` must already be in domain order (see orderModels). */
export function evaluate(models: readonly DomainModel[], ctx: SimContext, t: SimTime): Evaluation {
  const effects = freshEffects();
  for (const model of models) model.applyEffects(ctx, t, effects);

  const columns = new Map<LiveDatasetId, StateColumns>();
  const features = new Map<string, FeatureCollection>();
  let readings: readonly AlarmReading[] | null = null;

  return {
    t,
    ctx,
    effects,
    columns(datasetId) {
      let value = columns.get(datasetId);
      if (!value) {
        const model = models.find((candidate) => candidate.datasets.includes(datasetId));
        if (!model) throw new Error(`no domain model computes the live state of ${datasetId}`);
        value = model.columns(ctx, datasetId, t, effects);
        columns.set(datasetId, value);
      }
      return value;
    },
    features(datasetId) {
      let value = features.get(datasetId);
      if (!value) {
        const dynamic = models.find((model) =>
          model.dynamic?.datasetIds.includes(datasetId),
        )?.dynamic;
        if (!dynamic) throw new Error(`no domain model produces features of ${datasetId}`);
        value = dynamic.features(ctx, datasetId, t, effects);
        features.set(datasetId, value);
      }
      return value;
    },
    readings() {
      readings ??= models.flatMap((model) => model.readings(ctx, t, effects));
      return readings;
    },
  };
}
