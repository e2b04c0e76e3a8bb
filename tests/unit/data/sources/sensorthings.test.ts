import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../../src/data/http-client';
import { observationValue, sensorThingsReader } from '../../../../src/data/sources/sensorthings';
import { sensorThingsSourceSchema } from '../../../../src/data/sources/source-config';
import { adapterFailure } from '../../../helpers/adapter-failure';

const ROOT = 'https://sta.city.example/FROST-Server/v1.1';

/**
 * Pages in FROST-Server's shape (`@iot.id`, `@iot.selfLink`, navigation links, `@iot.nextLink`
 * carrying the whole query): no SensorThings server can be run here to record from.
 */
const frostPage = (page: 1 | 2) =>
  readFileSync(new URL(`./frost-shaped/frost-things-page${page}.json`, import.meta.url), 'utf8');

function frost(): { fetch: FetchLike; urls: URL[] } {
  const urls: URL[] = [];
  const fetch: FetchLike = async (input) => {
    const url = new URL(input);
    urls.push(url);
    const body = url.searchParams.get('$skip') === '2' ? frostPage(2) : frostPage(1);
    return new Response(body, { headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, urls };
}

const source = (overrides: Record<string, unknown> = {}) =>
  sensorThingsSourceSchema.parse({
    adapter: 'sensorthings',
    url: ROOT,
    featureIdProperty: 'featureId',
    thingFilter: "properties/layer eq 'hydrants'",
    columns: { inService: 'inService', pressureKpa: 'pressureKpa' },
    ...overrides,
  });

const reader = (fetch: FetchLike, config = source()) =>
  sensorThingsReader('fire.hydrants', config, { fetch, timeoutMs: 5_000, now: () => 99 });

describe('SensorThings live state', () => {
  it("reads every page of Things, a column per Datastream, each its latest Observation's result", async () => {
    const server = frost();
    const fetched = await reader(server.fetch).read({}, {});
    const { readings, places } = fetched.data;
    expect(readings.ids).toEqual(['h-1', 'h-2', 'h-3']);
    expect(readings.columns).toEqual({
      inService: [1, 0, 1],
      // No observation yet, and a result that is not a number: no reading.
      pressureKpa: [312.5, null, null],
    });
    expect(readings.observedAt).toBe('2026-01-15T00:29:30.000Z');
    expect(places.get('21')).toEqual({ row: 1, column: 'inService' });
    expect(places.get('32')).toEqual({ row: 2, column: 'pressureKpa' });
    expect(server.urls).toHaveLength(2);
    expect(fetched.fetchedAt).toBe(99);
  });

  it('asks for the latest Observation of the named Datastreams of the filtered Things', async () => {
    const server = frost();
    await reader(server.fetch).read({}, {});
    const first = server.urls[0]!;
    expect(first.pathname).toBe('/FROST-Server/v1.1/Things');
    expect(first.searchParams.get('$filter')).toBe("properties/layer eq 'hydrants'");
    const expand = first.searchParams.get('$expand')!;
    expect(expand).toContain("name eq 'inService' or name eq 'pressureKpa'");
    expect(expand).toContain('$orderby=phenomenonTime desc;$top=1');
    expect(expand).not.toContain('phenomenonTime le');
  });

  it('reads the past as the latest Observation up to that time', async () => {
    const server = frost();
    await reader(server.fetch).read({ at: '2026-01-15T08:00:00+08:00' }, {});
    expect(server.urls[0]!.searchParams.get('$expand')).toContain(
      '$filter=phenomenonTime le 2026-01-15T08:00:00+08:00',
    );
  });

  it("takes the Thing's name as the id when no property is named", async () => {
    const fetched = await reader(frost().fetch, source({ featureIdProperty: undefined })).read(
      {},
      {},
    );
    expect(fetched.data.readings.ids).toEqual(['Hydrant h-1', 'Hydrant h-2', 'Hydrant h-3']);
  });

  it('reports a column whose Datastream no Thing has, and an id property no Thing has', async () => {
    const wrongColumn = await adapterFailure(
      reader(frost().fetch, source({ columns: { inService: 'In service' } })).read({}, {}),
    );
    expect(wrongColumn.message).toBe(
      'fire.hydrants: columns.inService: no Thing has a Datastream named "In service"',
    );
    const wrongId = await adapterFailure(
      reader(frost().fetch, source({ featureIdProperty: 'hydrantNo' })).read({}, {}),
    );
    expect(wrongId.message).toContain('featureIdProperty');
  });

  it('refuses a next page on another host (the headers would go there)', async () => {
    const elsewhere: FetchLike = async () =>
      Response.json({ value: [], '@iot.nextLink': 'https://evil.example/v1.1/Things?$skip=2' });
    expect((await adapterFailure(reader(elsewhere).read({}, {}))).message).toContain(
      'another host',
    );
  });

  it('stops at the cap of Things', async () => {
    const fetched = await reader(frost().fetch, source({ maxThings: 2 })).read({}, {});
    expect(fetched.data.readings.ids).toEqual(['h-1', 'h-2']);
  });

  it('reports a body that is not a SensorThings collection', async () => {
    const html: FetchLike = async () => new Response('<html>login</html>');
    expect((await adapterFailure(reader(html).read({}, {}))).kind).toBe('invalid-response');
  });
});

describe('observationValue', () => {
  it.each([
    [12.5, 12.5],
    [true, 1],
    [false, 0],
    ['7', 7],
    ['', null],
    ['n/a', null],
    [null, null],
    [{ value: 1 }, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%s → %s', (result, value) => {
    expect(observationValue(result)).toBe(value);
  });
});
