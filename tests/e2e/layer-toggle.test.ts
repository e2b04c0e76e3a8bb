/**
 * The layer panel's checkboxes: each layer, shown alone over the bare base map, draws in its
 * legend's colours; unticking it gives back exactly the bare base map; ticking it again draws the
 * same picture again. Layers are isolated because several share the status colours (a normal
 * water pipe and an in-service hydrant are the same blue), so only "this layer alone" says which
 * layer drew what.
 */
import { describe, expect } from 'vitest';
import { NODE_MIN_ZOOM } from '../../src/domains/pipes/node-style';
import type { Catalog } from '../../src/data/schemas';
import {
  DOMAIN_IDS,
  datasetOf,
  isAnimated,
  jumpTo,
  layersOf,
  legendColors,
  openApp,
  setLayerVisible,
  showOnly,
  type LayerId,
} from './support/app';
import { servedCatalog, servedFeatures } from './support/city';
import { fireWithEnginesOut } from './support/demo';
import { changedPixels, pixelsDrawnIn, snapshotMap } from './support/pixels';
import { test, type Session } from './support/test';

/** A layer drawn alone changes at least this many pixels (one alarm with its ring does). */
const MIN_CHANGED = 150;
/**
 * Of those, at least this many and this share are its legend's colours. The rest are outlines,
 * symbols and names the legend does not list (a station is a disc with a white rim, a star and
 * its name) and antialiased edges.
 */
const MIN_IN_COLOUR = 50;
const MIN_SHARE_IN_COLOUR = 0.1;

/** The whole town fits at zoom 14; pumps, valves and manholes are drawn only when zoomed in further. */
function zoomFor(id: LayerId): number {
  return id === 'pipes.nodes' ? NODE_MIN_ZOOM + 0.25 : 14;
}

/** Shows the layer alone, hides it, shows it again, and checks each picture against the bare map. */
async function toggleAlone(session: Session, id: LayerId, catalog: Catalog): Promise<void> {
  const { page } = session;
  const { bbox } = catalog.city;
  await jumpTo(page, [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], zoomFor(id));
  await snapshotMap(page, `${id} bare`);

  await setLayerVisible(page, id, true);
  await snapshotMap(page, `${id} on`);
  // The legend is there while the layer is shown.
  const colours = await legendColors(page, id);
  await session.screenshot(`${id} alone`);
  await setLayerVisible(page, id, false);
  await snapshotMap(page, `${id} off`);
  await setLayerVisible(page, id, true);
  await snapshotMap(page, `${id} again`);
  await setLayerVisible(page, id, false);

  const drawn = await changedPixels(page, `${id} bare`, `${id} on`);
  expect.soft(drawn, `${id}: pixels it changes when shown`).toBeGreaterThan(MIN_CHANGED);
  const inColour = await pixelsDrawnIn(page, `${id} bare`, `${id} on`, colours);
  expect.soft(inColour, `${id}: pixels in its legend colours`).toBeGreaterThan(MIN_IN_COLOUR);
  expect
    .soft(inColour / drawn, `${id}: share of its pixels in its legend colours`)
    .toBeGreaterThan(MIN_SHARE_IN_COLOUR);
  expect
    .soft(await changedPixels(page, `${id} bare`, `${id} off`), `${id}: pixels left when hidden`)
    .toBeLessThan(drawn / 100);
  const redrawn = await changedPixels(page, `${id} bare`, `${id} again`);
  if (isAnimated(id)) {
    // Pulsing rings grow and fade: only "drawn again" can be asked of them.
    expect.soft(redrawn, `${id}: pixels it changes when shown again`).toBeGreaterThan(MIN_CHANGED);
  } else {
    expect
      .soft(redrawn / drawn, `${id}: pixels changed when shown again / first`)
      .toBeGreaterThan(0.8);
    expect
      .soft(redrawn / drawn, `${id}: pixels changed when shown again / first`)
      .toBeLessThan(1.25);
  }
  // The same picture again, unless the layer's features come and go (alarms) or it animates.
  const dataset = catalog.datasets.find((candidate) => candidate.id === datasetOf(id));
  if (dataset?.geometryCadenceS === null && !isAnimated(id)) {
    expect
      .soft(
        await changedPixels(page, `${id} on`, `${id} again`),
        `${id}: pixels unlike the first time`,
      )
      .toBeLessThan(drawn / 5);
  }
}

/**
 * One test per domain: one page load for all its layers. The fire domain, with a fire to set
 * first, is the longest: about 50 s on an idle machine, nearly two minutes when the machine is
 * shared, hence its own, longer timeout.
 */
const DOMAIN_TIMEOUT_MS = 180_000;

describe('layer checkboxes', () => {
  test.for(DOMAIN_IDS)(
    'turning each %s layer off removes its colours, turning it on brings them back',
    { timeout: DOMAIN_TIMEOUT_MS },
    async (domain, { session }) => {
      const { page } = session;
      await openApp(page);
      // Alarms and fire engines exist only while something burns: a domain with a layer that has
      // nothing to show gets a fire.
      const layers = layersOf(domain);
      for (const id of layers) {
        if ((await servedFeatures(page, datasetOf(id))).features.length > 0) continue;
        await fireWithEnginesOut(page);
        break;
      }
      const catalog = await servedCatalog(page);
      await showOnly(page, []);
      for (const id of layers) await toggleAlone(session, id, catalog);
    },
  );
});
