/**
 * A figure per area on the map: the areas one level below the chosen one (the districts when
 * none is chosen) shaded by a figure (open alarms, or a KPI such as the congestion index), on a
 * sequential scale from zero to `max`. The areas can be clicked to drill into them.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import { scaleSequential } from 'd3-scale';
import { interpolateOrRd } from 'd3-scale-chromatic';
import { parseRgb, withAlpha, type Rgba } from '../../ui/theme';
import type { AreaNode } from './area-tree';

export const AREA_CHOROPLETH_ID = 'ops.area-shading';
/** Translucent, so the layers under it still read. */
const FILL_ALPHA = 0.45;
/** An area without a figure (nothing to measure there) is outlined only. */
const NO_FIGURE: Rgba = [0, 0, 0, 0];

export function areaFill(value: number | null, max: number): Rgba {
  if (value === null || value <= 0) return NO_FIGURE;
  const share = Math.min(1, value / Math.max(1e-9, max));
  // Low figures fade out as well as lighten, so a quiet city is not veiled in pale colour.
  const alpha = FILL_ALPHA * (0.25 + 0.75 * share);
  return withAlpha(parseRgb(scaleSequential(interpolateOrRd).domain([0, 1])(share)), alpha);
}

/** `max`: the top of the scale (the largest value when figures have no fixed range). */
export function areaChoroplethLayer(
  areas: readonly AreaNode[],
  values: ReadonlyMap<string, number | null>,
  max: number,
) {
  return new GeoJsonLayer({
    id: AREA_CHOROPLETH_ID,
    data: areas.map((area) => area.feature),
    filled: true,
    stroked: true,
    getFillColor: (feature) => areaFill(values.get(String(feature.id)) ?? null, max),
    getLineColor: [230, 236, 247, 160],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    updateTriggers: { getFillColor: [values, max] },
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 40],
  });
}

/** The top of the scale for a set of figures: their largest, at least `floor`. */
export function scaleTop(values: ReadonlyMap<string, number | null>, floor = 1): number {
  return Math.max(floor, ...[...values.values()].map((value) => value ?? 0));
}
