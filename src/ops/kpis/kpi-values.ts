/**
 * A KPI's figure over one read, computed once: the console re-renders for many reasons (the
 * clock, the camera, a hover), and each render asks for every figure at the current time and
 * at each mark of the trends, each a pass over all of a layer's features. The data of a read
 * never changes (a new read is a new object), so a figure is kept for as long as its read is.
 */
import type { FeatureTable } from '../../data/feature-table';
import type { KpiDefinition } from '../../map/kpi-contract';
import type { LayerData } from '../../map/layer-contract';
import type { InScope } from '../areas/feature-areas';

/** The features in scope of a layer (the area chosen); a new function when the area changes. */
export type ScopeOf = (geometry: FeatureTable) => InScope;

/** By the read (its state table, or its geometry when it has no state), then by the scope. */
const figures = new WeakMap<object, WeakMap<ScopeOf, Map<string, number | null>>>();

export function kpiValueOnce(kpi: KpiDefinition, data: LayerData, scopeOf: ScopeOf): number | null {
  const read: object = data.state ?? data.geometry;
  let byScope = figures.get(read);
  if (!byScope) {
    byScope = new WeakMap();
    figures.set(read, byScope);
  }
  let byKpi = byScope.get(scopeOf);
  if (!byKpi) {
    byKpi = new Map();
    byScope.set(scopeOf, byKpi);
  }
  if (!byKpi.has(kpi.id)) byKpi.set(kpi.id, kpi.value(data, scopeOf(data.geometry)));
  return byKpi.get(kpi.id) ?? null;
}
