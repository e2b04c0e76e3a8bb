import { objectTable } from '../../../src/data/feature-table';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpAdapter } from '../../../src/data/http-adapter';
import { createLiveStateDecoder } from '../../../src/data/live-state-decoder';
import { joinLiveState } from '../../../src/data/live-state';
import { mergeLiveState } from '../../../src/data/live-state-merging';
import { createPushedStates, PUSHED_GRACE_MS } from '../../../src/data/pushed-states';
import { openLiveStream, type LiveStreamStatus } from '../../../src/data/live-stream';
import {
  createStreamIngest,
  streamFeeder,
  type StreamBatch,
} from '../../../src/data/live-stream-ingest';
import type { LiveState } from '../../../src/data/schemas';
import { point } from '../domains/builders';

const state = (
  ids: string[],
  speeds: (number | null)[],
  extra: Partial<LiveState> = {},
): LiveState => ({
  dataset: 'x.roads',
  observedAt: '2026-11-26T08:00:00Z',
  cadenceS: 60,
  ids,
  columns: { speed: speeds },
  ...extra,
});
const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const delta = (ids: string[], speeds: (number | null)[], observedAt = '2026-11-26T08:01:00Z') =>
  state(ids, speeds, { since: '2026-11-26T08:00:00Z', observedAt });
const values = (column: ArrayLike<number> | undefined) => [...(column as Float64Array)];

describe('merging live state by id', () => {
  it('takes a whole state as it is, and a delta onto the right rows', () => {
    const whole = mergeLiveState(undefined, state(['a', 'b', 'c'], [1, 2, 3]));
    const merged = mergeLiveState(whole, delta(['c', 'a'], [30, null]));
    expect(merged.ids).toBe(whole.ids);
    expect(values(merged.columns.get('speed'))).toEqual([Number.NaN, 2, 30]);
    expect(merged.observedAt).toBe('2026-11-26T08:01:00Z');
  });

  it('adds rows for new ids at the end, and a new column without readings elsewhere', () => {
    const whole = mergeLiveState(undefined, state(['a', 'b'], [1, 2]));
    const merged = mergeLiveState(whole, {
      ...delta(['c', 'b'], [3, 20]),
      columns: { speed: [3, 20], flow: [300, 200] },
    });
    expect(merged.ids).toEqual(['a', 'b', 'c']);
    expect(values(merged.columns.get('speed'))).toEqual([1, 20, 3]);
    expect(values(merged.columns.get('flow'))).toEqual([Number.NaN, 200, 300]);
  });

  it('keeps the ids array of a whole state sent again with the same ids', () => {
    const first = mergeLiveState(undefined, state(['a', 'b'], [1, 2]));
    const again = mergeLiveState(first, state(['a', 'b'], [5, 6]));
    expect(again.ids).toBe(first.ids);
    expect(mergeLiveState(again, state(['b', 'a'], [5, 6])).ids).not.toBe(first.ids);
  });
});

describe('reading the event stream', () => {
  it('parses events split anywhere, holds each dataset, and batches what changed', () => {
    const ingest = createStreamIngest();
    const text =
      event('clock', {
        mode: 'running',
        time: '2026-11-26T08:00:00Z',
        speed: 60,
        controllable: true,
      }) +
      event('state', state(['a', 'b'], [1, 2])) +
      event('alarm', { id: 'x' }) +
      event('state', delta(['b'], [7]));
    for (let at = 0; at < text.length; at += 7) ingest.feed(text.slice(at, at + 7));
    const batch = ingest.take();
    expect(batch.problems).toEqual([]);
    expect(batch.observations).toBe(3);
    expect(batch.updates).toHaveLength(1);
    const [update] = batch.updates;
    expect(values(update!.readings.columns['speed'])).toEqual([1, 7]);
    // 60 s of cadence at ×60: the next event is due in a second.
    expect(update!.nextDueMs).toBe(1_000);
    expect(ingest.take().updates).toEqual([]);
  });

  it('hands out copies: what was handed out is not changed by later events', () => {
    const ingest = createStreamIngest();
    ingest.feed(event('state', state(['a'], [1])));
    const first = ingest.take().updates[0]!.readings.columns['speed']!;
    ingest.feed(event('state', delta(['a'], [9])));
    const second = ingest.take().updates[0]!;
    expect(values(first)).toEqual([1]);
    expect(values(second.readings.columns['speed'])).toEqual([9]);
    expect(second.sameIds).toBe(true);
  });

  it('drops a bad event with the reason, keeps the rest, and skips datasets not asked for', () => {
    const ingest = createStreamIngest(new Set(['x.roads']));
    ingest.feed('event: state\ndata: {not json\n\n');
    ingest.feed(event('state', state(['a', 'b'], [1, 'fast' as unknown as number])));
    ingest.feed(event('state', state(['z'], [1], { dataset: 'x.other' })));
    ingest.feed(event('state', state(['a'], [4])));
    const batch = ingest.take();
    expect(batch.problems).toHaveLength(2);
    expect(batch.problems[0]).toBe('state event: not JSON');
    expect(batch.problems[1]).toMatch(/^state event: .*columns\.speed\.1/);
    expect(batch.updates.map((update) => update.dataset)).toEqual(['x.roads']);
    expect(batch.broken).toBe(false);
  });

  it('says when an alarm event came, whatever its body, and only in the next batch', () => {
    const ingest = createStreamIngest(new Set(['x.roads']));
    expect(ingest.take().alarmsChanged).toBe(false);
    ingest.feed(event('alarm', { id: 'fire-1' }));
    expect(ingest.take().alarmsChanged).toBe(true);
    expect(ingest.take().alarmsChanged).toBe(false);
    ingest.feed('event: alarms\ndata: {not json\n\n');
    expect(ingest.take().alarmsChanged).toBe(true);
  });

  it('says when the clock stands still that no event is due', () => {
    const ingest = createStreamIngest();
    ingest.feed(
      event('clock', {
        mode: 'paused',
        time: '2026-11-26T08:00:00Z',
        speed: 60,
        controllable: true,
      }),
    );
    ingest.feed(event('state', state(['a'], [1])));
    expect(ingest.take().updates[0]!.nextDueMs).toBeNull();
  });

  it('lands streamed values on the right features once joined to the geometry', () => {
    const ingest = createStreamIngest();
    ingest.feed(event('state', state(['c', 'a', 'ghost'], [3, 1, 9])));
    ingest.feed(event('state', delta(['a'], [10])));
    const { readings } = ingest.take().updates[0]!;
    const geometry = objectTable({
      type: 'FeatureCollection',
      features: [point('a'), point('b'), point('c')],
    });
    const table = joinLiveState(geometry, readings);
    expect(values(table.columns.get('speed'))).toEqual([10, Number.NaN, 3]);
    expect(table.unknownIds).toBe(1);
  });
});

