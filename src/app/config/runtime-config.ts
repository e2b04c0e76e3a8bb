/**
 * The runtime config: a JSON file read at start-up (`/cityops.config.json`, or the URL given as
 * `?config=`), validated with zod, so an integrator changes sources and base map without a rebuild.
 * A bad config is reported key by key, never half-applied.
 */
import { z } from 'zod';
import { CITY_SCALES } from '../../../mocks/city/scale';

const scaleSchema = z.enum(CITY_SCALES);

export const runtimeConfigSchema = z
  .object({
    /** Base URL of the REST contract; relative URLs resolve against the page. */
    apiBaseUrl: z.string().min(1).default('/api/v1'),
    /** Per-request timeout. */
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
    alarmSlaMinutes: z.record(z.string().min(1).max(64), z.number().int().min(1).max(7 * 24 * 60)).default({}),
    /** Show the demo controls (clock, scenarios); defaults to on with the embedded demo backend. */
    demoControls: z.boolean().optional(),
    basemap: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('embedded') }).strict(),
        z.object({ kind: z.literal('style'), url: z.url() }).strict(),
      ])
      .default({ kind: 'embedded' }),
  })
  .strict();

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

/** Whether the backend is a demo backend whose clock and scenarios the page may control. */
export function hasDemoControls(config: RuntimeConfig): boolean {
  return config.demoControls ?? config.mock.enabled;
}

/** The API base URL made absolute against the page (the mock backend needs an absolute one). */
export function absoluteApiBaseUrl(config: RuntimeConfig, location: Location): string {
  return new URL(config.apiBaseUrl, location.href).href.replace(/\/+$/, '');
}
