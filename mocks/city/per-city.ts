/**
 * Caches a value derived from a city (GeoJSON views, per-feature constants of the simulation).
 * The city is immutable, so the derived value never goes stale; the WeakMap lets it go with it.
 */
import { weakMemo } from '../../src/data/weak-memo';
import type { CityModel } from './generate-city';

export function perCity<T>(derive: (city: CityModel) => T): (city: CityModel) => T {
  return weakMemo(derive);
}
