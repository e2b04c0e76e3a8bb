/**
 * The plan of the street network: a bent, slightly irregular grid of lines. Every n-th line is an
 * arterial, the rest are local streets; expressways run along some arterial lines. The road graph
 * is cut out of this plan where the river and the lake are in the way.
 */
import type { LocalizedText } from '../../src/data/schemas';
import type { XY } from './geo';
import {
  CITY_ROOTS,
  INNER_RING_NAME,
  PROVINCE_ROOTS,
  branchRoadName,
  elevatedRoadName,
  roadName,
  type NamePair,
} from './names';
import type { Rng } from './prng';
import type { ScaleParameters } from './scale';

export type RoadClass = 'expressway' | 'arterial' | 'local';
/** Columns run north–south, rows east–west. */
export type Axis = 'column' | 'row';

export interface GridLine {
  readonly axis: Axis;
  readonly index: number;
  readonly roadClass: 'arterial' | 'local';
  readonly name: LocalizedText;
  readonly root: NamePair;
  readonly freeFlowKmh: number;
  /** Lanes per direction of travel. */
  readonly lanes: number;
  /** One-way streets run with (1) or against (-1) increasing grid index; 0 is two-way. */
  readonly oneway: -1 | 0 | 1;
}

/** A stretch of an expressway: segments [from, to) of one grid line. */
export interface ExpresswaySpan {
  readonly axis: Axis;
  readonly line: number;
  readonly from: number;
  readonly to: number;
}

export interface Expressway {
  readonly name: LocalizedText;
  readonly spans: readonly ExpresswaySpan[];
  readonly freeFlowKmh: number;
  readonly lanes: number;
}

export interface StreetGrid {
  /** Number of cells (blocks) along each side; there are `cells + 1` lines per axis. */
  readonly cells: number;
  readonly spacingM: number;
  /** Intersection positions, indexed by `gridIndex(grid, column, row)`. */
  readonly positions: readonly XY[];
  readonly columns: readonly GridLine[];
  readonly rows: readonly GridLine[];
  readonly expressways: readonly Expressway[];
}

export function gridIndex(grid: StreetGrid, column: number, row: number): number {
  return row * (grid.cells + 1) + column;
}

export function gridLine(grid: StreetGrid, axis: Axis, index: number): GridLine {
  return (axis === 'column' ? grid.columns : grid.rows)[index]!;
}

/** Index of the expressway running along segment `segment` of a line, or -1. */
export function expresswayAt(grid: StreetGrid, axis: Axis, line: number, segment: number): number {
  return grid.expressways.findIndex((expressway) =>
    expressway.spans.some(
      (s) => s.axis === axis && s.line === line && segment >= s.from && segment < s.to,
    ),
  );
}

export function planStreetGrid(rng: Rng, scale: ScaleParameters): StreetGrid {
  const spacing = scale.streetSpacingM;
  const jitter = 0.08 * spacing;
  // Keep the bent grid and the offset carriageways inside the city extent.
  const margin = scale.warpM + jitter + 40;
  const cells = Math.floor((2 * (scale.halfExtentM - margin)) / spacing);
  const start = -(cells * spacing) / 2;
  const warp = {
    wavelengthX: rng.range(1.2, 1.8) * scale.halfExtentM,
    wavelengthY: rng.range(1.2, 1.8) * scale.halfExtentM,
    phaseX: rng.range(0, 2 * Math.PI),
    phaseY: rng.range(0, 2 * Math.PI),
  };
  const positions: XY[] = [];
  for (let row = 0; row <= cells; row++) {
    for (let column = 0; column <= cells; column++) {
      const x = start + column * spacing + rng.range(-jitter, jitter);
      const y = start + row * spacing + rng.range(-jitter, jitter);
      positions.push([
        x + scale.warpM * Math.sin((2 * Math.PI * y) / warp.wavelengthY + warp.phaseY),
        y + scale.warpM * Math.sin((2 * Math.PI * x) / warp.wavelengthX + warp.phaseX),
      ]);
    }
  }
  const arterialOffset = rng.int(0, scale.arterialEvery - 1);
  const isArterial = (index: number): boolean => index % scale.arterialEvery === arterialOffset;
  const columns = planLines(
    rng.fork('columns'),
    'column',
    cells,
    isArterial,
    rng.shuffle(PROVINCE_ROOTS),
  );
  const rows = planLines(rng.fork('rows'), 'row', cells, isArterial, rng.shuffle(CITY_ROOTS));
  const expressways = planExpressways(rng, scale, cells, columns, rows);
  return { cells, spacingM: spacing, positions, columns, rows, expressways };
}

