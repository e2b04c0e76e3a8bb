/**
 * The demo panel's controls (the simulated clock and the scenarios), used as a presenter uses
 * them: fire alarms and fire engines exist only while something burns, so the tests that need
 * them set a fire.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { servedFeatures } from './city';

/** The simulated city runs this many times faster while a scenario is brought forward. */
const FAST_SPEED = 60;
/** At ×60 the high-rise fire is reported after a second and engines roll a few seconds later. */
const SCENARIO_TIMEOUT_MS = 60_000;

export async function triggerScenario(page: Page, id: string): Promise<void> {
  const button = page.getByTestId(`scenario-${id}`);
  await button.click();
  await expect.poll(() => button.getAttribute('data-status')).not.toBe('idle');
}

/** Waits until the backend serves at least `count` features of a dataset. */
export async function waitForServed(
  page: Page,
  dataset: string,
  count = 1,
  timeoutMs = SCENARIO_TIMEOUT_MS,
): Promise<void> {
  await expect
    .poll(async () => (await servedFeatures(page, dataset)).features.length, {
      timeout: timeoutMs,
      interval: 1_000,
      message: `${dataset} served`,
    })
    .toBeGreaterThanOrEqual(count);
}

export async function setClockSpeed(page: Page, speed: number): Promise<void> {
  await page.getByTestId(`demo-speed-${speed}`).click();
  await expect
    .poll(() => page.getByTestId('demo-clock-mode').getAttribute('data-mode'))
    .toBe('running');
}

/** Freezes the simulated city, so that what is on the map stays put between two looks at it. */
export async function pauseClock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect
    .poll(() => page.getByTestId('demo-clock-mode').getAttribute('data-mode'))
    .toBe('paused');
}

/**
 * The high-rise fire, brought forward until engines are on their way, then frozen: alarms and
 * engines on the map, standing still.
 */
export async function fireWithEnginesOut(page: Page): Promise<void> {
  await triggerScenario(page, 'high-rise-fire');
  await setClockSpeed(page, FAST_SPEED);
  await waitForServed(page, 'fire.alarms');
  await waitForServed(page, 'fire.units');
  await pauseClock(page);
}
