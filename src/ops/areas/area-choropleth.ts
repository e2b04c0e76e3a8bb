/**
 * Open alarms per area on the map: the areas one level below the chosen one (the districts when
 * none is chosen) shaded by how many open alarms stand in each, the chosen area outlined.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import { scaleSequential } from 'd3-scale';
import { interpolateOrRd } from 'd3-scale-chromatic';
import { parseRgb, withAlpha, type Rgba } from '../../ui/theme';
import type { AreaNode } from './area-tree';

export const AREA_CHOROPLETH_ID = 'ops.area-alarms';
/** Translucent, so the layers under it still read. */
const FILL_ALPHA = 0.45;

export function areaFill(count: number, max: number): Rgba {
  if (count === 0) return [0, 0, 0, 0];
  return withAlpha(parseRgb(scaleSequential(interpolateOrRd).domain([0, Math.max(1, max)])(count)), FILL_ALPHA);
}

export function areaChoroplethLayer(areas: readonly AreaNode[], counts: ReadonlyMap<string, number>) {
  const max = Math.max(0, ...counts.values());
  return new GeoJsonLayer({
    id: AREA_CHOROPLETH_ID,
    data: areas.map((area) => area.feature),
    filled: true,
    stroked: true,
    getFillColor: (feature) => areaFill(counts.get(String(feature.id)) ?? 0, max),
    getLineColor: [230, 236, 247, 160],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    updateTriggers: { getFillColor: [counts, max] },
    pickable: false,
  });
}