function planLines(
  rng: Rng,
  axis: Axis,
  cells: number,
  isArterial: (index: number) => boolean,
  roots: readonly NamePair[],
): GridLine[] {
  const arterialIndices = Array.from({ length: cells + 1 }, (_, i) => i).filter(isArterial);
  const rootOf = (index: number): NamePair => roots[arterialIndices.indexOf(index) % roots.length]!;
  const lines: GridLine[] = [];
  for (let index = 0; index <= cells; index++) {
    if (isArterial(index)) {
      const root = rootOf(index);
      lines.push({
        axis,
        index,
        roadClass: 'arterial',
        name: roadName(root),
        root,
        freeFlowKmh: rng.pick([50, 60]),
        lanes: rng.int(2, 3),
        oneway: 0,
      });
      continue;
    }
    // Side streets are numbered after the arterial before them (or after the first one).
    const before = arterialIndices.filter((a) => a < index).pop();
    const anchor = before ?? arterialIndices[0] ?? 0;
    const root = rootOf(anchor);
    const oneway = rng.chance(0.2) ? (rng.chance(0.5) ? 1 : -1) : 0;
    lines.push({
      axis,
      index,
      roadClass: 'local',
      name: branchRoadName(root, Math.abs(index - anchor)),
      root,
      freeFlowKmh: rng.pick([30, 40]),
      lanes: oneway === 0 ? 1 : 2,
      oneway,
    });
  }
  return lines;
}

function nearestArterial(
  lines: readonly GridLine[],
  fraction: number,
  except: readonly number[] = [],
): GridLine {
  const target = fraction * (lines.length - 1);
  const arterials = lines.filter(
    (line) => line.roadClass === 'arterial' && !except.includes(line.index),
  );
  return arterials.reduce((best, line) =>
    Math.abs(line.index - target) < Math.abs(best.index - target) ? line : best,
  );
}

function planExpressways(
  rng: Rng,
  scale: ScaleParameters,
  cells: number,
  columns: readonly GridLine[],
  rows: readonly GridLine[],
): Expressway[] {
  const lanes = scale.expressways === 'ring' ? 4 : 3;
  const expressway = (name: LocalizedText, spans: ExpresswaySpan[]): Expressway => ({
    name,
    spans,
    freeFlowKmh: 80,
    lanes,
  });
  if (scale.expressways === 'cross') {
    const column = nearestArterial(columns, rng.range(0.3, 0.7));
    const row = nearestArterial(rows, rng.range(0.3, 0.7));
    return [
      expressway(elevatedRoadName(column.root), [
        { axis: 'column', line: column.index, from: 0, to: cells },
      ]),
      expressway(elevatedRoadName(row.root), [
        { axis: 'row', line: row.index, from: 0, to: cells },
      ]),
    ];
  }
  const west = nearestArterial(columns, 0.25).index;
  const east = nearestArterial(columns, 0.75).index;
  const south = nearestArterial(rows, 0.25).index;
  const north = nearestArterial(rows, 0.75).index;
  const crossTown = nearestArterial(rows, rng.range(0.4, 0.6), [south, north]);
  return [
    expressway(INNER_RING_NAME, [
      { axis: 'column', line: west, from: south, to: north },
      { axis: 'column', line: east, from: south, to: north },
      { axis: 'row', line: south, from: west, to: east },
      { axis: 'row', line: north, from: west, to: east },
    ]),
    expressway(elevatedRoadName(crossTown.root), [
      { axis: 'row', line: crossTown.index, from: 0, to: cells },
    ]),
  ];
}
