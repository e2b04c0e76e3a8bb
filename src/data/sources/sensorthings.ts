/**
 * Live state from an OGC SensorThings API 1.1 service: the Things of the dataset, each with its
 * Datastreams and the latest Observation of each, expanded in one request per page
 * (`@iot.nextLink`). A Thing is a feature (its id from a property, or its name); a Datastream, by
 * name, is a state column; its latest result is the value. Read at a past time, the latest
 * Observation up to that time. The Datastream ids are kept, so that observations published over
 * MQTT (`sensorthings-mqtt.ts`) can be put in the right place.
 */
import { z } from 'zod';
import type { CallOptions, Fetched, TimeQuery } from '../adapter';
import { AdapterError } from '../errors';
import { requestJson } from '../http-client';
import type { LiveReadings } from '../schemas';
import type { SourceRequestOptions } from './ogc-api-features';
import type { SensorThingsSource } from './source-config';

const iotId = z.union([z.string(), z.number()]).transform(String);

const observationSchema = z.object({
  result: z.unknown(),
  phenomenonTime: z.string().min(1).max(64),
});

const thingsPageSchema = z.object({
  value: z.array(
    z.object({
      '@iot.id': iotId,
      name: z.string().max(256),
      properties: z.record(z.string(), z.unknown()).nullish(),
      Datastreams: z
        .array(
          z.object({
            '@iot.id': iotId,
            name: z.string().max(256),
            Observations: z.array(observationSchema).optional(),
          }),
        )
        .optional(),
    }),
  ),
  '@iot.nextLink': z.string().optional(),
});

/** Where a Datastream's observations go: a row (feature) and a column of the state. */
export interface DatastreamPlace {
  readonly row: number;
  readonly column: string;
}

/** The state's values; which dataset and its cadence are the catalog's to say. */
export type StateValues = Pick<LiveReadings, 'observedAt' | 'ids' | 'columns'>;

export interface SensorThingsState {
  readonly readings: StateValues;
  /** Datastream id → where its values go. */
  readonly places: ReadonlyMap<string, DatastreamPlace>;
}

export interface SensorThingsReader {
  read(query: TimeQuery, options: CallOptions): Promise<Fetched<SensorThingsState>>;
}

/**
 * An Observation's result as a state value: numbers as they are, booleans as 1 / 0, numbers
 * written as text read as numbers; anything else is no reading.
 */
export function observationValue(result: unknown): number | null {
  if (typeof result === 'number') return Number.isFinite(result) ? result : null;
  if (typeof result === 'boolean') return result ? 1 : 0;
  if (typeof result === 'string' && result.trim() !== '') {
    const value = Number(result);
    return Number.isFinite(value) ? value : null;
  }
  return null;
}

/** An OData string literal: quotes doubled. */
const odataText = (text: string) => `'${text.replaceAll("'", "''")}'`;

export function sensorThingsReader(
  resource: string,
  source: SensorThingsSource,
  request: SourceRequestOptions,
): SensorThingsReader {
  const root = source.url.replace(/\/+$/u, '');
  const names = [...new Set(Object.values(source.columns))];
  const columnsOfName = new Map<string, string[]>();
  for (const [column, name] of Object.entries(source.columns))
    columnsOfName.set(name, [...(columnsOfName.get(name) ?? []), column]);

  const firstPageUrl = (at: string | undefined) => {
    const observations = [
      '$select=result,phenomenonTime',
      ...(at ? [`$filter=phenomenonTime le ${at}`] : []),
      '$orderby=phenomenonTime desc',
      '$top=1',
    ].join(';');
    const datastreams = [
      '$select=@iot.id,name',
      `$filter=${names.map((name) => `name eq ${odataText(name)}`).join(' or ')}`,
      `$expand=Observations(${observations})`,
    ].join(';');
    const search = new URLSearchParams({
      $select: '@iot.id,name,properties',
      $expand: `Datastreams(${datastreams})`,
      $top: String(Math.min(source.pageSize, source.maxThings)),
    });
    if (source.thingFilter) search.set('$filter', source.thingFilter);
    return `${root}/Things?${search}`;
  };

  const page = (url: string, signal?: AbortSignal) =>
    requestJson({
      url,
      schema: thingsPageSchema,
      resource,
      fetch: request.fetch,
      timeoutMs: request.timeoutMs,
      headers: source.headers,
      signal,
    });

  /** A next link elsewhere than the service would send the headers (a key) to another host. */
  const checkedNextLink = (link: string): string => {
    const next = new URL(link, `${root}/`);
    if (next.origin !== new URL(root).origin)
      throw new AdapterError(
        'invalid-response',
        `${resource}: the next page is on another host (${next.origin})`,
        { resource },
      );
    return next.href;
  };

  return {
    async read(query, { signal } = {}) {
      const ids: string[] = [];
      const values: Record<string, (number | null)[]> = {};
      for (const column of Object.keys(source.columns)) values[column] = [];
      const places = new Map<string, DatastreamPlace>();
      const seenNames = new Set<string>();
      let latest = -Infinity;
      let url: string | null = firstPageUrl(query.at);
      const visited = new Set<string>();
      let things = 0;
      while (url && ids.length < source.maxThings) {
        if (visited.has(url)) break;
        visited.add(url);
        const body = await page(url, signal);
        for (const thing of body.value) {
          if (ids.length >= source.maxThings) break;
          things++;
          const id = featureIdOf(thing, source.featureIdProperty);
          if (id === null) continue;
          const row = ids.length;
          ids.push(id);
          for (const column of Object.keys(source.columns)) values[column]!.push(null);
          for (const datastream of thing.Datastreams ?? []) {
            seenNames.add(datastream.name);
            const observation = datastream.Observations?.[0];
            const time = observation ? Date.parse(observation.phenomenonTime) : NaN;
            if (Number.isFinite(time)) latest = Math.max(latest, time);
            for (const column of columnsOfName.get(datastream.name) ?? []) {
              places.set(datastream['@iot.id'], { row, column });
              values[column]![row] = observation ? observationValue(observation.result) : null;
            }
          }
        }
        const next: string | undefined = body['@iot.nextLink'];
        url = next ? checkedNextLink(next) : null;
      }
      if (things > 0 && ids.length === 0)
        throw new AdapterError(
          'invalid-response',
          `${resource}: featureIdProperty: no Thing has a property "${source.featureIdProperty ?? 'name'}" that holds an id`,
          { resource },
        );
      checkColumns(resource, source, ids.length, seenNames);
      const fetchedAt = request.now();
      return {
        data: {
          readings: {
            observedAt: new Date(Number.isFinite(latest) ? latest : fetchedAt).toISOString(),
            ids,
            columns: values,
          },
          places,
        },
        fetchedAt,
      };
    },
  };
}

function featureIdOf(
  thing: z.infer<typeof thingsPageSchema>['value'][number],
  property: string | undefined,
): string | null {
  if (property === undefined) return thing.name.trim() === '' ? null : thing.name;
  const value = thing.properties?.[property];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return null;
}

/** Things were found but none has a Datastream a column names: the mapping is wrong. */
function checkColumns(
  resource: string,
  source: SensorThingsSource,
  things: number,
  seenNames: ReadonlySet<string>,
): void {
  if (things === 0) return;
  const missing = Object.entries(source.columns).find(([, name]) => !seenNames.has(name));
  if (!missing) return;
  throw new AdapterError(
    'invalid-response',
    `${resource}: columns.${missing[0]}: no Thing has a Datastream named "${missing[1]}"`,
    { resource },
  );
}
