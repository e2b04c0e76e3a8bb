import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetched } from '../../../../src/data/adapter';
import { AdapterError } from '../../../../src/data/errors';
import type { SensorThingsState, StateValues } from '../../../../src/data/sources/sensorthings';
import {
  GATHER_MS,
  RECONNECT_MS,
  observationsTopic,
  watchSensorThings,
  type FeedClient,
} from '../../../../src/data/sources/sensorthings-mqtt';
import { sensorThingsSourceSchema } from '../../../../src/data/sources/source-config';

const source = sensorThingsSourceSchema.parse({
  adapter: 'sensorthings',
  url: 'https://sta.city.example/v1.1',
  columns: { inService: 'inService' },
  mqtt: { url: 'ws://127.0.0.1:9001' },
}) as Parameters<typeof watchSensorThings>[0]['source'];

/** An MQTT client that does what the test says. */
function fakeClient() {
  const listeners = new Map<string, ((...args: never[]) => void)[]>();
  const client = {
    subscribed: [] as string[],
    ended: false,
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return client;
    },
    subscribe(topics: string[], callback: (error: Error | null) => void) {
      client.subscribed.push(...topics);
      callback(null);
      return client;
    },
    end() {
      client.ended = true;
      return client;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? [])
        (listener as (...a: unknown[]) => void)(...args);
    },
    publish(datastream: string, observation: unknown) {
      client.emit(
        'message',
        observationsTopic('v1.1', datastream),
        new TextEncoder().encode(JSON.stringify(observation)),
      );
    },
  };
  return client;
}

function stateRead(inService: (number | null)[], observedAt = '2026-01-15T00:00:00.000Z') {
  return async (): Promise<Fetched<SensorThingsState>> => ({
    data: {
      readings: { observedAt, ids: ['h-1', 'h-2'], columns: { inService } },
      places: new Map([
        ['11', { row: 0, column: 'inService' }],
        ["a'b", { row: 1, column: 'inService' }],
      ]),
    },
    fetchedAt: 0,
  });
}

describe('watchSensorThings', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function started(read = stateRead([1, 1])) {
    const client = fakeClient();
    const states: Fetched<StateValues>[] = [];
    const problems: (string | null)[] = [];
    const reads = vi.fn(read);
    const stop = watchSensorThings({
      source,
      read: reads,
      now: () => 5,
      onState: (state) => states.push(state),
      onProblem: (problem) => problems.push(problem?.message ?? null),
      connect: async () => client as unknown as FeedClient,
    });
    await vi.advanceTimersByTimeAsync(0);
    client.emit('connect');
    return { client, states, problems, reads, stop };
  }

  it("subscribes to every Datastream's observations and puts each where it belongs", async () => {
    const { client, states, problems } = await started();
    expect(client.subscribed).toEqual([
      'v1.1/Datastreams(11)/Observations',
      "v1.1/Datastreams('a''b')/Observations",
    ]);
    expect(problems).toEqual([null]);
    client.publish("a'b", { result: false, phenomenonTime: '2026-01-15T00:01:00.000Z' });
    client.publish('11', { result: 0, phenomenonTime: '2026-01-15T00:02:00.000Z' });
    expect(states).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(GATHER_MS);
    // Both in one new state.
    expect(states).toHaveLength(1);
    expect(states[0]!.data).toEqual({
      observedAt: '2026-01-15T00:02:00.000Z',
      ids: ['h-1', 'h-2'],
      columns: { inService: [0, 0] },
    });
    expect(states[0]!.fetchedAt).toBe(5);
  });

  it('never changes a state it handed on, and lets no older observation replace a newer one', async () => {
    const { client, states } = await started();
    client.publish('11', { result: 0, phenomenonTime: '2026-01-15T00:05:00.000Z' });
    await vi.advanceTimersByTimeAsync(GATHER_MS);
    client.publish('11', { result: 1, phenomenonTime: '2026-01-15T00:04:00.000Z' });
    client.publish('11', { result: 7, phenomenonTime: '2026-01-15T00:06:00.000Z' });
    await vi.advanceTimersByTimeAsync(GATHER_MS);
    expect(states.map((state) => state.data.columns['inService']![0])).toEqual([0, 7]);
  });

  it('ignores other topics and payloads that are not observations', async () => {
    const { client, states } = await started();
    client.publish('99', { result: 0, phenomenonTime: '2026-01-15T00:05:00.000Z' });
    client.emit('message', 'v1.1/Datastreams(11)/Observations', new TextEncoder().encode('{oops'));
    client.publish('11', { value: 0 });
    client.publish('11', { result: 0, phenomenonTime: 'yesterday' });
    await vi.advanceTimersByTimeAsync(GATHER_MS);
    expect(states).toHaveLength(0);
  });

  it('says when the broker is gone, and reads everything again when it is back', async () => {
    const { client, problems, reads, states } = await started();
    client.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:9001'));
    client.emit('offline');
    expect(problems.slice(1)).toEqual([
      'ws://127.0.0.1:9001: connect ECONNREFUSED 127.0.0.1:9001',
      'ws://127.0.0.1:9001: the broker cannot be reached',
    ]);
    reads.mockImplementation(stateRead([0, 1], '2026-01-15T00:09:00.000Z'));
    client.emit('connect');
    await vi.advanceTimersByTimeAsync(0);
    expect(problems.at(-1)).toBeNull();
    expect(reads).toHaveBeenCalledTimes(2);
    expect(states.at(-1)!.data.columns['inService']).toEqual([0, 1]);
  });

  it('gives its problems as the contract errors: a broker gone is network, a failed read its own kind', async () => {
    const kinds: (string | null)[] = [];
    const client = fakeClient();
    let calls = 0;
    const stop = watchSensorThings({
      source,
      read: async () => {
        calls++;
        if (calls === 1)
          throw new AdapterError('http', 'fire.hydrants: HTTP 503', {
            resource: 'fire.hydrants',
            status: 503,
          });
        return stateRead([1, 1])();
      },
      now: () => 0,
      onState: () => undefined,
      onProblem: (problem) => kinds.push(problem ? `${problem.kind} ${problem.resource}` : null),
      connect: async () => client as unknown as FeedClient,
    });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(RECONNECT_MS);
    client.emit('connect');
    await vi.advanceTimersByTimeAsync(0);
    client.emit('offline');
    expect(kinds).toEqual(['http ws://127.0.0.1:9001', null, 'network ws://127.0.0.1:9001']);
    stop();
  });

  it('retries when the first read fails, and stops cleanly', async () => {
    let calls = 0;
    const client = fakeClient();
    const problems: (string | null)[] = [];
    const stop = watchSensorThings({
      source,
      read: async () => {
        calls++;
        if (calls === 1) throw new Error('fire.hydrants: source unreachable');
        return stateRead([1, 1])();
      },
      now: () => 0,
      onState: () => undefined,
      onProblem: (problem) => problems.push(problem?.message ?? null),
      connect: async () => client as unknown as FeedClient,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(problems).toEqual(['ws://127.0.0.1:9001: fire.hydrants: source unreachable']);
    await vi.advanceTimersByTimeAsync(RECONNECT_MS);
    expect(calls).toBe(2);
    stop();
    expect(client.ended).toBe(true);
  });
});
