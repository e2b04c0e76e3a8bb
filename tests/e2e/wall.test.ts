/**
 * The wall screen, run as it runs on a wall: no gesture, a short tour (public/
 * demo-town-wall.config.json). It renders at 1920×1080 and 3840×2160; the tour moves on by
 * itself; a new critical alarm pre-empts it and the tour then resumes; a source that goes down
 * is marked stale "since HH:MM" and recovers; a stalled page is reloaded by the watchdog, back to
 * the same view.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { camera, openApp, waitForApp } from './support/app';
import { test } from './support/test';

const WALL_CONFIG = '/demo-town-wall.config.json';
/** The tour's first view lasts 20 s (the config); the hold after an alarm 20 s. */
const TOUR_MS = 60_000;
/**
 * Each test waits through tour views, holds or the watchdog's threshold on top of a page load in
 * software WebGL (a 4K one draws four times the pixels): beyond the default two minutes.
 */
const WALL_TEST_MS = 240_000;

async function openWall(
  page: Page,
  width: number,
  height: number,
  query: Record<string, string> = {},
): Promise<void> {
  await page.setViewportSize({ width, height });
  // The wall has no layer panel: it is ready when its map is and its sources are live.
  await openApp(page, { query: { config: WALL_CONFIG, ...query }, live: [] });
  await wallSourcesLive(page);
}

async function wallSourcesLive(page: Page): Promise<void> {
  const roads = page.locator('[data-testid=wall-health-item][data-source="traffic.roads"]');
  await expect.poll(() => roads.getAttribute('data-tone'), { timeout: 90_000 }).toBe('live');
}

/** The alarm's extent, as the backend serves it. */
async function alarmBbox(page: Page, id: string): Promise<[number, number, number, number]> {
  return page.evaluate(async (alarmId) => {
    const body = (await (await fetch('/api/v1/alarms')).json()) as {
      alarms: { id: string; bbox: [number, number, number, number] }[];
    };
    const alarm = body.alarms.find((candidate) => candidate.id === alarmId);
    if (!alarm) throw new Error(`alarm ${alarmId} not served`);
    return alarm.bbox;
  }, id);
}

/**
 * The view the tour started at on this page: the shown view (`view:<index>:<seq>`) less the views
 * shown since, in the config's loop of four (the tour may have moved on by the time it is read).
 */
async function tourStart(page: Page): Promise<number> {
  const match = /^view:(\d+):(\d+)$/.exec((await wall(page).getAttribute('data-view')) ?? '');
  if (!match) throw new Error('the wall shows no tour view');
  const views = 4;
  return (((Number(match[1]) - Number(match[2])) % views) + views) % views;
}

function wall(page: Page) {
  return page.getByTestId('wall');
}

