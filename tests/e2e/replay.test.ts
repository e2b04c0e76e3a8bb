/**
 * Rewinding: one hour back, then played at ×600. Every layer, the KPIs and the alarm list are
 * read at the same cursor and move on together; the REPLAY badge shows all along; the link keeps
 * the time, so a reload opens the same moment; one click returns to live.
 */
import { describe, expect } from 'vitest';
import { layerStatus, openApp, waitForApp } from './support/app';
import { pauseClock } from './support/demo';
import { settleMap, snapshotMap, changedPixels } from './support/pixels';
import { test } from './support/test';

const HOUR_MS = 3_600_000;
const CONGESTION = '[data-testid=kpi-tile][data-kpi="traffic.congestion-index"]';

describe('replay', () => {
  test('an hour back, played at ×600: layers, KPIs and alarm list follow one cursor', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    // A still "now": the replay has a fixed hour to play through.
    await pauseClock(page);
    const timeBar = page.getByTestId('time-bar');
    expect(await timeBar.getAttribute('data-mode')).toBe('live');
    const congestion = page.locator(CONGESTION);
    await expect.poll(() => congestion.getAttribute('data-value')).not.toBe('');
    const liveFigure = Number(await congestion.getAttribute('data-value'));
    await snapshotMap(page, 'live');

    // Every read the page makes from now on, with the time it asks for.
    const reads: { path: string; at: string | null }[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/v1/'))
        reads.push({ path: url.pathname.slice('/api/v1/'.length), at: url.searchParams.get('at') });
    });

    await page.getByTestId('time-back-hour').click();
    await expect.poll(() => timeBar.getAttribute('data-mode')).toBe('replay');
    await expect(page.getByTestId('replay-indicator').isVisible()).resolves.toBe(true);
    const start = Number(await timeBar.getAttribute('data-cursor'));
    const startMinute = new Date(Math.floor(start / 60_000) * 60_000).toISOString();

    // The layers, the figures and the list are all read at the cursor's minute.
    const atStart = () => reads.filter((read) => read.at === startMinute).map((read) => read.path);
    await expect.poll(() => atStart().includes('datasets/traffic.roads/state')).toBe(true);
    await expect.poll(() => atStart().includes('alarms')).toBe(true);
    await expect.poll(() => atStart().includes('datasets/fire.alarms/features')).toBe(true);
    await expect
      .poll(() => page.getByTestId('layer-status').first().textContent())
      .toMatch(/Replay/);
    await expect
      .poll(() => page.getByTestId('alarm-centre-status').textContent())
      .toMatch(/Replay/);
    await expect
      .poll(async () => Number(await congestion.getAttribute('data-value')))
      .not.toBe(liveFigure);
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).not.toBeNull();
    // The roads' own state is the cursor's (not only the figures'); the map draws it a frame or
    // more after the status line says so, hence a poll over settled frames.
    await expect
      .poll(async () =>
        Number(await layerStatus(page, 'traffic.roads').getAttribute('data-observed-at')),
      )
      .toBeLessThan(start + 60_000);
    await expect
      .poll(
        async () => {
          await settleMap(page);
          await snapshotMap(page, 'hour-ago');
          return changedPixels(page, 'live', 'hour-ago');
        },
        { timeout: 30_000, message: 'the roads an hour ago' },
      )
      .toBeGreaterThan(500);

    // A reload of the link opens the same moment.
    await page.reload();
    await waitForApp(page, ['traffic.roads']);
    await expect.poll(() => timeBar.getAttribute('data-mode')).toBe('replay');
    expect(Math.abs(Number(await timeBar.getAttribute('data-cursor')) - start)).toBeLessThan(
      60_000,
    );

    // Play at ×600: the cursor moves on, and every read moves with it, minute by minute.
    await page.getByTestId('time-speed').selectOption('600');
    await page.getByTestId('time-play').click();
    await expect
      .poll(async () => Number(await timeBar.getAttribute('data-cursor')), { timeout: 60_000 })
      .toBeGreaterThan(start + HOUR_MS / 4);
    const stateTimes = new Set(
      reads
        .filter((read) => read.path === 'datasets/traffic.roads/state' && read.at)
        .map((read) => read.at),
    );
    const alarmTimes = new Set(
      reads.filter((read) => read.path === 'alarms' && read.at).map((read) => read.at),
    );
    expect(stateTimes.size).toBeGreaterThan(2);
    // The alarm list was read at every minute the layers were (the trend marks add more).
    for (const time of stateTimes) expect(alarmTimes.has(time)).toBe(true);

    // Caught up with now, the page is live again; so is it after "Back to live" at any time.
    await expect.poll(() => timeBar.getAttribute('data-mode'), { timeout: 90_000 }).toBe('live');
    await page.getByTestId('time-back-hour').click();
    await expect.poll(() => timeBar.getAttribute('data-mode')).toBe('replay');
    await page.getByTestId('time-live').click();
    await expect.poll(() => timeBar.getAttribute('data-mode')).toBe('live');
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBeNull();
    await expect.poll(() => page.getByTestId('layer-status').first().textContent()).toMatch(/Live/);
  });
});
