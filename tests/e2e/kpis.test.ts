/**
 * The KPI bar: every domain's figures with their trends, computed from the same data as the map;
 * a click on a figure shows on the map the features it counts (their layer dimmed, they outlined)
 * and narrows the alarm list to its domain; a second click undoes both.
 */
import { describe, expect } from 'vitest';
import { focusColor } from '../../src/ui/theme';
import { DOMAIN_IDS, openApp, showOnly } from './support/app';
import { pauseClock } from './support/demo';
import { pixelsDrawnIn, settleMap, snapshotMap } from './support/pixels';
import { test } from './support/test';

const CONGESTION = '[data-testid=kpi-tile][data-kpi="traffic.congestion-index"]';

describe('KPI bar', () => {
  test('figures per domain with trends; a click filters the map and the alarm list', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    await pauseClock(page);

    const tiles = page.getByTestId('kpi-tile');
    const domains = new Set(
      await tiles.evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('data-kpi')!.split('.')[0]),
      ),
    );
    expect([...domains].sort()).toEqual([...DOMAIN_IDS].sort());
    // Every trend is drawn by the chart library on its own canvas.
    await expect
      .poll(() => page.locator('[data-testid=kpi-bar] .sparkline canvas').count())
      .toBeGreaterThanOrEqual(await tiles.count());

    // The morning peak of the test city: some roads are congested.
    const congestion = page.locator(CONGESTION);
    await expect
      .poll(async () => Number(await congestion.getAttribute('data-value')))
      .toBeGreaterThan(0);

    await showOnly(page, ['traffic.roads']);
    await snapshotMap(page, 'all-roads');
    await congestion.click();
    expect(await congestion.getAttribute('aria-pressed')).toBe('true');
    await settleMap(page);
    await snapshotMap(page, 'congested-roads');
    expect(
      await pixelsDrawnIn(page, 'all-roads', 'congested-roads', [focusColor], { tolerance: 40 }),
      'the congested roads outlined in the focus colour',
    ).toBeGreaterThan(200);

    // The alarm list shows traffic alarms only.
    await expect.poll(() => page.getByTestId('alarm-filter-domain').inputValue()).toBe('traffic');
    const rowDomains = await page
      .getByTestId('alarm-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-domain')));
    expect(rowDomains.every((domain) => domain === 'traffic')).toBe(true);

    // A second click: the map and the list as they were.
    await congestion.click();
    expect(await congestion.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByTestId('alarm-filter-domain').inputValue()).toBe('');

    // Open alarms by severity: a click narrows the list to that severity.
    const minor = page.getByTestId('kpi-alarms-1');
    await minor.click();
    await expect.poll(() => minor.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.getByTestId('alarm-count-1').getAttribute('aria-pressed'))
      .toBe('true');
  });
});
