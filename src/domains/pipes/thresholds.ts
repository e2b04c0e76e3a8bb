/**
 * Pipe network status from live readings, by the thresholds in `docs/api/datasets.md`.
 * A missing reading is `unknown`, never `normal`.
 */
import type { StatusLevel } from '../../ui/theme';

/** Water supply pressure (kPa): below `warningBelow` is a warning, below `alarmBelow` an alarm. */
export const WATER_PRESSURE_KPA = { warningBelow: 250, alarmBelow: 180 } as const;

/** Drainage fill ratio (0..1 of pipe height): above `warningAbove` a warning, above `alarmAbove` an alarm. */
export const DRAINAGE_FILL = { warningAbove: 0.7, alarmAbove: 0.9 } as const;

export const GAS_PRESSURE_CLASSES = ['low', 'medium'] as const;
export type GasPressureClass = (typeof GAS_PRESSURE_CLASSES)[number];

export interface PressureBand {
  /** Inside [min, max] (inclusive) is normal; outside is a warning. */
  readonly warning: { readonly min: number; readonly max: number };
  /** Outside [min, max] (inclusive) is an alarm. */
  readonly alarm: { readonly min: number; readonly max: number };
}

/** Gas pressure bands (kPa) per pressure class. */
export const GAS_PRESSURE_KPA: Readonly<Record<GasPressureClass, PressureBand>> = {
  low: { warning: { min: 1.6, max: 3.4 }, alarm: { min: 1.2, max: 3.8 } },
  medium: { warning: { min: 80, max: 350 }, alarm: { min: 50, max: 400 } },
};

export function waterStatus(pressureKpa: number | null): StatusLevel {
  if (pressureKpa === null || !Number.isFinite(pressureKpa)) return 'unknown';
  if (pressureKpa < WATER_PRESSURE_KPA.alarmBelow) return 'alarm';
  if (pressureKpa < WATER_PRESSURE_KPA.warningBelow) return 'warning';
  return 'normal';
}

export function drainageStatus(fillRatio: number | null): StatusLevel {
  if (fillRatio === null || !Number.isFinite(fillRatio)) return 'unknown';
  if (fillRatio > DRAINAGE_FILL.alarmAbove) return 'alarm';
  if (fillRatio > DRAINAGE_FILL.warningAbove) return 'warning';
  return 'normal';
}

export function gasPressureClass(value: string | null): GasPressureClass | null {
  return GAS_PRESSURE_CLASSES.find((pressureClass) => pressureClass === value) ?? null;
}

/** Unknown when the reading or the pipe's pressure class is missing: the band cannot be chosen. */
export function gasStatus(
  pressureKpa: number | null,
  pressureClass: GasPressureClass | null,
): StatusLevel {
  if (pressureKpa === null || !Number.isFinite(pressureKpa) || pressureClass === null)
    return 'unknown';
  const band = GAS_PRESSURE_KPA[pressureClass];
  if (pressureKpa < band.alarm.min || pressureKpa > band.alarm.max) return 'alarm';
  if (pressureKpa < band.warning.min || pressureKpa > band.warning.max) return 'warning';
  return 'normal';
}
