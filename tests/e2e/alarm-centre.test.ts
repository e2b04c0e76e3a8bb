/**
 * The operator's alarm centre: a scenario's alarm shows in the list, opening it flies the map to
 * it and highlights it, and it is worked through its lifecycle with every step in its audit
 * trail. An action taken while the source is down is shown at once, stays pending, and reaches
 * the source once it is back.
 */
import { describe, expect } from 'vitest';
import { highlightColor } from '../../src/ui/theme';
import { alarmCard, alarmRow, servedLifecycle, waitForAlarmIn } from './support/alarms';
import { camera, openApp, project } from './support/app';
import { lineMidpoint, servedFeatures } from './support/city';
import { pauseClock, setClockSpeed, triggerScenario } from './support/demo';
import { countMapColors, settleMap, type Rgb } from './support/pixels';
import { test, type Session } from './support/test';

const WATER = 'pipes.water';
/** After the source comes back, the outbox's back-off brings the action within this long. */
const RESEND_MS = 45_000;

async function burstAlarm(session: Session): Promise<string> {
  const { page } = session;
  await openApp(page);
  await setClockSpeed(page, 60);
  await triggerScenario(page, 'water-main-burst');
  const id = await waitForAlarmIn(page, WATER);
  // Freeze the city: the alarm stays put while the test works on it.
  await pauseClock(page);
  return id;
}

