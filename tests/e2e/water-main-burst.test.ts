/**
 * A presenter triggers the water main burst with the clock at ×60: within simulated minutes the
 * pressure downstream collapses, and the operator sees it as an alarm in the water layer's status
 * line and as alarm-coloured pipes on the map, where the backend says the alarm stands.
 */
import { describe, expect } from 'vitest';
import type { Feature } from '../../src/data/schemas';
import { PIPE_STATUS_COLORS } from '../../src/domains/pipes/networks';
import { WATER_PRESSURE_KPA } from '../../src/domains/pipes/thresholds';
import { jumpTo, layerRow, layerStatus, openApp, project, showOnly } from './support/app';
import {
  lineLength,
  lineMidpoint,
  servedFeatures,
  servedOpenAlarms,
  servedState,
} from './support/city';
import { pauseClock, setClockSpeed, triggerScenario } from './support/demo';
import { countMapColors, settleMap, type Rgb } from './support/pixels';
import { test } from './support/test';

const LAYER = 'pipes.water';
/** At ×60 the pressure alarm stands a few simulated minutes after the burst. */
const ALARM_TIMEOUT_MS = 60_000;
/** Close enough to see one pipe whole and wide. */
const PIPE_ZOOM = 16;
const HALF = 6;

describe('water main burst', () => {
  test('at ×60 the burst raises a pressure alarm in the layer status and on the map', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    const alarmCount = layerRow(page, LAYER).getByTestId('layer-alarm-count');
    expect(await alarmCount.count(), 'no water alarm before the burst').toBe(0);

    await setClockSpeed(page, 60);
    await triggerScenario(page, 'water-main-burst');
    await alarmCount.waitFor({ timeout: ALARM_TIMEOUT_MS });
    // The backend raises its alarm once the low pressure has held for two simulated minutes
    // (two seconds at ×60), while the clock still runs.
    await expect
      .poll(
        async () => (await servedOpenAlarms(page)).filter((a) => a.datasetId === LAYER).length,
        { timeout: ALARM_TIMEOUT_MS, interval: 500, message: 'an open alarm on the water network' },
      )
      .toBeGreaterThan(0);
    // Freeze the city (before the valves close at +12 min) so that the state on the map and the
    // one read below are the same.
    await pauseClock(page);
    expect(Number((await alarmCount.textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0);
    const alarm = (await servedOpenAlarms(page)).find((a) => a.datasetId === LAYER)!;
    expect(alarm.department).toBe('water-utility');

    // The longest pipe under alarm pressure is drawn in the alarm colour, once the map shows the
    // state the backend serves now (its last reading may be from just before the pause).
    const state = await servedState(page, LAYER);
    await expect
      .poll(() => layerStatus(page, LAYER).getAttribute('data-observed-at'), { timeout: 30_000 })
      .toBe(String(Date.parse(state.observedAt)));
    const pressures = state.columns['pressureKpa'] ?? [];
    const low = new Set(
      state.ids.filter((_, i) => {
        const kpa = pressures[i];
        return kpa !== null && kpa !== undefined && kpa < WATER_PRESSURE_KPA.alarmBelow;
      }),
    );
    const pipes = (await servedFeatures(page, LAYER)).features.filter((f: Feature) =>
      low.has(String(f.id)),
    );
    expect(pipes.length, 'pipes below the alarm pressure').toBeGreaterThan(0);
    const pipe = pipes.reduce((a, b) => (lineLength(b) > lineLength(a) ? b : a));
    await showOnly(page, [LAYER]);
    await jumpTo(page, lineMidpoint(pipe), PIPE_ZOOM);
    await settleMap(page);
    const { canvas } = await project(page, lineMidpoint(pipe));
    const side = 2 * HALF + 1;
    const [r, g, b] = PIPE_STATUS_COLORS.alarm;
    const alarmRgb: Rgb = [r, g, b];
    const { counts } = await countMapColors(
      page,
      { alarm: [alarmRgb] },
      {
        region: {
          x: Math.round(canvas.x) - HALF,
          y: Math.round(canvas.y) - HALF,
          width: side,
          height: side,
        },
      },
    );
    expect(counts.alarm, `alarm-coloured pixels at pipe ${String(pipe.id)}`).toBeGreaterThan(0);
  });
});
