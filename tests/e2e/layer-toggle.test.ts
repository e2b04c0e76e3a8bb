/**
 * The layer panel's checkboxes: each layer, shown alone over the bare base map, draws in its
 * legend's colours; unticking it gives back exactly the bare base map; ticking it again draws the
 * same picture again. Layers are isolated because several share the status colours (a normal
 * water pipe and an in-service hydrant are the same blue), so only "this layer alone" says which
 * layer drew what. One test per domain keeps each well within its time in software WebGL.
 */
import { describe, expect } from 'vitest';
import { NODE_MIN_ZOOM } from '../../src/domains/pipes/node-style';
import {
  DOMAIN_IDS,
  isAnimated,
  jumpTo,
  layersOf,
  openApp,
  setLayerVisible,
  showOnly,
  type LayerId,
} from './support/app';
import { servedCatalog } from './support/city';
import { fireWithEnginesOut } from './support/demo';
import { layerPalettes } from './support/palettes';
import { changedPixels, pixelsDrawnIn, snapshotMap } from './support/pixels';
import { test } from './support/test';

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

describe('layer checkboxes', () => {
  test.for(DOMAIN_IDS)(
    'turning each %s layer off removes its colours, turning it on brings them back',
    async (domain, { session }) => {
      const { page } = session;
      await openApp(page);
      // Fire alarms and engines exist only while something burns.
      if (domain === 'fire') await fireWithEnginesOut(page);
      const palettes = await layerPalettes(page);
      const catalog = await servedCatalog(page);
      const { bbox } = catalog.city;
      const center = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] as const;
      await showOnly(page, []);

      for (const id of layersOf(domain)) {
        await jumpTo(page, center, zoomFor(id));
        await snapshotMap(page, `${id} bare`);
        await setLayerVisible(page, id, true);
        await snapshotMap(page, `${id} on`);
        await session.screenshot(`${id} alone`);
        await setLayerVisible(page, id, false);
        await snapshotMap(page, `${id} off`);
        await setLayerVisible(page, id, true);
        await snapshotMap(page, `${id} again`);
        await setLayerVisible(page, id, false);

        const drawn = await changedPixels(page, `${id} bare`, `${id} on`);
        expect.soft(drawn, `${id}: pixels it changes when shown`).toBeGreaterThan(MIN_CHANGED);
        const inColour = await pixelsDrawnIn(
          page,
          `${id} bare`,
          `${id} on`,
          palettes.get(id) ?? [],
        );
        expect.soft(inColour, `${id}: pixels in its legend colours`).toBeGreaterThan(MIN_IN_COLOUR);
        expect
          .soft(inColour / drawn, `${id}: share of its pixels in its legend colours`)
          .toBeGreaterThan(MIN_SHARE_IN_COLOUR);
        expect
          .soft(
            await changedPixels(page, `${id} bare`, `${id} off`),
            `${id}: pixels left when hidden`,
          )
          .toBeLessThan(drawn / 100);
        const redrawn = await changedPixels(page, `${id} bare`, `${id} again`);
        if (isAnimated(id)) {
          // Pulsing rings grow and fade: only "drawn again" can be asked of them.
          expect
            .soft(redrawn, `${id}: pixels it changes when shown again`)
            .toBeGreaterThan(MIN_CHANGED);
        } else {
          expect
            .soft(redrawn / drawn, `${id}: pixels changed when shown again / first`)
            .toBeGreaterThan(0.8);
          expect
            .soft(redrawn / drawn, `${id}: pixels changed when shown again / first`)
            .toBeLessThan(1.25);
        }
        // The same picture again, unless the layer's features themselves come and go (alarms).
        const dataset = catalog.datasets.find((candidate) => candidate.id === id);
        if (dataset?.geometryCadenceS === null && !isAnimated(id)) {
          expect
            .soft(
              await changedPixels(page, `${id} on`, `${id} again`),
              `${id}: pixels unlike the first time`,
            )
            .toBeLessThan(drawn / 5);
        }
      }
    },
  );
});
