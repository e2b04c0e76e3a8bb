/**
 * What makes one segment busier than another at the same hour: congestion hot spots that drift
 * over the city through the day, and slow per-segment wander. Both are smooth in time, and both
 * are set up so that evaluating them for every segment at T is arithmetic on typed arrays:
 * the hot spots are sums of drifting plane waves, sin(p + φ(T)) = sin p cos φ + cos p sin φ
 * with sin p and cos p fixed per segment; the wander is value noise whose knots (one hash per
 * segment every WANDER_PERIOD_MS) are kept for the few most recent knot times.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashInts, hashString, unitHash } from '../../city/prng';
import { MINUTE_MS } from '../../live/clock';
import { between } from '../../live/signals';
import { segmentTable } from './segment-table';

const WAVES = 3;
const DRIFT_PERIOD_MS = 90 * MINUTE_MS;
/** Hot spots make demand about 0.7..1.3 of the usual (0.1 per wave). */
const HOTSPOT_AMPLITUDE = 0.1;
export const WANDER_PERIOD_MS = 20 * MINUTE_MS;
/** Knot times kept per city: a live screen and an alarm window need only a few. */
const KNOTS_KEPT = 8;

interface HotspotBasis {
  readonly sin: readonly Float64Array[];
  readonly cos: readonly Float64Array[];
  readonly phase: Float64Array;
  readonly drift: Float64Array;
}

const hotspotBasis = perCity((city: CityModel): HotspotBasis => {
  const cityKey = hashString(city.id);
  const table = segmentTable(city);
  const n = table.midX.length;
  const sin: Float64Array[] = [];
  const cos: Float64Array[] = [];
  const phase = new Float64Array(WAVES);
  const drift = new Float64Array(WAVES);
  for (let k = 0; k < WAVES; k++) {
    const angle = between(unitHash(cityKey, k, 10), 0, Math.PI);
    const wavelength = city.halfExtentM * between(unitHash(cityKey, k, 11), 0.6, 1.4);
    const wavenumber = (2 * Math.PI) / wavelength;
    const s = new Float64Array(n);
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = (table.midX[i]! * Math.cos(angle) + table.midY[i]! * Math.sin(angle)) * wavenumber;
      s[i] = Math.sin(p);
      c[i] = Math.cos(p);
    }
    sin.push(s);
    cos.push(c);
    phase[k] = between(unitHash(cityKey, k, 12), 0, 2 * Math.PI);
    drift[k] = (k + 1) * 0.3;
  }
  return { sin, cos, phase, drift };
});

/** Hot-spot demand factor of every segment at T, about 0.7..1.3. */
export function hotspotFactors(city: CityModel, t: number, out: Float64Array): Float64Array {
  const basis = hotspotBasis(city);
  out.fill(1);
  for (let k = 0; k < WAVES; k++) {
    const phase = basis.phase[k]! + (t / DRIFT_PERIOD_MS) * basis.drift[k]!;
    const a = HOTSPOT_AMPLITUDE * Math.cos(phase);
    const b = HOTSPOT_AMPLITUDE * Math.sin(phase);
    const s = basis.sin[k]!;
    const c = basis.cos[k]!;
    for (let i = 0; i < out.length; i++) out[i]! += s[i]! * a + c[i]! * b;
  }
  return out;
}

const knotCache = perCity(() => new Map<number, Float64Array>());

/** The random knot values (0..1) of every segment at one knot time. */
function knotValues(city: CityModel, knot: number): Float64Array {
  const cache = knotCache(city);
  let values = cache.get(knot);
  if (!values) {
    const keys = segmentTable(city).key;
    values = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) values[i] = hashInts(keys[i]!, knot) / 4294967296;
    if (cache.size >= KNOTS_KEPT) cache.delete(cache.keys().next().value!);
    cache.set(knot, values);
  }
  return values;
}

/**
 * How much busier or quieter than usual each segment is over the next minutes, 0.85..1.15,
 * multiplied into `out`.
 */
export function applyWander(city: CityModel, t: number, out: Float64Array): Float64Array {
  const position = t / WANDER_PERIOD_MS;
  const knot = Math.floor(position);
  const along = position - knot;
  const eased = along * along * (3 - 2 * along);
  const a = knotValues(city, knot);
  const b = knotValues(city, knot + 1);
  for (let i = 0; i < out.length; i++) out[i]! *= 0.85 + 0.3 * (a[i]! + (b[i]! - a[i]!) * eased);
  return out;
}
