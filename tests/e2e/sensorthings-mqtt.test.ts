/**
 * Live state from a SensorThings service, kept current over MQTT: the hydrants' state comes from
 * a SensorThings API (a small server here in FROST-Server's shape: none can be installed) and
 * from the real mosquitto broker CI starts (scripts/servers). An observation published to the
 * broker recolours its hydrant on screen within seconds: pushed, since by then the service
 * answers no reads.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'mqtt';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import { featureCollectionSchema } from '../../src/data/schemas';
import { statusColors } from '../../src/ui/theme';
import { fixturePath } from '../helpers/fixtures';
import { jumpTo, layerStatus, openApp, patchConfig, project, showOnly } from './support/app';
import { CITY_TIME, pointPosition } from './support/city';
import { countMapColors, settleMap } from './support/pixels';
import { test } from './support/test';

const BROKER = process.env.CITYOPS_MQTT_WS_URL;
const PAGE_SIZE = 200;
/** The page's calendar starts at CITY_TIME: the service's readings are of that minute. */
const OBSERVED = new Date(CITY_TIME).toISOString();
const PUBLISHED = new Date(Date.parse(CITY_TIME) + 30_000).toISOString();

const hydrants = featureCollectionSchema.parse(
  JSON.parse(readFileSync(fixturePath('fire.hydrants', 'features'), 'utf8')),
).features;
/** Datastream ids of this run only, so that runs side by side do not hear each other. */
const FIRST_DATASTREAM = 1_000_000 + Math.floor(Math.random() * 1_000_000) * 10_000;

/** Whether the service answers reads; off, every read gets a 503. */
let serving = true;

/** `/Things` in pages of `$top`, each hydrant a Thing with one Datastream, in service. */
function things(url: URL): unknown {
  const top = Number(url.searchParams.get('$top') ?? PAGE_SIZE);
  const skip = Number(url.searchParams.get('$skip') ?? 0);
  const root = `${url.origin}/v1.1`;
  const value = hydrants.slice(skip, skip + top).map((hydrant, at) => ({
    '@iot.id': skip + at + 1,
    '@iot.selfLink': `${root}/Things(${skip + at + 1})`,
    name: hydrant.id,
    properties: { layer: 'hydrants' },
    Datastreams: [
      {
        '@iot.id': FIRST_DATASTREAM + skip + at,
        name: 'inService',
        Observations: [{ result: true, phenomenonTime: OBSERVED }],
      },
    ],
  }));
  const next = new URL(url);
  next.searchParams.set('$skip', String(skip + top));
  return { value, ...(skip + top < hydrants.length ? { '@iot.nextLink': next.href } : {}) };
}

/**
 * The service, on a port of the loopback: a real server rather than a route of the page, since
 * the page's requests pass through the demo backend's service worker, where routes do not see them.
 */
async function startService(): Promise<{ root: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' };
    if (!serving || url.pathname !== '/v1.1/Things') {
      response.writeHead(serving ? 404 : 503, headers).end('{}');
      return;
    }
    response.writeHead(200, headers).end(JSON.stringify(things(url)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    root: `http://127.0.0.1:${port}/v1.1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function outOfServicePixels(page: Page, at: { x: number; y: number }): Promise<number> {
  await settleMap(page);
  const region = { x: Math.round(at.x) - 12, y: Math.round(at.y) - 12, width: 24, height: 24 };
  const { counts } = await countMapColors(
    page,
    { warning: [statusColors.warning.slice(0, 3) as [number, number, number]] },
    { region },
  );
  return counts.warning;
}

describe.skipIf(!BROKER)('live state from SensorThings, pushed over MQTT (mosquitto)', () => {
  test('an observation published to the broker recolours its hydrant within seconds', async ({
    session,
  }) => {
    const { page } = session;
    const service = await startService();
    onTestFinished(() => service.close());
    await patchConfig(page, {
      sources: {
        'fire.hydrants': {
          state: {
            adapter: 'sensorthings',
            url: service.root,
            thingFilter: "properties/layer eq 'hydrants'",
            columns: { inService: 'inService' },
            pageSize: PAGE_SIZE,
            mqtt: { url: BROKER },
          },
        },
      },
    });
    serving = true;
    await openApp(page);
    expect(await layerStatus(page, 'fire.hydrants').getAttribute('data-unknown-ids')).toBe('0');

    const index = Math.floor(hydrants.length / 2);
    const hydrant = hydrants[index]!;
    await showOnly(page, ['fire.hydrants']);
    await jumpTo(page, pointPosition(hydrant), 17);
    const { canvas } = await project(page, pointPosition(hydrant));
    expect(await outOfServicePixels(page, canvas)).toBe(0);

    // From here on only the broker can change the hydrant.
    session.allowConsoleError({
      text: /^Failed to load resource: the server responded with a status of 503/u,
      url: new RegExp(`^${service.root.replaceAll('.', '\\.')}/Things`, 'u'),
      reason: 'the service is made to answer no reads, so that only the broker can recolour',
    });
    serving = false;
    const publisher = connect(BROKER!);
    try {
      await new Promise<void>((resolve, reject) => {
        publisher.once('connect', () => resolve());
        publisher.once('error', reject);
      });
      await publisher.publishAsync(
        `v1.1/Datastreams(${FIRST_DATASTREAM + index})/Observations`,
        JSON.stringify({ result: false, phenomenonTime: PUBLISHED }),
        { qos: 1 },
      );
    } finally {
      await publisher.endAsync();
    }
    await expect
      .poll(() => outOfServicePixels(page, canvas), { timeout: 10_000, interval: 500 })
      .toBeGreaterThan(10);
  });
});
