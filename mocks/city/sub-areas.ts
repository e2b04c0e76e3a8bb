/**
 * The finer levels of the area hierarchy: sub-districts (街道), each district cut into quarters
 * along its own extent, and grid cells (网格), the management grid of fixed squares cut along
 * the sub-district borders. Both tile their parent exactly (polygon intersection), so every
 * point of a district lies in one sub-district and one grid cell.
 */
import polygonClipping, { type Polygon as ClipPolygon } from 'polygon-clipping';
import type { LocalizedText } from '../../src/data/schemas';
import type { District } from './districts';
import { ringArea, type Ring, type XY } from './geo';

export interface SubArea {
  readonly id: string;
  readonly parentId: string;
  readonly name: LocalizedText;
  /** Outer ring first, then holes; rings are not closed. */
  readonly rings: readonly Ring[];
}

/** Side of a grid cell, metres: a few hundred metres, a walk around for a grid officer. */
const GRID_CELL_M: Readonly<Record<string, number>> = { town: 400, city: 500, megacity: 1000 };
/** Cut-off slivers smaller than this share of a square are not cells of their own. */
const MIN_CELL_SHARE = 0.05;

const QUARTERS: readonly { zh: string; en: string; x: 0 | 1; y: 0 | 1 }[] = [
  { zh: '西南', en: 'Southwest', x: 0, y: 0 },
  { zh: '东南', en: 'Southeast', x: 1, y: 0 },
  { zh: '西北', en: 'Northwest', x: 0, y: 1 },
  { zh: '东北', en: 'Northeast', x: 1, y: 1 },
];

function bounds(ring: Ring): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

function rectangle(x0: number, y0: number, x1: number, y1: number): ClipPolygon {
  return [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
}

function toClip(rings: readonly Ring[]): ClipPolygon {
  return rings.map((ring) => [
    ...ring.map(([x, y]) => [x, y] as [number, number]),
    [ring[0]![0], ring[0]![1]] as [number, number],
  ]);
}

/** The largest piece of an intersection, as unclosed rings (a cut can leave crumbs). */
function largestPiece(pieces: ClipPolygon[]): Ring[] | null {
  let best: Ring[] | null = null;
  let bestArea = 0;
  for (const piece of pieces) {
    const rings = piece.map((ring) => ring.slice(0, -1).map(([x, y]) => [x, y] as XY));
    const area = Math.abs(ringArea(rings[0] ?? []));
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  return best;
}

export function planSubdistricts(districts: readonly District[]): SubArea[] {
  return districts.flatMap((district) => {
    const [x0, y0, x1, y1] = bounds(district.polygon);
    const midX = (x0 + x1) / 2;
    const midY = (y0 + y1) / 2;
    const shape = toClip([district.polygon]);
    return QUARTERS.flatMap((quarter, k) => {
      const cut = rectangle(
        quarter.x ? midX : x0 - 1,
        quarter.y ? midY : y0 - 1,
        quarter.x ? x1 + 1 : midX,
        quarter.y ? y1 + 1 : midY,
      );
      const rings = largestPiece(polygonClipping.intersection(shape, cut));
      if (!rings) return [];
      return [
        {
          id: `${district.id}-s${k + 1}`,
          parentId: district.id,
          name: {
            zh: `${district.root[0]}${quarter.zh}街道`,
            en: `${district.root[1]} ${quarter.en} Subdistrict`,
          },
          rings,
        },
      ];
    });
  });
}

export function planGridCells(subdistricts: readonly SubArea[], scale: string): SubArea[] {
  const side = GRID_CELL_M[scale] ?? 500;
  return subdistricts.flatMap((sub) => {
    const [x0, y0, x1, y1] = bounds(sub.rings[0]!);
    const shape = toClip(sub.rings);
    const cells: SubArea[] = [];
    for (let gy = Math.floor(y0 / side); gy * side < y1; gy++) {
      for (let gx = Math.floor(x0 / side); gx * side < x1; gx++) {
        const square = rectangle(gx * side, gy * side, (gx + 1) * side, (gy + 1) * side);
        const rings = largestPiece(polygonClipping.intersection(shape, square));
        if (!rings || Math.abs(ringArea(rings[0]!)) < MIN_CELL_SHARE * side * side) continue;
        const n = cells.length + 1;
        cells.push({
          id: `${sub.id}-g${n}`,
          parentId: sub.id,
          name: { zh: `${sub.name.zh}第${n}网格`, en: `${sub.name.en}, grid ${n}` },
          rings,
        });
      }
    }
    return cells;
  });
}
