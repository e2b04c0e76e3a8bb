/**
 * Pointing at a road: hovering shows its name and speed, clicking opens its details, and the
 * selected road stays highlighted in white, through a live refresh too.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { trafficMessages } from '../../src/domains/traffic/messages';
import { highlightColor } from '../../src/ui/theme';
import { mouseOffMap, openApp, selectAt, showOnly, waitForNewObservation } from './support/app';
import { countMapColors, settleMap, type Rgb } from './support/pixels';
import { focusRoad, longestArterial, type RoadOnScreen } from './support/roads';
import { triggerScenario, waitForServed } from './support/demo';
import { test } from './support/test';

const WHITE: Rgb = [highlightColor[0], highlightColor[1], highlightColor[2]];
/** Tight: base-map labels are a pale blue (210, 222, 245) and must not count as highlight. */
const WHITE_TOLERANCE = 12;
/**
 * The highlight is a 3-pixel white line; antialiased at an angle, at least about one pixel of its
 * width stays pure white: ask for half a pixel per pixel of road length.
 */
const HIGHLIGHT_PIXELS_PER_LENGTH = 0.5;
/** The tooltip's and the panel's main line: "<speed> km/h · <level>". */
const SPEED_LINE = /\d+ km\/h · (Free flow|Slow|Congested|Jammed)/;

async function whiteOnRoad(page: Page, road: RoadOnScreen): Promise<number> {
  return (
    await countMapColors(page, { white: [WHITE] }, { tolerance: WHITE_TOLERANCE, region: road.box })
  ).counts.white;
}

describe('a road on the map', () => {
  test('hover shows name and speed, click opens details, the selection stays highlighted', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    // Alone on the map, so the mouse meets the road and not a pipe laid along it.
    await showOnly(page, ['traffic.roads']);
    const road = await focusRoad(page, await longestArterial(page));
    const whiteBefore = await whiteOnRoad(page, road);
    const minHighlight = whiteBefore + HIGHLIGHT_PIXELS_PER_LENGTH * road.screenLength;

    await page.mouse.move(road.mouse.x, road.mouse.y);
    const tooltip = page.getByTestId('map-tooltip');
    await tooltip.waitFor();
    await expect.poll(() => tooltip.textContent()).toContain(road.name);
    expect(await tooltip.textContent()).toMatch(SPEED_LINE);
    await session.screenshot('hover');

    await selectAt(page, road.mouse);
    const panel = page.getByTestId('details-panel');
    expect(await page.getByTestId('details-title').textContent()).toBe(road.name);
    expect(await page.getByTestId('details-primary').textContent()).toMatch(SPEED_LINE);
    expect(road.feature.properties['roadClass']).toBe('arterial');
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).toContain(trafficMessages.en.roadClass.arterial);
    expect(panelText).toContain(`${String(road.feature.properties['lanes'])} lanes`);
    expect(panelText).toContain(road.feature.id);

    // Away from the map, hover effects end: what stays white is the selection highlight.
    await mouseOffMap(page);
    await expect.poll(() => tooltip.count()).toBe(0);
    await settleMap(page);
    expect(
      await whiteOnRoad(page, road),
      'white highlight pixels on the selected road',
    ).toBeGreaterThan(minHighlight);
    await session.screenshot('selected');

    // A live refresh recolours the roads; the highlight and the panel stay.
    await waitForNewObservation(page, 'traffic.roads');
    await settleMap(page);
    expect(await whiteOnRoad(page, road), 'white highlight pixels after a refresh').toBeGreaterThan(
      minHighlight,
    );
    expect(await page.getByTestId('details-title').textContent()).toBe(road.name);
  });

  // Fire alarms are on by default and pulse (a new frame every 66 ms): the map must stay
  // clickable while they do, also where drawing a frame takes longer than deck.gl's 250 ms window
  // for a click (software WebGL, a busy wall-screen PC). A fire makes sure alarms are pulsing.
  test('a click selects the road while fire alarms pulse on the map', async ({ session }) => {
    const { page } = session;
    await openApp(page);
    await triggerScenario(page, 'high-rise-fire');
    await waitForServed(page, 'fire.alarms');
    await showOnly(page, ['traffic.roads', 'fire.alarms']);
    const road = await focusRoad(page, await longestArterial(page));
    await page.mouse.move(road.mouse.x, road.mouse.y);
    await page.getByTestId('map-tooltip').waitFor();
    await page.mouse.click(road.mouse.x, road.mouse.y);
    await expect
      .poll(() => page.getByTestId('details-title').count(), {
        timeout: 10_000,
        message: 'one click opened the details panel',
      })
      .toBe(1);
    expect(await page.getByTestId('details-title').textContent()).toBe(road.name);
  });
});
