import { describe, expect, it } from 'vitest';
import { featureTable } from '../../../src/data/feature-table';
import {
  CELL_RADIUS_PX,
  hexCells,
  hexCellsData,
  metresPerPixel,
  worstPerCell,
  type HexCells,
} from '../../../src/map/hex-cells';
import { line, point } from '../domains/builders';

/** A grid of points about 100 m apart around Shanghai. */
function grid(columns: number, rows: number) {
  return Array.from({ length: columns * rows }, (_, at) =>
    point(`p${at}`, {}, [121.4 + (at % columns) * 0.001, 31.2 + Math.floor(at / columns) * 0.001]),
  );
}

function membersOf(cells: HexCells, cell: number): number[] {
  return Array.from(cells.members.subarray(cells.starts[cell], cells.starts[cell + 1]));
}

/** Rough distance in metres between two nearby lon/lat points. */
function distanceM(a: readonly number[], b: readonly number[]): number {
  const perDegree = 111_319.5;
  const dx = (a[0]! - b[0]!) * perDegree * Math.cos((a[1]! * Math.PI) / 180);
  const dy = (a[1]! - b[1]!) * perDegree;
  return Math.hypot(dx, dy);
}

describe('hexCells', () => {
  const features = grid(40, 30);
  const table = featureTable(features);

  it('puts every point in exactly one cell, within a cell radius of its centre', () => {
    const cells = hexCells(table, 11.5);
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.length).toBeLessThan(features.length);
    const seen = new Set<number>();
    for (let cell = 0; cell < cells.length; cell++) {
      const centre = [cells.centers[cell * 2]!, cells.centers[cell * 2 + 1]!];
      for (const index of membersOf(cells, cell)) {
        expect(seen.has(index)).toBe(false);
        seen.add(index);
        const geometry = features[index]!.geometry;
        if (geometry.type !== 'Point') throw new Error('points only');
        // Slack: d3-hexbin decides between two neighbouring cells by a distance scaled per axis,
        // so a point near a corner can fall a few percent outside the exact hexagon.
        expect(distanceM(geometry.coordinates, centre)).toBeLessThanOrEqual(cells.radiusM * 1.05);
      }
    }
    expect(seen.size).toBe(features.length);
  });

  it('is made once per whole zoom level, its cells a fixed size on screen', () => {
    expect(hexCells(table, 11.2)).toBe(hexCells(table, 11.9));
    const coarse = hexCells(table, 11.2);
    const fine = hexCells(table, 12.1);
    expect(fine).not.toBe(coarse);
    expect(fine.radiusM).toBeCloseTo(coarse.radiusM / 2, 6);
    expect(fine.length).toBeGreaterThan(coarse.length);
    expect(coarse.radiusM).toBeCloseTo(CELL_RADIUS_PX * metresPerPixel(11, 31.2145), 0);
  });

  it('leaves out features that are not points, from objects as from columns', () => {
    const mixed = featureTable([point('a'), line('b'), point('c', {}, [121.5, 31.3])]);
    const cells = hexCells(mixed, 10);
    const members = Array.from({ length: cells.length }, (_, cell) =>
      membersOf(cells, cell),
    ).flat();
    expect(members.sort()).toEqual([0, 2]);
  });

  it('has no cells for a table without points', () => {
    const cells = hexCells(featureTable([]), 12);
    expect(cells.length).toBe(0);
    expect((hexCellsData(cells) as { length: number }).length).toBe(0);
  });

  it('hands deck.gl the centres as a binary attribute, the same data for the same cells', () => {
    const cells = hexCells(table, 11.5);
    const data = hexCellsData(cells) as unknown as {
      length: number;
      attributes: { getPosition: { value: Float64Array; size: number } };
    };
    expect(data.length).toBe(cells.length);
    expect(data.attributes.getPosition.value).toBe(cells.centers);
    expect(hexCellsData(cells)).toBe(data);
  });
});

describe('worstPerCell', () => {
  const table = featureTable(grid(40, 30));
  const cells = hexCells(table, 11.5);

  it("takes each cell's highest member rank, once per source", () => {
    const flagged = membersOf(cells, 3)[0]!;
    let reads = 0;
    const rank = (index: number) => {
      reads++;
      return index === flagged ? 2 : 1;
    };
    const source = {};
    const worst = worstPerCell(cells, source, rank);
    expect(worst[3]).toBe(2);
    expect([...worst].filter((value) => value === 2)).toHaveLength(1);
    expect([...worst].filter((value) => value === 1)).toHaveLength(cells.length - 1);
    expect(reads).toBe(table.length);
    expect(worstPerCell(cells, source, rank)).toBe(worst);
    expect(reads).toBe(table.length);
    expect(worstPerCell(cells, {}, () => 0)).not.toBe(worst);
  });
});
