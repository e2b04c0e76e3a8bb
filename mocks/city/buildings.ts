/**
 * Buildings on the blocks: rows of residential slabs, office towers that get taller towards the
 * centre, low industrial sheds, and one main building on transit and venue blocks. Footprints are
 * laid out in block coordinates, so they always stay inside their block.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { ringCentroid, subQuad, type Quad, type XY } from './geo';
import type { Block } from './blocks';
import { districtLocator, type District } from './districts';
import type { Rng } from './prng';

export interface Building {
  readonly id: string;
  readonly polygon: Quad;
  readonly center: XY;
  readonly heightM: number;
  readonly address: LocalizedText;
  readonly districtId: string;
}

/** A footprint in block coordinates (0..1 along each side of the block) and its height. */
interface Footprint {
  readonly u0: number;
  readonly v0: number;
  readonly u1: number;
  readonly v1: number;
  readonly heightM: number;
}

export function placeBuildings(
  rng: Rng,
  blocks: readonly Block[],
  districts: readonly District[],
  halfExtentM: number,
): Building[] {
  const districtAt = districtLocator(districts);
  const buildings: Building[] = [];
  for (const block of blocks) {
    const centrality = 1 - Math.min(1, Math.hypot(block.center[0], block.center[1]) / halfExtentM);
    footprints(rng, block, centrality).forEach((footprint, lot) => {
      const polygon = subQuad(block.quad, footprint.u0, footprint.v0, footprint.u1, footprint.v1);
      const center = ringCentroid(polygon);
      const number = block.firstNumber + 2 * lot;
      buildings.push({
        id: `b-${buildings.length + 1}`,
        polygon,
        center,
        heightM: Math.round(footprint.heightM),
        address: {
          zh: `${block.frontage.name.zh}${number}号`,
          en: `${number} ${block.frontage.name.en}`,
        },
        districtId: districtAt(center).id,
      });
    });
  }
  return buildings;
}

function footprints(rng: Rng, block: Block, centrality: number): Footprint[] {
  switch (block.special) {
    case 'park':
    case 'plaza':
      return [];
    case 'transit':
      return [{ u0: 0.25, v0: 0.3, u1: 0.75, v1: 0.7, heightM: rng.range(15, 25) }];
    case 'venue':
      return [{ u0: 0.15, v0: 0.15, u1: 0.85, v1: 0.85, heightM: rng.range(20, 45) }];
    case null:
      break;
  }
  switch (block.landuse) {
    case 'residential':
      // Slabs in rows, long side east–west for the sun, 6 to 33 floors.
      return lots(
        rng.int(2, 3),
        rng.int(2, 4),
        0.1,
        0.25,
        () => 3 * rng.int(6, 12 + Math.round(21 * centrality)),
      );
    case 'commercial':
      return lots(
        rng.int(1, 2),
        rng.int(1, 2),
        0.18,
        0.18,
        () => 20 + rng.range(10, 30 + 180 * centrality ** 2),
      );
    case 'industrial':
      return lots(rng.int(1, 2), 1, 0.08, 0.12, () => rng.range(8, 18));
  }
}

/** A grid of `columns` × `rows` lots, each with one building inset by the given margins. */
function lots(
  columns: number,
  rows: number,
  marginU: number,
  marginV: number,
  height: () => number,
): Footprint[] {
  const result: Footprint[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      result.push({
        u0: (column + marginU) / columns,
        u1: (column + 1 - marginU) / columns,
        v0: (row + marginV) / rows,
        v1: (row + 1 - marginV) / rows,
        heightM: height(),
      });
    }
  }
  return result;
}
