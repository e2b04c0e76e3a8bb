/**
 * The render bench's standalone demo backend: started in a process of its own, warm before the
 * pages are opened, serving the city named, and gone afterwards.
 */
import { describe, expect, it } from 'vitest';
import { withDemoServer } from '../../../bench/probes/demo-server';

describe('withDemoServer', () => {
  it('serves the city warmed up while the work runs, and stops with it', async () => {
    const lines: string[] = [];
    const api = await withDemoServer(
      { scale: 'town', seed: 7 },
      (line) => lines.push(line),
      async (url) => {
        const catalog = (await (await fetch(`${url}/catalog`)).json()) as {
          datasets: { id: string }[];
        };
        expect(catalog.datasets.map((dataset) => dataset.id)).toContain('traffic.roads');
        return url;
      },
    );
    expect(lines.some((line) => line.startsWith('demo server warm after'))).toBe(true);
    await expect(fetch(`${api}/catalog`)).rejects.toThrow();
  }, 120_000);

  it('a server that cannot start fails the work, saying why', async () => {
    await expect(
      withDemoServer(
        { scale: 'no-such-scale', seed: 7 },
        () => {},
        () => Promise.resolve(0),
      ),
    ).rejects.toThrow(/--scale is one of/);
  }, 120_000);
});