describe('the stream feeder', () => {
  afterEach(() => vi.useRealTimers());

  it('gathers a burst into one batch and sends the next only once the page is ready', () => {
    vi.useFakeTimers();
    const batches: StreamBatch[] = [];
    const feeder = streamFeeder(null, (batch) => batches.push(batch));
    const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
    feeder.feed(bytes(event('state', state(['a'], [1]))));
    feeder.feed(bytes(event('state', delta(['a'], [2]))));
    vi.advanceTimersByTime(150);
    expect(batches).toHaveLength(1);
    feeder.feed(bytes(event('state', delta(['a'], [3]))));
    feeder.feed(bytes(event('state', delta(['a'], [4]))));
    vi.advanceTimersByTime(1_000);
    expect(batches).toHaveLength(1);
    feeder.ready();
    vi.advanceTimersByTime(150);
    expect(batches).toHaveLength(2);
    expect(values(batches[1]!.updates[0]!.readings.columns['speed'])).toEqual([4]);
    feeder.close();
  });

  it('sends a batch for an alarm event alone', () => {
    vi.useFakeTimers();
    const batches: StreamBatch[] = [];
    const feeder = streamFeeder(null, (batch) => batches.push(batch));
    feeder.feed(new TextEncoder().encode(event('alarm', { id: 'fire-1' })).buffer as ArrayBuffer);
    vi.advanceTimersByTime(150);
    expect(batches.map((batch) => batch.alarmsChanged)).toEqual([true]);
    feeder.close();
  });
});

/**
 * A fetch answering `/stream` with the given events, then ending (or staying open, `open`);
 * other URLs with `other`.
 */
function streamingFetch(chunks: string[], other?: () => Response, open = true) {
  const calls: string[] = [];
  const fetch = async (url: string): Promise<Response> => {
    calls.push(url);
    if (!url.includes('/stream')) return other ? other() : new Response('{}', { status: 500 });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        if (!open) controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch, calls };
}

