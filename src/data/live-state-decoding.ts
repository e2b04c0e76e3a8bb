/**
 * Turning a live state response's bytes into readings: decoded, parsed, checked against the
 * contract and its columns put into typed arrays (NaN for "no reading"). Pure, so that it runs
 * the same in the decoding worker (live-state.worker.ts) and, where there are no workers, in
 * place.
 */
import { summarizeIssues, type Decoded } from './http-client';
import { packTexts } from './packed-texts';
import { liveStateSchema, type LiveReadings } from './schemas';

export type DecodedLiveState = Decoded<LiveReadings>;

const utf8 = new TextDecoder();

export function decodeLiveState(bytes: ArrayBuffer): DecodedLiveState {
  return decodeLiveStateText(utf8.decode(bytes));
}

/** The same, from text (an event of a stream). */
export function decodeLiveStateText(text: string): DecodedLiveState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = liveStateSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: 'invalid', summary: summarizeIssues(parsed.error) };
  const columns: Record<string, Float64Array> = {};
  for (const [key, values] of Object.entries(parsed.data.columns)) {
    const column = new Float64Array(values.length);
    for (let row = 0; row < values.length; row++) column[row] = values[row] ?? Number.NaN;
    columns[key] = column;
  }
  return { ok: true, value: { ...parsed.data, columns } };
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The typed columns' buffers, to hand over rather than copy. */
export function columnBuffers(state: LiveReadings): ArrayBuffer[] {
  return Object.values(state.columns).flatMap((column) =>
    column instanceof Float64Array ? [column.buffer as ArrayBuffer] : [],
  );
}

/**
 * Readings as the page gets them: ids it already has left out (`ids` empty, no `packedIds`), new
 * ids packed (`packedIds`), so that the page's heap holds no string per feature.
 */
export function readingsForPage<R extends LiveReadings>(readings: R, same: boolean): R {
  return same
    ? { ...readings, ids: [] }
    : { ...readings, ids: [], packedIds: packTexts(readings.ids) };
}

/** The buffers handed over with readings: their columns and packed ids. */
export function readingsBuffers(readings: LiveReadings): ArrayBuffer[] {
  const packed = readings.packedIds;
  return [
    ...columnBuffers(readings),
    ...(packed ? [packed.bytes.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer] : []),
  ];
}
