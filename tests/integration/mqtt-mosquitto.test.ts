/**
 * The SensorThings MQTT feed against a real broker (mosquitto over WebSockets, scripts/servers).
 * Runs where `CITYOPS_MQTT_WS_URL` is set: CI starts the broker and sets it.
 */
import { connect } from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { Fetched } from '../../src/data/adapter';
import type { SensorThingsState, StateValues } from '../../src/data/sources/sensorthings';
import { observationsTopic, watchSensorThings } from '../../src/data/sources/sensorthings-mqtt';
import { sensorThingsSourceSchema } from '../../src/data/sources/source-config';

const BROKER = process.env.CITYOPS_MQTT_WS_URL;

function sourceAt(url: string) {
  return sensorThingsSourceSchema.parse({
    adapter: 'sensorthings',
    url: 'https://sta.example/v1.1',
    columns: { inService: 'inService' },
    mqtt: { url },
  }) as Parameters<typeof watchSensorThings>[0]['source'];
}

/** A Datastream id of this run only, so that runs side by side do not hear each other. */
const DATASTREAM = String(100_000 + Math.floor(Math.random() * 800_000));

const read = async (): Promise<Fetched<SensorThingsState>> => ({
  data: {
    readings: {
      observedAt: '2026-01-15T00:00:00.000Z',
      ids: ['h-1', 'h-2'],
      columns: { inService: [1, 1] },
    },
    places: new Map([[DATASTREAM, { row: 1, column: 'inService' }]]),
  },
  fetchedAt: 0,
});

describe.skipIf(!BROKER)('SensorThings MQTT feed against mosquitto', () => {
  it('takes an observation published to the broker into the live state', async () => {
    const states: Fetched<StateValues>[] = [];
    let subscribed: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (subscribed = resolve));
    const stop = watchSensorThings({
      source: sourceAt(BROKER!),
      read,
      now: Date.now,
      onState: (state) => states.push(state),
      onProblem: (problem) => {
        if (problem === null) subscribed();
      },
    });
    try {
      await ready;
      const publisher = connect(BROKER!);
      await new Promise<void>((resolve, reject) => {
        publisher.once('connect', () => resolve());
        publisher.once('error', reject);
      });
      await publisher.publishAsync(
        observationsTopic('v1.1', DATASTREAM),
        JSON.stringify({ result: 0, phenomenonTime: '2026-01-15T00:03:00.000Z' }),
        { qos: 1 },
      );
      await publisher.endAsync();
      await expect.poll(() => states.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(states.at(-1)!.data).toEqual({
        observedAt: '2026-01-15T00:03:00.000Z',
        ids: ['h-1', 'h-2'],
        columns: { inService: [1, 0] },
      });
    } finally {
      stop();
    }
  });

  it('says so when the broker refuses', async () => {
    const problems: (string | null)[] = [];
    // A port of the loopback where nothing listens.
    const refusing = new URL(BROKER!);
    refusing.port = '9';
    const stop = watchSensorThings({
      source: sourceAt(refusing.href.replace(/\/$/u, '')),
      read,
      now: Date.now,
      onState: () => undefined,
      onProblem: (problem) => problems.push(problem?.message ?? null),
    });
    try {
      await expect.poll(() => problems.length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(problems[0]).toMatch(/^ws:\/\/127\.0\.0\.1:9: /u);
    } finally {
      stop();
    }
  });
});
