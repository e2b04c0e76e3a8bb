/**
 * Which colours mean what on the map: each layer's colours as its legend on the page promises
 * them, grouped per domain, and the base map's own colours from the theme.
 */
import type { Page } from 'playwright-core';
import { basemapColors } from '../../../src/ui/theme';
import {
  DOMAIN_IDS,
  LAYER_IDS,
  layersOf,
  legendColors,
  setDomainVisible,
  type DomainId,
  type LayerId,
} from './app';
import { hexRgb, pixelsDrawnIn, snapshotMap, type Rgb, type Rgba } from './pixels';

/** Every layer's legend colours (read while the layers are visible). */
async function layerPalettes(page: Page): Promise<ReadonlyMap<LayerId, Rgba[]>> {
  return new Map(
    await Promise.all(LAYER_IDS.map(async (id) => [id, await legendColors(page, id)] as const)),
  );
}

/** The union of each domain's layers' legend colours. */
function domainPalettes(
  layers: ReadonlyMap<LayerId, readonly Rgba[]>,
): ReadonlyMap<DomainId, Rgba[]> {
  return new Map(
    DOMAIN_IDS.map((domain) => [domain, layersOf(domain).flatMap((id) => layers.get(id) ?? [])]),
  );
}

export const BASEMAP_BACKGROUND: Rgb = hexRgb(basemapColors.background);

/** Base-map colours that differ clearly from the background (land is only a shade off it). */
export const BASEMAP_PALETTES = {
  water: [hexRgb(basemapColors.water)],
  parks: [hexRgb(basemapColors.park)],
  roads: [
    hexRgb(basemapColors.roadExpressway),
    hexRgb(basemapColors.roadArterial),
    hexRgb(basemapColors.roadLocal),
  ],
  buildings: [hexRgb(basemapColors.building)],
} as const satisfies Record<string, readonly Rgb[]>;

/** The base map's fills are dark shades a few steps apart: match them tightly. */
export const BASEMAP_TOLERANCE = 4;

/**
 * Each domain alone over the bare base map (the domain checkboxes): how many pixels it draws in
 * its legend's colours. Leaves every domain switched off, with the bare map kept as `bare`.
 */
export async function pixelsPerDomain(page: Page): Promise<ReadonlyMap<DomainId, number>> {
  const palettes = domainPalettes(await layerPalettes(page));
  for (const id of DOMAIN_IDS) await setDomainVisible(page, id, false);
  await snapshotMap(page, 'bare');
  const counts = new Map<DomainId, number>();
  for (const id of DOMAIN_IDS) {
    await setDomainVisible(page, id, true);
    await snapshotMap(page, id);
    counts.set(id, await pixelsDrawnIn(page, 'bare', id, palettes.get(id) ?? []));
    await setDomainVisible(page, id, false);
  }
  return counts;
}
