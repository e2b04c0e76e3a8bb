/**
 * Live data refreshes under the operator's hands without disturbing them: through three refresh
 * cycles of the roads (every 10 s; alarms every 5 s), the camera does not move, the open details
 * panel keeps its feature, and the values on it are new each time. That is checked on the polling
 * path (the live feed off), whose responses the test can read; the live feed pushes the same
 * state, and its own test checks that it does, that nothing is polled while it flows, and that
 * polling takes over while it is down.
 */
import type { Response } from 'playwright-core';
import { describe, expect } from 'vitest';
import { liveStateSchema } from '../../src/data/schemas';
import {
  camera,
  layerStatus,
  mouseOffMap,
  openApp,
  patchConfig,
  selectAt,
  showOnly,
  waitForNewObservation,
} from './support/app';
import { isApiRequest } from './support/city';
import { settleMap } from './support/pixels';
import { focusRoad, longestArterial } from './support/roads';
import { test } from './support/test';

const CYCLES = 3;
/** Three 10-second cycles, plus slack for a slow software-rendered frame. */
const CYCLES_TIMEOUT_MS = 60_000;

describe('live refresh', () => {
  test('three refresh cycles keep the camera and the open details, and bring new values', async ({
    session,
  }) => {
    const { page } = session;
    await patchConfig(page, { liveStream: false });
    await openApp(page);
    // Roads to select and alarms (the fastest cadence) on the map; pipes along the roads would
    // take the click.
    await showOnly(page, ['traffic.roads', 'fire.alarms']);
    const road = await focusRoad(page, await longestArterial(page));
    await selectAt(page, road.mouse);
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(road.name);
    await mouseOffMap(page);
    await settleMap(page);
    const before = await camera(page);
    expect(before.dataCenter, 'the map publishes its centre after a move').not.toBeNull();

    // Count refreshes as they arrive, keeping each roads state body.
    const roadStates: unknown[] = [];
    let alarmRefreshes = 0;
    const onResponse = (response: Response) => {
      if (isApiRequest(response.url(), 'datasets/traffic.roads/state'))
        roadStates.push(response.json());
      if (isApiRequest(response.url(), 'datasets/fire.alarms/features')) alarmRefreshes += 1;
    };
    page.on('response', onResponse);
    await expect
      .poll(() => roadStates.length, { timeout: CYCLES_TIMEOUT_MS, interval: 500 })
      .toBeGreaterThanOrEqual(CYCLES);
    page.off('response', onResponse);
    // Let the last refresh reach the screen.
    await settleMap(page);

    const states = (await Promise.all(roadStates)).map((body) => liveStateSchema.parse(body));
    const observed = states.map((state) => Date.parse(state.observedAt));
    for (let i = 1; i < observed.length; i += 1) {
      expect(observed[i], 'each refresh is a newer observation').toBeGreaterThan(
        observed[i - 1] ?? Infinity,
      );
    }
    const speeds = states.map((state) => JSON.stringify(state.columns['speedKmh']));
    expect(new Set(speeds).size, 'speeds changed over the refreshes').toBeGreaterThan(1);
    // Every 5 s: about twice as many, but a busy machine stretches the intervals.
    expect(alarmRefreshes, 'alarm refreshes (every 5 s)').toBeGreaterThanOrEqual(CYCLES);

    // The operator's view is exactly as they left it.
    expect(await camera(page)).toEqual(before);
    expect(await page.getByTestId('details-title').textContent()).toBe(road.name);
    // "Observed" tells the age of the latest data: fresh, not the age of the first load. A
    // refresh comes every 10 s; a busy machine may take a few seconds more to show it.
    const observedText = (await page.getByTestId('details-observed').textContent()) ?? '';
    expect(observedText).toMatch(/^(just now|\d+ s ago)$/);
    const ageS = observedText === 'just now' ? 0 : Number.parseInt(observedText, 10);
    expect(ageS, 'seconds since the latest observation').toBeLessThanOrEqual(20);
  });

  test('the live feed pushes the state: nothing is polled while it flows, polling stands in while it is down', async ({
    session,
  }) => {
    const { page } = session;
    session.allowInjected500(/\/api\/v1\/stream/, 'the injected HTTP 500 of the event stream');
    // Live reads of now (not replays or trend marks) of the roads, as they are made.
    let roadPolls = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (
        isApiRequest(request.url(), 'datasets/traffic.roads/state') &&
        !url.searchParams.has('at')
      )
        roadPolls += 1;
    });
    const feed = page.getByTestId('live-feed');

    // The stream fails: every layer goes live all the same, by polling, and the feed says so.
    await openApp(page, { query: { mockFaults: 'stream:500' } });
    await expect.poll(() => feed.getAttribute('data-state')).toBe('down');
    expect(await feed.textContent()).toBe('Live feed down: polling');
    await waitForNewObservation(page, 'traffic.roads');
    expect(roadPolls, 'polls while the stream is down').toBeGreaterThan(0);

    // Back: the feed opens again by itself and brings the updates; nothing is polled.
    await page.evaluate(() => window.__cityopsMock!.faults.clear('stream'));
    await expect
      .poll(() => feed.getAttribute('data-state'), { timeout: CYCLES_TIMEOUT_MS })
      .toBe('open');
    await waitForNewObservation(page, 'traffic.roads');
    const pollsBefore = roadPolls;
    const observed: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      await waitForNewObservation(page, 'traffic.roads');
      observed.push(
        Number(await layerStatus(page, 'traffic.roads').getAttribute('data-observed-at')),
      );
    }
    expect(roadPolls, 'polls while the stream flows').toBe(pollsBefore);
    for (let i = 1; i < observed.length; i += 1)
      expect(observed[i], 'each update is a newer observation').toBeGreaterThan(observed[i - 1]!);
    await expect
      .poll(async () => Number(await feed.getAttribute('data-observations-per-s')))
      .toBeGreaterThan(0);
    expect(await feed.textContent()).toMatch(/^Live feed · [\d,]+\/s$/);
    expect(await layerStatus(page, 'traffic.roads').getAttribute('data-phase')).toBe('live');
  });
});
