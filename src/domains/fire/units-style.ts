/**
 * How a fire engine out on a call looks: a disc filled by its trip status, with a glyph that
 * tells the statuses apart without colour (▲ heading out, ■ working on scene, ▼ heading back).
 * An engine with a missing or unknown status is drawn grey with "?", never as one of the three.
 */
import type { Feature } from '../../data/schemas';
import { stringProperty } from '../../map/feature-text';
import {
  basemapColors,
  congestionColors,
  highlightColor,
  statusColors,
  withAlpha,
  type Rgba,
  type StatusLevel,
} from '../../ui/theme';

/** `unitStatus` values of the `fire.units` dataset, and the message key of each. */
export const UNIT_STATUS_VALUES = {
  dispatched: 'dispatched',
  'on-scene': 'onScene',
  returning: 'returning',
} as const;

export type UnitStatus = (typeof UNIT_STATUS_VALUES)[keyof typeof UNIT_STATUS_VALUES] | 'unknown';

export const UNIT_STATUSES: readonly UnitStatus[] = ['dispatched', 'onScene', 'returning', 'unknown'];

export function unitStatus(feature: Feature): UnitStatus {
  const value = stringProperty(feature, 'unitStatus');
  if (value === null || !Object.hasOwn(UNIT_STATUS_VALUES, value)) return 'unknown';
  return UNIT_STATUS_VALUES[value as keyof typeof UNIT_STATUS_VALUES];
}

/**
 * An engine on its way or at work is busy (warning); one on its way back will soon be ready
 * again (normal). The layer panel counts the busy ones.
 */
export const UNIT_STATUS_LEVEL: Readonly<Record<UnitStatus, StatusLevel>> = {
  dispatched: 'warning',
  onScene: 'warning',
  returning: 'normal',
  unknown: 'unknown',
};

export interface UnitStyle {
  readonly fill: Rgba;
  readonly line: Rgba;
  readonly lineWidth: number;
  readonly glyph: string;
}

const DARK: Rgba = withAlpha(basemapColors.labelHalo, 1);

/**
 * Okabe–Ito colours of the theme: orange, yellow and sky blue stay apart for the common
 * colour-vision deficiencies (and differ in lightness); the glyph separates them anyway.
 */
export const UNIT_STYLE: Readonly<Record<UnitStatus, UnitStyle>> = {
  dispatched: { fill: statusColors.warning, line: highlightColor, lineWidth: 2, glyph: '▲' },
  onScene: { fill: congestionColors.slow, line: highlightColor, lineWidth: 2, glyph: '■' },
  returning: { fill: statusColors.normal, line: DARK, lineWidth: 1.5, glyph: '▼' },
  unknown: { fill: statusColors.unknown, line: DARK, lineWidth: 1.5, glyph: '?' },
};

export const UNIT_GLYPH_COLOR: Rgba = DARK;

/** Every glyph the layer may draw: the text layer's font atlas. */
export const UNIT_GLYPHS = UNIT_STATUSES.map((status) => UNIT_STYLE[status].glyph).join('');

export function unitStyle(feature: Feature): UnitStyle {
  return UNIT_STYLE[unitStatus(feature)];
}
