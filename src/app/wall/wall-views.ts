/**
 * The wall's tour views from the runtime config, or, when it names none, a default tour of any
 * city: the whole city, then each district in turn, with the layers as they are.
 */
import type { TourStepConfig } from '../config/runtime-config';
import type { AreaTree } from '../../ops/areas/area-tree';
import type { TourView } from '../../ops/wall/tour';

const CITY_VIEW_MS = 40_000;
const DISTRICT_VIEW_MS = 20_000;

export function tourViews(
  configured: readonly TourStepConfig[],
  tree: AreaTree | null,
): TourView[] {
  if (configured.length > 0) {
    return configured
      .filter((step) => step.areaId === null || !tree || tree.byId.has(step.areaId))
      .map((step) => ({
        areaId: step.areaId,
        layers: step.layers ?? null,
        durationMs: step.durationS * 1_000,
      }));
  }
  return [
    { areaId: null, layers: null, durationMs: CITY_VIEW_MS },
    ...(tree?.children(null) ?? []).map((district) => ({
      areaId: district.id,
      layers: null,
      durationMs: DISTRICT_VIEW_MS,
    })),
  ];
}