describe('keeping the stream open', () => {
  const options = {
    url: 'https://city.example/api/v1/stream?datasets=x.roads',
    decoder: createLiveStateDecoder(),
    datasets: ['x.roads'],
  };

  it('brings what the source sends, in batches', async () => {
    const { fetch } = streamingFetch([event('state', state(['a'], [1]))]);
    const batches: StreamBatch[] = [];
    const statuses: LiveStreamStatus[] = [];
    const close = openLiveStream({
      ...options,
      fetch,
      onBatch: (batch) => batches.push(batch),
      onStatus: (status) => statuses.push(status),
    });
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    close();
    expect(statuses.map((status) => status.kind)).toEqual(['connecting', 'open']);
    expect(values(batches[0]!.updates[0]!.readings.columns['speed'])).toEqual([1]);
  });

  it('opens it again when the source ends it, and stops when closed', async () => {
    const { fetch, calls } = streamingFetch([], undefined, false);
    const statuses: LiveStreamStatus[] = [];
    const close = openLiveStream({
      ...options,
      fetch,
      onBatch: () => undefined,
      onStatus: (status) => statuses.push(status),
    });
    await vi.waitFor(() => expect(calls.length).toBe(2), { timeout: 3_000 });
    close();
    expect(statuses.slice(0, 3).map((status) => status.kind)).toEqual([
      'connecting',
      'open',
      'down',
    ]);
    // Tried again without saying "connecting": the feed stays down until it opens.
    expect(statuses.slice(3).map((status) => status.kind)).not.toContain('connecting');
    expect(statuses[2]).toMatchObject({ message: 'the source ended the stream' });
  });

  it('does not ask again a source that serves no stream', async () => {
    const statuses: LiveStreamStatus[] = [];
    const fetch = vi.fn(async () => new Response('not here', { status: 404 }));
    openLiveStream({
      ...options,
      fetch,
      onBatch: () => undefined,
      onStatus: (status) => statuses.push(status),
    });
    await vi.waitFor(() => expect(statuses.at(-1)?.kind).toBe('unavailable'));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('backs off after a failure instead of asking again at once', async () => {
    const statuses: LiveStreamStatus[] = [];
    const close = openLiveStream({
      ...options,
      fetch: async () => new Response('busy', { status: 503 }),
      onBatch: () => undefined,
      onStatus: (status) => statuses.push(status),
    });
    await vi.waitFor(() => expect(statuses.at(-1)?.kind).toBe('down'));
    close();
    expect(statuses.at(-1)).toMatchObject({ message: 'HTTP 503', retryInMs: 2_000 });
  });
});

describe('the HTTP adapter with a live stream', () => {
  it('answers reads of now from what was pushed, and from the source once it is overdue', async () => {
    let now = Date.parse('2026-11-26T08:00:30Z');
    let polled = 0;
    const { fetch } = streamingFetch(
      [
        event('clock', {
          mode: 'live',
          time: '2026-11-26T08:00:00Z',
          speed: 1,
          controllable: false,
        }),
        event('state', state(['a'], [1])),
      ],
      () => {
        polled++;
        return Response.json(state(['a'], [2]));
      },
    );
    const adapter = createHttpAdapter({
      baseUrl: 'https://city.example/api/v1',
      fetch,
      now: () => now,
      liveStream: true,
      liveStateDecoder: createLiveStateDecoder(),
    });
    expect(adapter.capabilities.liveStream).toBe(true);
    const pushed: number[] = [];
    const unwatch = adapter.watchLiveState!(['x.roads'], {
      onState: (_, fetched) => pushed.push(fetched.data.columns['speed']![0]!),
    });
    await vi.waitFor(() => expect(pushed).toEqual([1]), { timeout: 3_000 });
    const fromStream = await adapter.getLiveState('x.roads');
    expect(fromStream.data.columns['speed']![0]).toBe(1);
    expect(polled).toBe(0);
    // A read of the past always goes to the source.
    await adapter.getLiveState('x.roads', { at: '2026-11-26T07:00:00Z' });
    expect(polled).toBe(1);
    // A missed event (60 s cadence at ×1) and the grace: the source is asked again.
    now += 60_000 + PUSHED_GRACE_MS + 1_000;
    const overdue = await adapter.getLiveState('x.roads');
    expect(overdue.data.columns['speed']![0]).toBe(2);
    expect(polled).toBe(2);
    unwatch();
  });

  it('polls as before when the stream is off', () => {
    const adapter = createHttpAdapter({ baseUrl: 'https://city.example/api/v1' });
    expect(adapter.capabilities.liveStream).toBe(false);
    expect(adapter.watchLiveState).toBeUndefined();
  });
});

describe('pushed states', () => {
  afterEach(() => vi.useRealTimers());
  const fetched = { data: state(['a'], [1]), fetchedAt: 0 };

  it('answer until their next event is late by the grace period, and say when they are overdue', () => {
    vi.useFakeTimers();
    const overdue: string[] = [];
    const states = createPushedStates(Date.now, (id) => overdue.push(id));
    states.put('x.roads', fetched, 10_000);
    vi.advanceTimersByTime(10_000 + PUSHED_GRACE_MS - 1);
    expect(states.get('x.roads')).toBe(fetched);
    expect(overdue).toEqual([]);
    // A newer event puts the deadline off.
    states.put('x.roads', fetched, 10_000);
    vi.advanceTimersByTime(10_000);
    expect(overdue).toEqual([]);
    vi.advanceTimersByTime(PUSHED_GRACE_MS + 1);
    expect(overdue).toEqual(['x.roads']);
    expect(states.get('x.roads')).toBeNull();
  });

  it('while the clock stands still, answer until the stream goes down, then for the grace period', () => {
    vi.useFakeTimers();
    const overdue: string[] = [];
    const states = createPushedStates(Date.now, (id) => overdue.push(id));
    states.put('x.roads', fetched, null);
    vi.advanceTimersByTime(3_600_000);
    expect(states.get('x.roads')).toBe(fetched);
    states.expireSoon();
    vi.advanceTimersByTime(PUSHED_GRACE_MS + 1);
    expect(overdue).toEqual(['x.roads']);
    states.delete('x.roads');
    expect(states.get('x.roads')).toBeNull();
  });
});