async function api(page: Page, path: string, body: unknown): Promise<void> {
  await page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(`/api/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    },
    { path, body },
  );
}

describe('wall screen', () => {
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    test(
      `at ${width}×${height}: map, ribbon, ticker, clock and health, scaled as one`,
      { timeout: WALL_TEST_MS },
      async ({ session }) => {
        const { page } = session;
        await openWall(page, width, height);
        for (const id of [
          'wall',
          'kpi-bar',
          'wall-ticker',
          'wall-clock',
          'wall-health',
          'city-name',
        ])
          await expect(page.getByTestId(id).isVisible(), id).resolves.toBe(true);
        // No console chrome on the wall.
        expect(await page.getByTestId('layer-panel').count()).toBe(0);
        expect(await page.getByTestId('time-bar').count()).toBe(0);
        // One scale factor: the root size is a 96th of the width, nothing is smaller than it.
        const sizes = await page.evaluate(() => {
          const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
          const texts = [...document.querySelectorAll('.wall *')].filter(
            (node) =>
              node.childNodes.length > 0 &&
              [...node.childNodes].some(
                (child) => child.nodeType === 3 && child.textContent?.trim(),
              ),
          );
          const smallest = Math.min(
            ...texts.map((node) => Number.parseFloat(getComputedStyle(node).fontSize)),
          );
          return { root, smallest };
        });
        expect(sizes.root).toBeCloseTo(width / 96, 0);
        expect(sizes.smallest).toBeGreaterThanOrEqual(sizes.root - 0.5);
        await session.screenshot(`wall-${width}x${height}`);
      },
    );
  }

  test(
    'the tour moves on by itself; a new critical alarm pre-empts it, then it resumes',
    { timeout: WALL_TEST_MS },
    async ({ session }) => {
      const { page } = session;
      await openWall(page, 1920, 1080);
      const first = await wall(page).getAttribute('data-view');
      expect(await page.getByTestId('wall-callout').getAttribute('data-kind')).toBe('view');
      await expect
        .poll(() => wall(page).getAttribute('data-view'), { timeout: TOUR_MS })
        .not.toBe(first);
      expect(await wall(page).getAttribute('data-tour')).toBe('touring');

      // A water main bursts: at ×60 its critical alarm is raised within seconds.
      await api(page, 'clock', { action: 'speed', speed: 60 });
      await api(page, 'scenarios/water-main-burst/runs', {});
      await expect
        .poll(() => wall(page).getAttribute('data-tour'), { timeout: TOUR_MS })
        .toBe('featuring');
      const callout = page.getByTestId('wall-callout');
      expect(await callout.getAttribute('data-kind')).toBe('alarm');
      const alarmId = await callout.getAttribute('data-alarm-id');
      expect(alarmId).toBeTruthy();
      await session.screenshot('pre-empted');
      // The map went to the alarm: it is in the middle of the view.
      const [west, south, east, north] = await alarmBbox(page, alarmId!);
      const margin = 0.01;
      await expect
        .poll(async () => {
          const { center } = await camera(page);
          return (
            center[0] > west - margin &&
            center[0] < east + margin &&
            center[1] > south - margin &&
            center[1] < north + margin
          );
        })
        .toBe(true);
      await api(page, 'clock', { action: 'pause' });

      // After the hold, the tour resumes.
      await expect
        .poll(() => wall(page).getAttribute('data-tour'), { timeout: TOUR_MS })
        .toBe('touring');
      expect(await page.getByTestId('wall-callout').getAttribute('data-kind')).toBe('view');
    },
  );

  test(
    'a source that goes down is marked stale since its last data, and recovers',
    { timeout: WALL_TEST_MS },
    async ({ session }) => {
      const { page } = session;
      session.allowInjected500(
        /\/datasets\/traffic\.roads\//,
        'the injected HTTP 500 of traffic.roads',
      );
      await openWall(page, 1920, 1080);
      const roads = page.locator('[data-testid=wall-health-item][data-source="traffic.roads"]');
      await expect.poll(() => roads.getAttribute('data-tone')).toBe('live');
      await page.evaluate(() => window.__cityopsMock!.faults.set('traffic.roads', '500'));
      await expect.poll(() => roads.getAttribute('data-tone'), { timeout: TOUR_MS }).toBe('error');
      expect(await roads.textContent()).toMatch(/since \d{1,2}:\d{2}/);
      // The rest goes on.
      const water = page.locator('[data-testid=wall-health-item][data-source="pipes.water"]');
      if ((await water.count()) > 0) expect(await water.getAttribute('data-tone')).toBe('live');
      await page.evaluate(() => window.__cityopsMock!.faults.clear('traffic.roads'));
      await expect.poll(() => roads.getAttribute('data-tone'), { timeout: TOUR_MS }).toBe('live');
    },
  );

  test(
    'a stalled page is reloaded by the watchdog and comes back to the same view',
    { timeout: WALL_TEST_MS },
    async ({ session }) => {
      const { page } = session;
      // Opened at the tour's third view, as a link (or a reload) names it.
      await openWall(page, 1920, 1080, { tour: '2' });
      expect(await tourStart(page)).toBe(2);
      await expect.poll(() => new URL(page.url()).searchParams.get('cam')).not.toBeNull();
      await page.evaluate(() => {
        // Where the tour stood when the page went away.
        window.addEventListener('pagehide', () => {
          const link = new URL(location.href).searchParams;
          sessionStorage.setItem('tourAtReload', link.get('tour') ?? '');
          sessionStorage.setItem('camAtReload', link.get('cam') ?? '');
        });
        (window as { beforeStall?: boolean }).beforeStall = true;
        // The render loop stops: no frame is drawn any more.
        window.requestAnimationFrame = () => 0;
      });
      // The view as the link holds it when the page stalls.
      await page.waitForTimeout(1_000);
      const before = await camera(page);
      const linked = new URL(page.url()).searchParams.get('cam');
      // The watchdog (20 s in this config) reloads the page.
      await expect
        .poll(
          () => page.evaluate(() => (window as { beforeStall?: boolean }).beforeStall ?? false),
          {
            timeout: TOUR_MS,
            interval: 1_000,
          },
        )
        .toBe(false);
      // Back on the view the link held when the page went away (read as soon as the map is
      // there: the tour moves on from that view once its time is up).
      await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: TOUR_MS });
      const after = await camera(page);
      const startedAt = await tourStart(page);
      const reloadedFrom = await page.evaluate(() => ({
        tour: sessionStorage.getItem('tourAtReload'),
        cam: sessionStorage.getItem('camAtReload'),
      }));
      await waitForApp(page, []);
      expect(await wall(page).isVisible()).toBe(true);
      // The link as it was when the page went away: a flight frozen by the stall never came to
      // rest, so the link may still hold the camera from before it.
      expect(reloadedFrom.cam).toBeTruthy();
      const [lng, lat, zoom] = (reloadedFrom.cam ?? linked ?? '').split(',').map(Number);
      expect(after.zoom).toBeCloseTo(zoom ?? before.zoom, 1);
      expect(after.center[0]).toBeCloseTo(lng ?? before.center[0], 3);
      expect(after.center[1]).toBeCloseTo(lat ?? before.center[1], 3);
      // The tour goes on from the view the link held when the page was reloaded.
      expect(reloadedFrom.tour).toMatch(/^\d+$/);
      expect(startedAt).toBe(Number(reloadedFrom.tour));
    },
  );
});
