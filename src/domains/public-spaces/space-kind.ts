/**
 * Kinds of public space and their outline colours (Okabe–Ito, distinct from the status colours).
 * The outline thickens when the space reaches the warning and alarm thresholds.
 */
import type { Feature } from '../../data/schemas';
import { stringProperty } from '../../map/feature-text';
import { statusColors, type Rgba, type StatusLevel } from '../../ui/theme';

export const SPACE_KINDS = ['park', 'plaza', 'transit', 'venue'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export function spaceKindOf(feature: Feature): SpaceKind | null {
  const value = stringProperty(feature, 'spaceKind');
  return SPACE_KINDS.find((kind) => kind === value) ?? null;
}

export const SPACE_KIND_OUTLINE: Readonly<Record<SpaceKind, Rgba>> = {
  park: [0, 158, 115, 255], // bluish green
  plaza: [240, 228, 66, 255], // yellow
  transit: [0, 114, 178, 255], // blue
  venue: [204, 121, 167, 255], // reddish purple
};

export function spaceOutlineColor(kind: SpaceKind | null): Rgba {
  return kind ? SPACE_KIND_OUTLINE[kind] : statusColors.unknown;
}

export const OUTLINE_WIDTH_PIXELS: Readonly<Record<StatusLevel, number>> = {
  normal: 1.5,
  unknown: 1.5,
  warning: 3,
  alarm: 4.5,
};
