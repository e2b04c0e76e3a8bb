/**
 * Sources fail; the page holds. A failing layer says so in its own status line while every other
 * layer works, and recovers by itself once its source does; a hostile response is an error, never
 * markup or script; a layer that had data keeps it on the map, marked stale, when its source
 * starts failing.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { MARKUP } from '../../mocks/handlers/hostile-bodies';
import {
  LAYER_IDS,
  layerStatus,
  legendColors,
  openApp,
  showOnly,
  waitForLayerPhase,
  type LayerId,
} from './support/app';
import { changedPixels, pixelsDrawnIn, snapshotMap } from './support/pixels';
import { test, type Session } from './support/test';

/** Backoff retries after an outage: the layer must be back within this long. */
const RECOVERY_MS = 30_000;
const MIN_PIXELS = 200;

/** The layer whose source these tests break on purpose logs its 500s; any other error fails. */
function allowInjected500(session: Session, dataset: LayerId): void {
  session.allowInjected500(
    new RegExp(`/datasets/${dataset.replaceAll('.', '\\.')}/`),
    `the injected HTTP 500 of ${dataset}`,
  );
}

function others(id: LayerId): LayerId[] {
  return LAYER_IDS.filter((layer) => layer !== id);
}

async function setFault(
  page: Page,
  dataset: string,
  kind: '500' | 'hostile' | null,
): Promise<void> {
  await page.evaluate(
    ({ dataset, kind }) => {
      const mock = window.__cityopsMock;
      if (!mock) throw new Error('window.__cityopsMock is not set: the mock backend is off');
      if (kind) mock.faults.set(dataset, kind);
      else mock.faults.clear(dataset);
    },
    { dataset, kind },
  );
}

describe('failing sources', () => {
  test('a failing layer shows its error, the others go live, and it recovers by itself', async ({
    session,
  }) => {
    const { page } = session;
    allowInjected500(session, 'fire.hydrants');
    await openApp(page, {
      query: { mockFaults: 'fire.hydrants:500' },
      live: others('fire.hydrants'),
    });
    await waitForLayerPhase(page, 'fire.hydrants', 'error');
    expect(await layerStatus(page, 'fire.hydrants').textContent()).toContain('HTTP 500');
    for (const id of others('fire.hydrants'))
      expect.soft(await layerStatus(page, id).getAttribute('data-phase'), id).toBe('live');
    expect(
      await page.getByTestId('error-notice').count(),
      'no page-level error for one layer',
    ).toBe(0);
    // The data-health summary counts it, and lists it with its error.
    const health = page.getByTestId('data-health');
    await expect.poll(() => health.getAttribute('data-failing')).toBe('1');
    await health.click();
    expect(await page.getByTestId('data-health-panel').textContent()).toContain('HTTP 500');
    await health.click();

    // The other layers draw (the roads, say); the hydrants, with no data yet, draw nothing.
    const roadColours = await legendColors(page, 'traffic.roads');
    await showOnly(page, []);
    await snapshotMap(page, 'bare');
    await showOnly(page, ['traffic.roads']);
    await snapshotMap(page, 'roads');
    expect(await pixelsDrawnIn(page, 'bare', 'roads', roadColours), 'road pixels').toBeGreaterThan(
      MIN_PIXELS,
    );
    await showOnly(page, ['fire.hydrants']);
    await snapshotMap(page, 'hydrants failing');
    expect(
      await changedPixels(page, 'bare', 'hydrants failing'),
      'hydrant pixels while failing',
    ).toBeLessThan(MIN_PIXELS / 10);
    await session.screenshot('failing');

    await setFault(page, 'fire.hydrants', null);
    await waitForLayerPhase(page, 'fire.hydrants', 'live', RECOVERY_MS);
    await showOnly(page, ['fire.hydrants']);
    await snapshotMap(page, 'hydrants recovered');
    expect(
      await changedPixels(page, 'bare', 'hydrants recovered'),
      'hydrant pixels after recovery',
    ).toBeGreaterThan(MIN_PIXELS);
  });

  test('a hostile response is shown as an error and never run as markup', async ({ session }) => {
    const { page } = session;
    await openApp(page, {
      query: { mockFaults: 'fire.stations:hostile' },
      live: others('fire.stations'),
    });
    await waitForLayerPhase(page, 'fire.stations', 'error');
    expect(await layerStatus(page, 'fire.stations').textContent()).toMatch(/^Error: /);
    // The page is whole: every other layer live, the map ready, no page-level error.
    for (const id of others('fire.stations'))
      expect.soft(await layerStatus(page, id).getAttribute('data-phase'), id).toBe('live');
    expect(await page.locator('[data-testid=map][data-ready=true]').count()).toBe(1);
    expect(await page.getByTestId('error-notice').count()).toBe(0);
    // Its markup (an <img> whose onerror would open a dialog) never became an element. A dialog
    // would also fail the test through the session's checks.
    expect(MARKUP, 'the injected markup is the <img> looked for').toContain('<img src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(session.problems.filter((problem) => problem.kind === 'dialog')).toEqual([]);
  });

  test('a layer that had data keeps it on the map, marked stale, when its source fails', async ({
    session,
  }) => {
    const { page } = session;
    allowInjected500(session, 'traffic.roads');
    await openApp(page);
    await showOnly(page, []);
    await snapshotMap(page, 'bare');
    await showOnly(page, ['traffic.roads']);
    await snapshotMap(page, 'live');
    const drawn = await changedPixels(page, 'bare', 'live');
    expect(drawn, 'road pixels while live').toBeGreaterThan(MIN_PIXELS);
    expect(await layerStatus(page, 'traffic.roads').getAttribute('data-stale')).toBe('false');

    await setFault(page, 'traffic.roads', '500');
    await waitForLayerPhase(page, 'traffic.roads', 'error', RECOVERY_MS);
    expect(await layerStatus(page, 'traffic.roads').getAttribute('data-stale')).toBe('true');
    expect(await layerStatus(page, 'traffic.roads').textContent()).toContain('showing data from');
    await snapshotMap(page, 'failing');
    await session.screenshot('stale');
    // Still the same roads in the same colours: nothing blanked.
    expect(
      await changedPixels(page, 'live', 'failing'),
      'pixels changed since the failure',
    ).toBeLessThan(drawn / 10);
  });
});
