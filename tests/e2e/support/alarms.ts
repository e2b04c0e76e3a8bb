/**
 * The alarm centre as an operator uses it: wait for an alarm from a scenario, open it from the
 * list, act on it in the details panel.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { servedOpenAlarms } from './city';

/** At ×60 a burst's pressure alarm stands within a few simulated minutes. */
export const ALARM_TIMEOUT_MS = 60_000;

/** Waits until the backend has an open alarm on `datasetId` and the list shows it; returns its id. */
export async function waitForAlarmIn(page: Page, datasetId: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const alarms = await servedOpenAlarms(page);
        id = alarms.find((alarm) => alarm.datasetId === datasetId)?.id;
        return id !== undefined && (await alarmRow(page, id).count()) > 0;
      },
      {
        timeout: ALARM_TIMEOUT_MS,
        interval: 1_000,
        message: `an alarm on ${datasetId} in the list`,
      },
    )
    .toBe(true);
  return id!;
}

export function alarmRow(page: Page, id: string): Locator {
  return page.locator(`[data-testid="alarm-row"][data-alarm-id="${id}"]`);
}

export function alarmCard(page: Page, id: string): Locator {
  return page.locator(`[data-testid="alarm-card"][data-alarm-id="${id}"]`);
}

/** The backend's view of one alarm's lifecycle. */
export async function servedLifecycle(
  page: Page,
  id: string,
): Promise<{ step: string; version: number; history: { action: string }[] }> {
  return page.evaluate(async (alarmId) => {
    const response = await fetch(`/api/v1/alarms/${encodeURIComponent(alarmId)}`);
    if (!response.ok) throw new Error(`alarm ${alarmId}: HTTP ${response.status}`);
    return (
      (await response.json()) as {
        lifecycle: { step: string; version: number; history: { action: string }[] };
      }
    ).lifecycle;
  }, id);
}
