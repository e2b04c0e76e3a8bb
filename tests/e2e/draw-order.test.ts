/**
 * An operator needs alarms that are hard to miss: each one drawn whole, on top of the base map.
 * Fire alarms sit in buildings, which the base map extrudes into its depth buffer, and in town,
 * where district and road names are written: neither roofs nor names may cover an alarm.
 */
import { describe, expect } from 'vitest';
import { SEVERITY_RADIUS_PIXELS } from '../../src/domains/fire/alarm-style';
import { jumpTo, openApp, project, setLayerVisible, showOnly } from './support/app';
import { pointPosition, servedCatalog, servedFeatures } from './support/city';
import { changedPixels, snapshotMap } from './support/pixels';
import { pauseClock, triggerScenario, waitForServed } from './support/demo';
import { test } from './support/test';

/** Half the side of a square that fits inside the smallest alarm disc. */
const HALF = Math.floor(Math.min(...Object.values(SEVERITY_RADIUS_PIXELS)) / Math.SQRT2);

describe('drawing order', () => {
  test('fire alarms are drawn whole, over the buildings and the names of the base map', async ({
    session,
  }) => {
    const { page } = session;
    await openApp(page);
    // A fire in the tallest building: the tallest roof around an alarm.
    await triggerScenario(page, 'high-rise-fire');
    await waitForServed(page, 'fire.alarms');
    // Freeze the city: on a busy machine the alarms could otherwise change between two looks.
    await pauseClock(page);
    const { bbox } = (await servedCatalog(page)).city;
    await showOnly(page, []);
    await jumpTo(page, [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], 14);
    await snapshotMap(page, 'bare');
    const before = await servedFeatures(page, 'fire.alarms');
    await setLayerVisible(page, 'fire.alarms', true);
    await snapshotMap(page, 'alarms');
    // Alarms come and go every 5 s: check those on the map both before and after the snapshot.
    const after = new Set(
      (await servedFeatures(page, 'fire.alarms')).features.map((alarm) => alarm.id),
    );
    const alarms = before.features.filter((alarm) => after.has(alarm.id));
    expect(alarms.length, 'alarms on the map').toBeGreaterThan(0);

    const side = 2 * HALF + 1;
    for (const alarm of alarms) {
      const { canvas } = await project(page, pointPosition(alarm));
      const region = {
        x: Math.round(canvas.x) - HALF,
        y: Math.round(canvas.y) - HALF,
        width: side,
        height: side,
      };
      const covered = await changedPixels(page, 'bare', 'alarms', { region });
      expect
        .soft(covered / (side * side), `share of alarm ${alarm.id}'s core drawn`)
        .toBeGreaterThan(0.9);
    }
  });
});
