/**
 * Drawing the city: the production build in headless Chromium (software WebGL, the renderer
 * recorded) against two baselines served from the same build (bench/pages): the same data drawn
 * by raw deck.gl on a bare MapLibre map, and the bare MapLibre map with the same base map. Every
 * page gets a fresh browser profile, the same viewport, canvas size, camera and camera path, and
 * the runs alternate (app, deck.gl, MapLibre, app, …) so that a noisy minute of the shared
 * machine falls on all of them alike. A warm-up run of the app comes first and is not counted:
 * it gives the camera (the app's own fit of the city) and the canvas size the baselines copy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { CityScale } from '../../mocks/city/scale';
import type { PageProblem } from '../../tests/e2e/support/browser';
import { attachPageMetrics } from '../probes/page-metrics';
import {
  firstCompleteFrame,
  panAndZoom,
  readCamera,
  rendererName,
  type PageKind,
} from '../probes/render-probe';
import { withDemoServer } from '../probes/demo-server';
import { runScript } from '../probes/run-probe';
import { withBrowserPage, withPreviewServer } from '../probes/served-page';
import { BASEMAP_ARCHIVE, TILED_DATASETS } from '../../scripts/pmtiles/archives';
import { tiledBasemapStyle } from '../../src/map/embedded-style';
import { measurementOf, type Measurement } from '../result';
import { median } from '../stats';

const SUITE = 'render';
const SEED = 42;
const VIEWPORT = { width: 1280, height: 800 } as const;
const PAGES_CONFIG = fileURLToPath(new URL('../pages/vite.config.ts', import.meta.url));
const PAGES_DIR = fileURLToPath(new URL('../../dist/bench/', import.meta.url));
const KINDS: readonly PageKind[] = ['app', 'deck', 'maplibre'];

export interface RenderPlan {
  readonly scales: readonly { readonly scale: CityScale; readonly runs: number }[];
  /** Frames along the measured camera path. */
  readonly panSteps: number;
}

export const SMOKE_PLAN: RenderPlan = { scales: [{ scale: 'town', runs: 1 }], panSteps: 24 };
/** The megacity once: a software-rendered frame of a million paths takes seconds here. */
export const FULL_PLAN: RenderPlan = {
  scales: [
    { scale: 'town', runs: 3 },
    { scale: 'city', runs: 3 },
    { scale: 'megacity', runs: 1 },
  ],
  panSteps: 40,
};

/** The plan for only the named presets (`--scales town,city`); null: all of it. */
export function withScales(plan: RenderPlan, scales: readonly string[] | null): RenderPlan {
  if (scales === null) return plan;
  const unknown = scales.filter((name) => !plan.scales.some((entry) => entry.scale === name));
  if (unknown.length > 0) throw new Error(`render: no preset ${unknown.join(', ')} in the plan`);
  return { ...plan, scales: plan.scales.filter((entry) => scales.includes(entry.scale)) };
}

interface PageRun {
  readonly kind: PageKind;
  readonly firstFrameMs: number;
  readonly frameMs: number;
  readonly cpuMsPerFrame: number;
  readonly cpuMsPerDrawnFrame: number;
  readonly heapMB: number;
  /** Features drawn, where the page says (the deck.gl baseline). */
  readonly features: number | null;
  readonly problems: readonly PageProblem[];
}

