import { describe, expect, it } from 'vitest';
import { renderMeasurements } from '../../../bench/suites/render';

const run = (kind: 'app' | 'deck' | 'maplibre', scale: number) => ({
  kind,
  firstFrameMs: 1000 * scale,
  frameMs: 100 * scale,
  cpuMsPerFrame: 10 * scale,
  cpuMsPerDrawnFrame: 5 * scale,
  heapMB: 20 * scale,
  features: kind === 'deck' ? 2_000_000 : null,
  problems: [],
});

describe('the render suite’s figures', () => {
  it('holds each app figure against the same run’s raw deck.gl baseline, by median', () => {
    const runs = [
      run('app', 1.2),
      run('deck', 1),
      run('maplibre', 0.5),
      run('app', 1.4),
      run('deck', 1),
      run('maplibre', 0.5),
      run('app', 1.3),
      run('deck', 1.1),
      run('maplibre', 0.5),
    ];
    const rows = renderMeasurements('city', runs);
    const named = (start: string) => rows.find((row) => row.name.startsWith(start))!;

    const first = named('first complete frame, app');
    expect(first.value).toBeCloseTo(1300);
    expect(first.baseline?.value).toBeCloseTo(1000);
    expect(first.ratio).toBeCloseTo(1.3);
    expect(first.target).toMatch(/1\.5×/);

    expect(named('frame time panning and zooming, app').target).toMatch(/1\.15×/);
    expect(named('main-thread CPU per camera step').target).toBeNull();
    expect(named('frame time panning and zooming, bare MapLibre').value).toBeCloseTo(50);
    expect(named('features drawn').value).toBe(2_000_000);
    // 26 MB over two million features.
    expect(named('JS heap per million features').value).toBeCloseTo(13);
    expect(named('console errors').value).toBe(0);
  });
});
