/**
 * The runtime config: a JSON file read at start-up (`/cityops.config.json`, or the URL given as
 * `?config=`), validated with zod, so an integrator changes sources and base map without a rebuild.
 * A bad config is reported key by key, never half-applied.
 */
import { z } from 'zod';
import { catalogSchema } from '../../data/schemas';
import { CITY_SCALES } from '../../../mocks/city/scale';
import { datasetSourcesSchema } from '../../data/sources/source-config';

const scaleSchema = z.enum(CITY_SCALES);

const idText = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.:-]+$/u);

/** One view of the wall's tour: an area (null: the whole city), the layers shown, for how long. */
const tourStepSchema = z
  .object({
    areaId: idText.nullable().default(null),
    /** Layer ids to show; omitted, the layers as they are. */
    layers: z.array(idText).max(64).optional(),
    durationS: z.number().int().min(5).max(3_600).default(30),
  })
  .strict();

const wallConfigSchema = z
  .object({
    /** Views in order, looped; empty: the whole city, then each district in turn. */
    tour: z.array(tourStepSchema).max(100).default([]),
    /** New alarms at or above this severity pre-empt the tour. */
    preemptSeverity: z.number().int().min(1).max(3).default(3),
    /** How long a pre-empting alarm is shown before the tour resumes. */
    holdS: z.number().int().min(5).max(3_600).default(60),
    /** No frame drawn or no data received for this long: the page reloads itself. */
    watchdogS: z.number().int().min(10).max(3_600).default(180),
  })
  .strict();

export type WallConfig = z.infer<typeof wallConfigSchema>;
export type TourStepConfig = z.infer<typeof tourStepSchema>;

export const runtimeConfigSchema = z
  .object({
    /** Base URL of the REST contract; relative URLs resolve against the page. */
    apiBaseUrl: z.string().min(1).default('/api/v1'),
    /**
     * How long an answer may take to begin; all of it may take ten times that, so that a large
     * one still arriving is not given up on (http-client.ts).
     */
    requestTimeoutMs: z.number().int().min(1_000).max(120_000).default(15_000),
    /** The embedded demo backend (MSW in the browser). Off for a real city. */
    mock: z
      .object({
        enabled: z.boolean(),
        seed: z.number().int().default(42),
        /** Demo city size: `town` (small, light on slow machines), `city`, `megacity` (~1M pipes). */
        scale: scaleSchema.default('city'),
      })
      .strict()
      .default({ enabled: false, seed: 42, scale: 'city' }),
    /** Minutes each department has to resolve an alarm (overrides the defaults, per department). */
    alarmSlaMinutes: z
      .record(
        z.string().min(1).max(64),
        z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 60),
      )
      .default({}),
    /**
     * Take live state from the source's event stream (`GET /stream`) rather than polling each
     * dataset at its cadence; polling takes over whenever the stream is down or not served.
     */
    liveStream: z.boolean().default(true),
    /** Show the demo controls (clock, scenarios); defaults to on with the embedded demo backend. */
    demoControls: z.boolean().optional(),
    /** `console` for operators at a desk; `wall` for an unattended wall screen (`?mode=` overrides). */
    mode: z.enum(['console', 'wall']).default('console'),
    /** The wall screen: its tour, what pre-empts it, and its watchdog. */
    wall: wallConfigSchema.default(() => wallConfigSchema.parse({})),
    /**
     * Datasets read from a source of their own (an OGC API – Features collection, a GeoJSON
     * file) instead of the REST contract, by dataset id. See docs/integration.md.
     */
    sources: datasetSourcesSchema,
    basemap: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('embedded') }).strict(),
        z.object({ kind: z.literal('style'), url: z.url() }).strict(),
      ])
      .default({ kind: 'embedded' }),
    /**
     * The city and its datasets, for a city with no REST contract backend: every dataset is then
     * read from its `sources`, and nothing from `apiBaseUrl` (the catalog's shape is the REST
     * contract's `GET /catalog`). See docs/integration.md.
     */
    catalog: catalogSchema.optional(),
  })
  .strict()
  .superRefine((config, context) => {
    if (!config.catalog) return;
    const problem = (path: (string | number)[], message: string) =>
      context.addIssue({ code: 'custom', path, message });
    config.catalog.datasets.forEach((dataset, index) => {
      const source = config.sources[dataset.id];
      if (!source?.geometry)
        problem(
          ['catalog', 'datasets', index],
          `"${dataset.id}" needs sources.${dataset.id}.geometry: there is no backend to read its features from`,
        );
      if (dataset.stateCadenceS !== null && !source?.state)
        problem(
          ['catalog', 'datasets', index, 'stateCadenceS'],
          `"${dataset.id}" has live state: it needs sources.${dataset.id}.state, or null here`,
        );
    });
    if (config.basemap.kind === 'embedded')
      problem(
        ['basemap'],
        'the embedded base map comes from the REST backend: with a catalog in the config, give a style URL',
      );
  });

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** One line per problem: "key: what was expected". */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[]) {
    super(message);
    this.problems = problems;
  }
}

export const DEFAULT_CONFIG_URL = '/cityops.config.json';

export function parseRuntimeConfig(json: unknown, source: string): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(`invalid runtime config at ${source}`, problems);
}

export async function loadRuntimeConfig(
  location: Location,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  const requested = new URLSearchParams(location.search).get('config');
  let url: URL;
  try {
    url = new URL(requested ?? DEFAULT_CONFIG_URL, location.href);
  } catch {
    throw new ConfigError(`invalid runtime config URL`, [
      `config: "${requested ?? ''}" is not a URL`,
    ]);
  }
  let response: Response;
  try {
    response = await fetchImpl(url.href, { cache: 'no-store' });
  } catch {
    throw new ConfigError(`cannot load the runtime config`, [`${url.href}: unreachable`]);
  }
  if (!response.ok) {
    throw new ConfigError(`cannot load the runtime config`, [
      `${url.href}: HTTP ${response.status}`,
    ]);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError(`invalid runtime config at ${url.href}`, ['(root): not valid JSON']);
  }
  return parseRuntimeConfig(json, url.href);
}

/** The page's mode: the config's, unless the URL asks for another (`?mode=wall`). */
export function pageMode(
  config: RuntimeConfig,
  location: Pick<Location, 'search'>,
): RuntimeConfig['mode'] {
  const requested = new URLSearchParams(location.search).get('mode');
  return requested === 'wall' || requested === 'console' ? requested : config.mode;
}

/** Whether the backend is a demo backend whose clock and scenarios the page may control. */
export function hasDemoControls(config: RuntimeConfig): boolean {
  return config.demoControls ?? config.mock.enabled;
}

/** The API base URL made absolute against the page (the mock backend needs an absolute one). */
export function absoluteApiBaseUrl(config: RuntimeConfig, location: Location): string {
  return new URL(config.apiBaseUrl, location.href).href.replace(/\/+$/, '');
}
