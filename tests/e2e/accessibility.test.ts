/**
 * The console for everyone: no serious or critical accessibility violations (axe-core) on the
 * page, with the alarm centre, an alarm's details and the search dialog open.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { openApp } from './support/app';
import { test } from './support/test';

async function seriousViolations(page: Page): Promise<string[]> {
  // The map canvas is a picture of the city: its colours are checked by the map tests instead.
  const results = await new AxeBuilder({ page }).exclude('.map-view__canvas').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

describe('accessibility', () => {
  test('the console has no serious accessibility violations', async ({ session }) => {
    const { page } = session;
    await openApp(page);
    expect(await seriousViolations(page), 'the console').toEqual([]);

    const row = page.getByTestId('alarm-row').first();
    if ((await row.count()) > 0) {
      await row.click();
      await page.getByTestId('alarm-card').first().waitFor();
      expect(await seriousViolations(page), 'with an alarm open').toEqual([]);
    }

    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('road');
    await page.getByTestId('search-result').first().waitFor();
    expect(await seriousViolations(page), 'with search open').toEqual([]);
  });
});
