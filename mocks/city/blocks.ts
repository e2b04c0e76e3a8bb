/**
 * Street blocks: the cells of the street grid that are on dry land, each with a land use, and a
 * few set aside as parks, plazas, transit hubs and venues. Every block fronts one named street,
 * which gives its buildings their addresses.
 */
import { bilinear, distance, spreadPoints, subQuad, type Quad, type XY } from './geo';
import type { Rng } from './prng';
import type { ScaleParameters } from './scale';
import { expresswayAt, gridIndex, type GridLine, type StreetGrid } from './street-grid';
import { obstacleAt, type WaterPlan } from './water';

export type LandUse = 'residential' | 'commercial' | 'industrial';
export type SpecialUse = 'park' | 'plaza' | 'transit' | 'venue';

export interface Block {
  readonly id: number;
  readonly column: number;
  readonly row: number;
  /** The buildable land: the cell shrunk away from the streets around it. */
  readonly quad: Quad;
  readonly center: XY;
  readonly landuse: LandUse;
  /** Set for blocks given over to a public space instead of ordinary buildings. */
  readonly special: SpecialUse | null;
  /** The street the block's addresses are on. */
  readonly frontage: GridLine;
  /** First house number of the block on that street. */
  readonly firstNumber: number;
}

/** Half the width of a street plus pavement, metres. */
const STREET_HALF_WIDTH_M = 14;

export function planBlocks(
  rng: Rng,
  grid: StreetGrid,
  water: WaterPlan,
  scale: ScaleParameters,
): Block[] {
  const half = scale.halfExtentM;
  const inset = STREET_HALF_WIDTH_M / grid.spacingM;
  const industrialBearing = rng.range(-Math.PI, Math.PI);
  const blocks: Block[] = [];
  for (let row = 0; row < grid.cells; row++) {
    for (let column = 0; column < grid.cells; column++) {
      const cell: Quad = [
        grid.positions[gridIndex(grid, column, row)]!,
        grid.positions[gridIndex(grid, column + 1, row)]!,
        grid.positions[gridIndex(grid, column + 1, row + 1)]!,
        grid.positions[gridIndex(grid, column, row + 1)]!,
      ];
      const quad = subQuad(cell, inset, inset, 1 - inset, 1 - inset);
      const center = bilinear(cell, 0.5, 0.5);
      const probes = [...quad, center, ...subQuad(cell, 0.25, 0.25, 0.75, 0.75)];
      if (probes.some((p) => obstacleAt(water, p, 10) !== null)) continue;
      const frontage = frontageOf(grid, column, row, rng);
      const position = frontage.axis === 'column' ? row : column;
      const side = frontage.index === (frontage.axis === 'column' ? column : row) ? 1 : 0;
      blocks.push({
        id: blocks.length,
        column,
        row,
        quad,
        center,
        landuse: landUseAt(rng, center, half, industrialBearing),
        special: null,
        frontage,
        // Odd numbers on one side of the street, even on the other; room for 14 per block.
        firstNumber: position * 30 + 1 + side,
      });
    }
  }
  return assignSpecialUses(rng, blocks, grid, scale);
}

/** Prefers an arterial among the streets around the block. */
function frontageOf(grid: StreetGrid, column: number, row: number, rng: Rng): GridLine {
  const around = [
    grid.columns[column]!,
    grid.columns[column + 1]!,
    grid.rows[row]!,
    grid.rows[row + 1]!,
  ];
  // An elevated expressway has no street-level addresses.
  const atStreetLevel = around.filter(
    (line) => expresswayAt(grid, line.axis, line.index, line.axis === 'column' ? row : column) < 0,
  );
  const arterials = atStreetLevel.filter((line) => line.roadClass === 'arterial');
  return rng.pick(
    arterials.length > 0 ? arterials : atStreetLevel.length > 0 ? atStreetLevel : around,
  );
}

/** Offices and shops in the centre, industry in one outer sector, housing elsewhere. */
function landUseAt(rng: Rng, center: XY, half: number, industrialBearing: number): LandUse {
  const radius = Math.hypot(center[0], center[1]) / half;
  const bearing = Math.atan2(center[1], center[0]);
  const fromIndustrial = Math.abs(
    Math.atan2(Math.sin(bearing - industrialBearing), Math.cos(bearing - industrialBearing)),
  );
  if (radius > 0.55 && fromIndustrial < 0.55 + rng.range(-0.15, 0.15)) return 'industrial';
  if (radius < 0.22 + rng.range(0, 0.1) || rng.chance(0.06)) return 'commercial';
  return 'residential';
}

function assignSpecialUses(
  rng: Rng,
  blocks: Block[],
  grid: StreetGrid,
  scale: ScaleParameters,
): Block[] {
  const special = new Map<number, SpecialUse>();
  const free = (block: Block): boolean => !special.has(block.id);
  const isMajor = (line: GridLine | undefined): boolean => line?.roadClass === 'arterial';
  const atMajorCorner = (block: Block): boolean =>
    [block.column, block.column + 1].some((c) => isMajor(grid.columns[c])) &&
    [block.row, block.row + 1].some((r) => isMajor(grid.rows[r]));
  const origin: XY = [0, 0];

  const transit = spreadPoints(
    blocks.filter(atMajorCorner),
    scale.transitHubs,
    (b) => b.center,
    origin,
  );
  transit.forEach((block) => special.set(block.id, 'transit'));

  const plazaCandidates = blocks
    .filter((b) => free(b) && b.landuse === 'commercial')
    .sort((a, b) => distance(a.center, origin) - distance(b.center, origin))
    .slice(0, scale.plazas * 4);
  rng
    .shuffle(plazaCandidates)
    .slice(0, scale.plazas)
    .forEach((block) => special.set(block.id, 'plaza'));

  const venueCandidates = blocks.filter((b) => {
    const radius = distance(b.center, origin) / scale.halfExtentM;
    return free(b) && b.landuse !== 'industrial' && radius > 0.15 && radius < 0.75;
  });
  const venueStart: XY = [
    rng.range(-0.5, 0.5) * scale.halfExtentM,
    rng.range(-0.5, 0.5) * scale.halfExtentM,
  ];
  spreadPoints(venueCandidates, scale.venues, (b) => b.center, venueStart).forEach((block) =>
    special.set(block.id, 'venue'),
  );

  for (const block of blocks) {
    if (free(block) && block.landuse !== 'industrial' && rng.chance(scale.parkShare))
      special.set(block.id, 'park');
  }
  return blocks.map((block) => ({ ...block, special: special.get(block.id) ?? null }));
}