interface Setup {
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Presets whose static datasets and base map the app and the baselines read as vector tiles
 * (PMTiles archives written by the suite), as a city that size would be served: a million pipe
 * segments, or 120 MB of base map, are not one GeoJSON response.
 */
const TILED_SCALES: readonly CityScale[] = ['megacity'];
const TILE_ZOOMS = { minZoom: 10, maxZoom: 14 } as const;
const tilesPath = (scale: CityScale) => `/bench/tiles/${scale}`;
/** The archives of a tiled preset: its static datasets', and the base map's. */
const TILED_ARCHIVES = [...TILED_DATASETS, BASEMAP_ARCHIVE];

/**
 * Presets whose demo backend runs in a process of its own (bench/probes/demo-server.ts), read by
 * the app and the baselines over HTTP, as a real city's backend would be: in the page it would
 * share the renderer process (and its memory) with the page being measured.
 */
const SERVED_SCALES: readonly CityScale[] = ['megacity'];
/**
 * The app's wait for an answer to begin at a served preset: the demo server answers one request
 * at a time, each a million features' live values (tens of megabytes) or the base map, so an
 * answer can wait longer than the default 15 s behind the others, and is then asked for again
 * behind them.
 */
const SERVED_REQUEST_TIMEOUT_MS = 120_000;

/** Where a preset's city is read from: the page's own demo backend, or a server's API. */
type Backend = { readonly api: string | null };

function pagePath(kind: PageKind, scale: CityScale, setup: Setup | null, backend: Backend): string {
  const cam = setup
    ? `${round(setup.center[0], 6)},${round(setup.center[1], 6)},${round(setup.zoom, 2)}`
    : null;
  if (kind === 'app') return `/?config=/bench/${scale}.config.json${cam ? `&cam=${cam}` : ''}`;
  if (!setup) throw new Error('a baseline page needs the camera and canvas of the app');
  const tiles = TILED_SCALES.includes(scale)
    ? `&tiles=${tilesPath(scale)}&tiled=${TILED_ARCHIVES.join(',')}`
    : '';
  const api = backend.api === null ? '' : `&api=${encodeURIComponent(backend.api)}`;
  return `/bench/${kind}.html?scale=${scale}&seed=${SEED}&cam=${cam}&size=${setup.width},${setup.height}${api}${tiles}`;
}

/** The baseline pages into dist/bench/, and the vector tiles of the presets that read them. */
export async function buildPages(
  scales: readonly CityScale[],
  log: (line: string) => void,
): Promise<void> {
  await build({ configFile: PAGES_CONFIG });
  for (const scale of scales.filter((name) => TILED_SCALES.includes(name))) {
    log(`render: ${scale}: writing the vector tiles of ${TILED_ARCHIVES.join(', ')}`);
    // `npm run tiles` in a process of its own: it holds a whole world while it cuts the tiles.
    const printed = await runScript('scripts/pmtiles/city-tiles.ts', [
      ...['--scale', scale, '--seed', String(SEED), '--out', `${PAGES_DIR}tiles`],
      ...['--datasets', TILED_ARCHIVES.join(',')],
      ...['--min-zoom', String(TILE_ZOOMS.minZoom), '--max-zoom', String(TILE_ZOOMS.maxZoom)],
    ]);
    for (const line of printed.trim().split('\n')) log(`render: ${line}`);
  }
}

/**
 * The app's runtime config for a preset: its demo backend in the page or a server's; a tiled
 * preset's names its archives by absolute URL (as a source's URL must be), on the server that
 * serves the pages, and a style of its base map's archive, written next to the config.
 */
function writeAppConfig(scale: CityScale, serverUrl: string, backend: Backend): void {
  const tiled = TILED_SCALES.includes(scale);
  const archiveUrl = (name: string) =>
    new URL(`${tilesPath(scale)}/${name}.pmtiles`, serverUrl).href;
  const sources = Object.fromEntries(
    TILED_DATASETS.map((dataset) => [
      dataset,
      {
        geometry: {
          adapter: 'pmtiles',
          url: archiveUrl(dataset),
          sourceLayer: dataset,
          idProperty: 'id',
          fields: { 'name.zh': 'name_zh', 'name.en': 'name_en' },
        },
      },
    ]),
  );
  mkdirSync(PAGES_DIR, { recursive: true });
  const styleFile = `${scale}.basemap.json`;
  if (tiled)
    writeFileSync(
      `${PAGES_DIR}${styleFile}`,
      JSON.stringify(tiledBasemapStyle(archiveUrl(BASEMAP_ARCHIVE))),
    );
  writeFileSync(
    `${PAGES_DIR}${scale}.config.json`,
    JSON.stringify({
      ...(backend.api === null
        ? { apiBaseUrl: '/api/v1', mock: { enabled: true, seed: SEED, scale } }
        : {
            apiBaseUrl: backend.api,
            mock: { enabled: false },
            requestTimeoutMs: SERVED_REQUEST_TIMEOUT_MS,
          }),
      basemap: tiled
        ? { kind: 'style', url: new URL(`/bench/${styleFile}`, serverUrl).href }
        : { kind: 'embedded' },
      ...(tiled ? { sources } : {}),
    }),
  );
}

async function measurePage(
  serverUrl: string,
  backend: Backend,
  kind: PageKind,
  scale: CityScale,
  setup: Setup,
  panSteps: number,
): Promise<PageRun> {
  return withBrowserPage(VIEWPORT, async ({ page, problems }) => {
    // Software WebGL at the largest preset can exhaust the renderer: say so, not just "closed".
    page.on('crash', () => console.error(`render: the ${kind} page crashed (${scale})`));
    await page.goto(new URL(pagePath(kind, scale, setup, backend), serverUrl).href);
    const firstFrameMs = await firstCompleteFrame(page, kind);
    const pan = await panAndZoom(page, panSteps);
    const metrics = await attachPageMetrics(page);
    const { heapMB } = await metrics.sample();
    await metrics.detach();
    const features = await page.evaluate(() => window.__benchFeatures ?? null);
    return { kind, firstFrameMs, ...pan, heapMB, features, problems: [...problems] };
  });
}

function row(
  scale: CityScale,
  ...rest: Parameters<typeof measurementOf> extends [unknown, ...infer R] ? R : never
): Measurement {
  return measurementOf({ suite: SUITE, scale }, ...rest);
}

export function renderMeasurements(scale: CityScale, runs: readonly PageRun[]): Measurement[] {
  const of = (kind: PageKind, pick: (run: PageRun) => number) =>
    runs.filter((run) => run.kind === kind).map(pick);
  const first = (run: PageRun) => run.firstFrameMs;
  const frame = (run: PageRun) => run.frameMs;
  const cpu = (run: PageRun) => run.cpuMsPerFrame;
  const heap = (run: PageRun) => run.heapMB;
  const features = of('deck', (run) => run.features ?? Number.NaN);
  const perMillion = (kind: PageKind) =>
    of(kind, (run) => (run.heapMB / (median(features) || Number.NaN)) * 1e6);
  const deck = (name: string, samples: readonly number[]) => ({ name, samples });
  return [
    row(scale, 'features drawn (every dataset)', 'count', features),
    row(
      scale,
      'first complete frame, app',
      'ms',
      of('app', first),
      deck('bare MapLibre + raw deck.gl', of('deck', first)),
      '≤ 1.5× the baseline',
    ),
    row(scale, 'first complete frame, bare MapLibre (base map only)', 'ms', of('maplibre', first)),
    row(
      scale,
      'frame time panning and zooming, app',
      'ms',
      of('app', frame),
      deck('raw deck.gl', of('deck', frame)),
      scale === 'city' ? '≤ 1.15× the baseline' : null,
    ),
    row(
      scale,
      'main-thread CPU per camera step panning and zooming, app',
      'ms',
      of('app', cpu),
      deck('raw deck.gl', of('deck', cpu)),
      scale === 'megacity' ? '≤ 1.15× the baseline' : null,
    ),
    row(
      scale,
      'main-thread CPU per drawn frame panning and zooming, app (its pulsing alarms draw frames too)',
      'ms',
      of('app', (run) => run.cpuMsPerDrawnFrame),
      deck(
        'raw deck.gl',
        of('deck', (run) => run.cpuMsPerDrawnFrame),
      ),
    ),
    row(scale, 'frame time panning and zooming, bare MapLibre', 'ms', of('maplibre', frame)),
    row(
      scale,
      'JS heap after load (after GC), app',
      'MB',
      of('app', heap),
      deck('raw deck.gl', of('deck', heap)),
    ),
    row(
      scale,
      'JS heap per million features drawn, app',
      'MB',
      perMillion('app'),
      deck('raw deck.gl', perMillion('deck')),
    ),
    row(scale, 'console errors, app', 'count', [
      runs.filter((run) => run.kind === 'app').flatMap((run) => run.problems).length,
    ]),
  ];
}

export interface RenderResult {
  readonly measurements: Measurement[];
  readonly preface: string[];
  readonly details: object;
}

export async function runRenderSuite(
  plan: RenderPlan,
  log: (line: string) => void,
): Promise<RenderResult> {
  const scales = plan.scales.map((entry) => entry.scale);
  log('render: building the baseline pages into dist/bench/');
  await buildPages(scales, log);
  return withPreviewServer(log, async (serverUrl) => {
    const measurements: Measurement[] = [];
    const details: Record<string, unknown> = { viewport: VIEWPORT, plan };
    let renderer = 'unknown';
    const failed: string[] = [];
    const measureScale = async (scale: CityScale, runs: number, backend: Backend) => {
      writeAppConfig(scale, serverUrl, backend);
      // Warm-up: the app's own fit of the city, and the size of its map's canvas.
      const setup = await withBrowserPage(VIEWPORT, async ({ page }) => {
        await page.goto(new URL(pagePath('app', scale, null, backend), serverUrl).href);
        const ms = await firstCompleteFrame(page, 'app');
        renderer = await rendererName(page);
        const camera = await readCamera(page);
        log(`render: ${scale}: warm-up, app ready in ${(ms / 1000).toFixed(1)} s; ${renderer}`);
        return camera;
      });
      const results: PageRun[] = [];
      for (let k = 1; k <= runs; k++) {
        for (const kind of KINDS) {
          const run = await measurePage(serverUrl, backend, kind, scale, setup, plan.panSteps);
          results.push(run);
          log(
            `render: ${scale} run ${k}/${runs} ${kind}: first frame ${run.firstFrameMs.toFixed(0)} ms, frame ${run.frameMs.toFixed(1)} ms, CPU ${run.cpuMsPerFrame.toFixed(1)} ms/frame, heap ${run.heapMB.toFixed(1)} MB`,
          );
        }
      }
      measurements.push(...renderMeasurements(scale, results));
      details[scale] = { setup, runs: results, backend: backend.api === null ? 'page' : 'server' };
    };
    for (const { scale, runs } of plan.scales) {
      try {
        if (SERVED_SCALES.includes(scale)) {
          await withDemoServer({ scale, seed: SEED }, log, (api) =>
            measureScale(scale, runs, { api }),
          );
        } else {
          await measureScale(scale, runs, { api: null });
        }
      } catch (error) {
        log(`render: ${scale} failed: ${error instanceof Error ? error.message : String(error)}`);
        failed.push(scale);
      }
    }
    if (measurements.length === 0)
      throw new Error(`render: no preset measured (${failed.join(', ')})`);
    const served = scales.filter(
      (scale) => SERVED_SCALES.includes(scale) && !failed.includes(scale),
    );
    const preface = [
      `Chromium, WebGL renderer: ${renderer}; viewport ${VIEWPORT.width}×${VIEWPORT.height} at device pixel ratio 1; seed ${SEED}.`,
      ...served.map(
        (scale) =>
          `At the ${scale}, the demo backend ran as a server of its own (\`npm run mock-server\`, its first simulation step run before the pages were opened), read over HTTP by the app (its request timeout raised to ${SERVED_REQUEST_TIMEOUT_MS / 1000} s) and by both baselines.`,
      ),
      ...(failed.length > 0 ? [`Not measured in this run (failed): ${failed.join(', ')}.`] : []),
    ];
    return { measurements, preface, details: { ...details, renderer, failed } };
  });
}
