/**
 * Building blocks of the simulated signals: daily profiles, slow smooth noise and keyed
 * randomness. All pure functions of their arguments, so the same time gives the same city.
 */
import { unitHash } from '../city/prng';

/** A bell-shaped bump around `peakHour` on the 24-hour clock (wraps over midnight). */
export function bump(hour: number, peakHour: number, widthH: number): number {
  const d = Math.abs(hour - peakHour);
  const wrapped = Math.min(d, 24 - d);
  return Math.exp(-(wrapped * wrapped) / (2 * widthH * widthH));
}

/**
 * Smooth value noise in [0, 1): random knots every `periodMs`, eased between. Signals wander
 * over minutes instead of jumping at every step.
 */
export function smoothNoise(key: number, timeMs: number, periodMs: number): number {
  const position = timeMs / periodMs;
  const knot = Math.floor(position);
  const t = position - knot;
  const eased = t * t * (3 - 2 * t);
  const a = unitHash(key, knot);
  const b = unitHash(key, knot + 1);
  return a + (b - a) * eased;
}

/** A small random offset in [-amplitude, amplitude] that changes at every step. */
export function stepJitter(key: number, step: number, amplitude: number): number {
  return (unitHash(key, step, 0x5eed) * 2 - 1) * amplitude;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A value in [min, max) chosen by a keyed random number in [0, 1). */
export function between(unit: number, min: number, max: number): number {
  return min + (max - min) * unit;
}
