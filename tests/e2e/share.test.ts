/**
 * A link is the view: the URL follows the camera, the layers, the selected feature, the alarm
 * filters and the language, and opening it in another browser (another profile: nothing
 * remembered) shows the same view. A link with bad values opens anyway and says what it ignored.
 */
import { describe, expect } from 'vitest';
import {
  appUrl,
  camera,
  layerRow,
  openApp,
  showOnly,
  selectAt,
  waitForApp,
  LAYER_IDS,
} from './support/app';
import { launchBrowser } from './support/browser';
import { CITY_TIME, featureName } from './support/city';
import { focusRoad, longestArterial } from './support/roads';
import { test } from './support/test';

describe('sharing the view', () => {
  test('a link restores camera, layers, selection, filters and language in a fresh browser', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    const shown = ['traffic.roads', 'fire.stations'];
    await showOnly(page, shown);
    await page.getByTestId('alarm-count-2').click();
    const road = await longestArterial(page);
    const onScreen = await focusRoad(page, road);
    await selectAt(page, onScreen.mouse);
    await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(onScreen.name);
    await page.getByTestId('language-zh-CN').click();
    const view = await camera(page);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('lang'), {
        message: 'the URL follows the view',
      })
      .toBe('zh-CN');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toContain(String(road.id));
    const link = new URL(page.url());
    expect(link.searchParams.get('sev')).toBe('2');

    const other = await launchBrowser({ calendarAt: CITY_TIME });
    try {
      const fresh = other.page;
      await fresh.goto(link.href);
      await waitForApp(
        fresh,
        LAYER_IDS.filter((id) => id !== 'public-spaces.spaces'),
      );
      const restored = await camera(fresh);
      expect(restored.zoom).toBeCloseTo(view.zoom, 1);
      expect(restored.center[0]).toBeCloseTo(view.center[0], 4);
      expect(restored.center[1]).toBeCloseTo(view.center[1], 4);
      expect(await layerRow(fresh, 'public-spaces.spaces').getAttribute('data-visible')).toBe(
        'false',
      );
      expect(await layerRow(fresh, 'traffic.roads').getAttribute('data-visible')).toBe('true');
      expect(await fresh.getByTestId('language-zh-CN').getAttribute('aria-pressed')).toBe('true');
      expect(await fresh.getByTestId('alarm-count-2').getAttribute('aria-pressed')).toBe('true');
      // The same road, named in the link's language.
      await expect
        .poll(() => fresh.getByTestId('details-title').textContent())
        .toBe(featureName(road, 'zh'));
      expect(other.problems, 'no errors in the second browser').toEqual([]);
    } finally {
      await other.close();
    }
  });

  test('a link with bad values opens the page anyway and says what it ignored', async ({
    session,
  }) => {
    const { page } = session;
    await page.goto(
      appUrl({
        query: {
          cam: 'NaN,31,12',
          layers: 'traffic.roads,<img src=x onerror=alert(1)>',
          sev: '9',
          lang: 'en',
          sel: 'x'.repeat(3000),
        },
      }),
    );
    await waitForApp(page);
    const notice = page.getByTestId('link-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const name of ['cam', 'layers', 'sev', 'sel']) expect(text).toContain(name);
    expect(text).not.toContain('lang');
    expect(await page.locator('img[src=x]').count()).toBe(0);
    // Everything else still works: the layers are live and the map is drawn.
    expect(await layerRow(page, 'traffic.roads').getAttribute('data-visible')).toBe('true');
  });
});
