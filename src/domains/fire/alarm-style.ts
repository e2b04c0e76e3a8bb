/**
 * How an active alarm looks: severity sets the core's size and colour; the pulsing ring grows
 * and fades on the animation clock. A confirmed fire (`incident`) carries a "!" and a second
 * ring half a period behind the first; a detector alarm not yet confirmed has one ring.
 */
import type { Feature } from '../../data/schemas';
import { numberProperty, stringProperty } from '../../map/feature-text';
import {
  basemapColors,
  highlightColor,
  statusColors,
  withAlpha,
  type Rgba,
  type StatusLevel,
} from '../../ui/theme';

export type AlarmSeverity = 1 | 2 | 3;
export type AlarmStatus = 'alarm' | 'incident';
export const ALARM_KINDS = ['detector', 'fire'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** A missing or malformed severity counts as high: an alarm is never played down by bad data. */
export function alarmSeverity(feature: Feature): AlarmSeverity {
  const value = numberProperty(feature, 'severity');
  if (value === null) return 3;
  if (value <= 1) return 1;
  if (value < 3) return 2;
  return 3;
}

/** Anything not marked `alarm` is treated as a confirmed incident, for the same reason. */
export function alarmStatus(feature: Feature): AlarmStatus {
  return stringProperty(feature, 'status') === 'alarm' ? 'alarm' : 'incident';
}

export function alarmKind(feature: Feature): AlarmKind | null {
  const value = stringProperty(feature, 'alarmKind');
  return ALARM_KINDS.find((kind) => kind === value) ?? null;
}

export const SEVERITY_STATUS: Readonly<Record<AlarmSeverity, StatusLevel>> = {
  1: 'warning',
  2: 'alarm',
  3: 'alarm',
};

export const SEVERITY_COLOR: Readonly<Record<AlarmSeverity, Rgba>> = {
  1: statusColors[SEVERITY_STATUS[1]],
  2: statusColors[SEVERITY_STATUS[2]],
  3: statusColors[SEVERITY_STATUS[3]],
};

/** Core radius in pixels. */
export const SEVERITY_RADIUS_PIXELS: Readonly<Record<AlarmSeverity, number>> = {
  1: 7,
  2: 9,
  3: 12,
};

export const PULSE_PERIOD_MS = 1600;
/** At the end of a period the ring is this many core radii larger than the core. */
export const PULSE_GROWTH = 1.6;
export const PULSE_LINE_PIXELS = 3;
export const INCIDENT_MARK = '!';
export const CORE_OUTLINE_PIXELS = 2;
export const INCIDENT_OUTLINE: Rgba = highlightColor;
export const ALARM_OUTLINE: Rgba = withAlpha(basemapColors.labelHalo, 1);
export const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** Where in its period a ring is, 0..1, for a clock in ms; `offset` shifts it by a fraction of a period. */
export function pulsePhase(animationTime: number, offset = 0): number {
  if (!Number.isFinite(animationTime)) return offset % 1;
  const phase = (animationTime / PULSE_PERIOD_MS + offset) % 1;
  return phase < 0 ? phase + 1 : phase;
}

/** A ring's size (as a multiple of the core radius) and opacity at a phase: grows and fades out. */
export function pulseRing(phase: number): { readonly radiusScale: number; readonly alpha: number } {
  return { radiusScale: 1 + PULSE_GROWTH * phase, alpha: 1 - phase };
}