describe('alarm centre', () => {
  test('an alarm from the list: fly to it, see it highlighted, work it through its lifecycle', async ({
    session,
  }) => {
    const { page } = session;
    const id = await burstAlarm(session);
    const row = alarmRow(page, id);
    expect(await row.getAttribute('data-unseen')).toBe('true');
    const before = await camera(page);

    await row.click();
    const card = alarmCard(page, id);
    await card.waitFor();
    expect(await row.getAttribute('data-unseen')).toBe('false');
    await expect
      .poll(async () => (await camera(page)).zoom, { message: 'the map flew in' })
      .toBeGreaterThan(before.zoom + 0.5);
    await settleMap(page);

    // The alarm's features are highlighted on the map.
    const alarm = await page.evaluate(
      async (alarmId) =>
        (await (await fetch(`/api/v1/alarms/${alarmId}`)).json()) as { featureIds: string[] },
      id,
    );
    const pipes = (await servedFeatures(page, WATER)).features.filter((f) =>
      alarm.featureIds.includes(String(f.id)),
    );
    const [r, g, b] = highlightColor;
    const white: Rgb = [r, g, b];
    let highlighted = 0;
    const size = await page.evaluate(() => {
      const canvas = window.__cityopsMap!.getCanvas();
      return { width: canvas.width, height: canvas.height };
    });
    for (const pipe of pipes) {
      const { canvas } = await project(page, lineMidpoint(pipe));
      if (canvas.x < 5 || canvas.y < 5 || canvas.x > size.width - 6 || canvas.y > size.height - 6)
        continue;
      const { counts } = await countMapColors(
        page,
        { white: [white] },
        {
          region: {
            x: Math.round(canvas.x) - 5,
            y: Math.round(canvas.y) - 5,
            width: 11,
            height: 11,
          },
          tolerance: 30,
        },
      );
      if (counts.white > 0) highlighted += 1;
    }
    expect(highlighted, 'alarm features drawn highlighted').toBeGreaterThan(0);

    // Acknowledge → dispatch (with a unit) → resolve: each step at once, then confirmed.
    await card.getByTestId('alarm-action-acknowledge').click();
    await expect.poll(() => card.getAttribute('data-step')).toBe('acknowledged');
    await card.getByTestId('dispatch-department').selectOption('water-utility');
    await card.getByTestId('dispatch-assignee').fill('Repair crew 7');
    await card.getByTestId('alarm-action-dispatch').click();
    await expect.poll(() => card.getAttribute('data-step')).toBe('dispatched');
    expect(await card.getByTestId('alarm-dispatched-to').textContent()).toContain('Repair crew 7');
    await card.getByTestId('alarm-note').fill('Valves at both ends being closed');
    await card.getByTestId('alarm-action-note').click();
    await card.getByTestId('alarm-action-resolve').click();
    await expect.poll(() => card.getAttribute('data-step')).toBe('resolved');

    const entries = card.getByTestId('alarm-history-entry');
    await expect
      .poll(
        async () =>
          await entries.evaluateAll((items) =>
            items.map(
              (item) => `${item.getAttribute('data-action')}:${item.getAttribute('data-pending')}`,
            ),
          ),
      )
      .toEqual(['acknowledge:false', 'dispatch:false', 'note:false', 'resolve:false']);
    expect(await card.getByTestId('alarm-history').textContent()).toContain(
      'Valves at both ends being closed',
    );
    const served = await servedLifecycle(page, id);
    expect(served.step).toBe('resolved');
    expect(served.history.map((entry) => entry.action)).toEqual([
      'acknowledge',
      'dispatch',
      'note',
      'resolve',
    ]);
    expect(await row.getAttribute('data-step')).toBe('resolved');
  });

  test('an action another operator beat says why in the page’s language, and the alarm as it is', async ({
    session,
  }) => {
    const { page } = session;
    session.allowConsoleError({
      text: /status of 409/,
      url: /\/api\/v1\/alarms\/[^/]+\/actions$/,
      reason: 'the refused action is the point of the test: the browser logs its 409 answer',
    });
    const id = await burstAlarm(session);
    await alarmRow(page, id).click();
    const card = alarmCard(page, id);
    await card.waitFor();
    const { version } = await servedLifecycle(page, id);
    // Another operator acknowledges it; in the same task, before this page can hear of it, the
    // operator here presses Acknowledge on the card as it stood.
    await page.evaluate(
      async ({ alarmId, expectedVersion }) => {
        const response = await fetch(`/api/v1/alarms/${encodeURIComponent(alarmId)}/actions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ actionId: 'elsewhere-1', action: 'acknowledge', expectedVersion }),
        });
        if (!response.ok) throw new Error(`the other operator's action: HTTP ${response.status}`);
        document
          .querySelector<HTMLButtonElement>('[data-testid="alarm-action-acknowledge"]')!
          .click();
      },
      { alarmId: id, expectedVersion: version },
    );
    const notice = card.getByTestId('outbox-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('conflict');
    expect(await notice.textContent()).toContain('the alarm is now Acknowledged');
    await expect.poll(() => card.getAttribute('data-step')).toBe('acknowledged');
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => notice.textContent()).toContain('告警当前为“已确认”');
    await page.getByTestId('language-en').click();
  });

  test('an action taken while the source is down stays pending and is sent once it is back', async ({
    session,
  }) => {
    const { page } = session;
    session.allowInjected500(
      /\/api\/v1\/alarms/,
      'the alarms source is broken on purpose while the operator acts',
    );
    const id = await burstAlarm(session);
    await alarmRow(page, id).click();
    const card = alarmCard(page, id);
    await card.waitFor();

    await page.evaluate(() => window.__cityopsMock!.faults.set('alarms', '500'));
    await card.getByTestId('alarm-action-acknowledge').click();
    await expect.poll(() => card.getAttribute('data-step')).toBe('acknowledged');
    const entry = card.getByTestId('alarm-history-entry').first();
    expect(await entry.getAttribute('data-pending')).toBe('true');
    await page.waitForTimeout(4_000);
    expect(await entry.getAttribute('data-pending'), 'still pending while the source fails').toBe(
      'true',
    );
    expect(await card.getAttribute('data-step'), 'still shown as taken').toBe('acknowledged');

    await page.evaluate(() => window.__cityopsMock!.faults.clear('alarms'));
    await expect
      .poll(() => entry.getAttribute('data-pending'), { timeout: RESEND_MS })
      .toBe('false');
    const served = await servedLifecycle(page, id);
    expect(served.step).toBe('acknowledged');
    expect(served.history).toHaveLength(1);
  });
});
