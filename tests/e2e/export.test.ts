/**
 * Handing the view on: a layer's features in view as CSV (with their live values) and the map as
 * a PNG with its legend.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect } from 'vitest';
import { openApp } from './support/app';
import { test } from './support/test';

describe('export', () => {
  test('a layer as CSV and the map as PNG', async ({ session }) => {
    const { page } = session;
    await openApp(page);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv-fire.stations').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^cityops-fire\.stations-.*\.csv$/);
    const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\ufeff/, '');
    const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;
    expect(header).toEqual(
      expect.arrayContaining(['id', 'name', 'units', 'availableUnits', 'lon', 'lat']),
    );
    expect(rows.length).toBeGreaterThan(0);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    const png = await readFile((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const mapWidth = await page.evaluate(() => window.__cityopsMap!.getCanvas().width);
    expect(width, 'the map plus its legend').toBeGreaterThan(mapWidth);
  });
});
