/**
 * A SensorThings dataset's live state kept current from the service's MQTT extension: the state
 * is read once over HTTP (values, and which Datastream goes where), then every Datastream's
 * `…/Datastreams(<id>)/Observations` topic is subscribed to over WebSockets, and each observation
 * published there updates its feature's value. Updates are gathered for a moment and handed on
 * as a new state, never by changing one already handed on. The MQTT client (the `mqtt` package)
 * is loaded only when a config asks for a broker.
 */
import { z } from 'zod';
import type { Fetched } from '../adapter';
import { AdapterError, isAdapterError } from '../errors';
import type { SensorThingsSource } from './source-config';
import {
  observationValue,
  type DatastreamPlace,
  type SensorThingsState,
  type StateValues,
} from './sensorthings';

/** The part of an MQTT client this uses (mqtt.js's `MqttClient`). */
export interface FeedClient {
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'message', listener: (topic: string, payload: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'offline' | 'close', listener: () => void): unknown;
  subscribe(topics: string[], callback: (error: Error | null | undefined) => void): unknown;
  end(force?: boolean): unknown;
}

export type ConnectFeed = (url: string) => Promise<FeedClient>;

/** Reconnect this long after the broker went away or refused. */
export const RECONNECT_MS = 5_000;
/** Observations arriving within this long go out as one new state. */
export const GATHER_MS = 200;

const connectMqtt: ConnectFeed = async (url) => {
  const mqtt = await import('mqtt');
  // The package's browser build exports one default object; its Node build, named functions.
  const connect =
    (mqtt as Partial<typeof mqtt>).connect ??
    (mqtt as unknown as { default: typeof mqtt }).default.connect;
  return connect(url, { reconnectPeriod: RECONNECT_MS, connectTimeout: 10_000 }) as FeedClient;
};

const observationSchema = z.object({
  result: z.unknown(),
  phenomenonTime: z.string().min(1).max(64),
});

/** A SensorThings source that also names an MQTT broker to push its observations. */
export type FedSensorThingsSource = SensorThingsSource & {
  mqtt: NonNullable<SensorThingsSource['mqtt']>;
};

export function hasFeed(source: SensorThingsSource): source is FedSensorThingsSource {
  return source.mqtt !== undefined;
}

export interface SensorThingsFeed {
  readonly source: FedSensorThingsSource;
  /** The state as it stands, with the Datastreams' places. */
  read(): Promise<Fetched<SensorThingsState>>;
  now(): number;
  onState(values: Fetched<StateValues>): void;
  /**
   * The feed is down, or up again (null). Why, as the contract's error: a broker that cannot be
   * reached, drops the connection or refuses is `network`; a failed read of the service keeps
   * its own kind.
   */
  onProblem(problem: AdapterError | null): void;
  connect?: ConnectFeed;
}

/** `v1.1/Datastreams(7)/Observations`, or `('id')` for ids that are not numbers. */
export function observationsTopic(prefix: string, datastreamId: string): string {
  const key = /^\d+$/u.test(datastreamId)
    ? datastreamId
    : `'${datastreamId.replaceAll("'", "''")}'`;
  return `${prefix ? `${prefix}/` : ''}Datastreams(${key})/Observations`;
}

function datastreamOfTopic(topic: string): string | null {
  const match = /Datastreams\((?:(\d+)|'((?:[^']|'')*)')\)\/Observations$/u.exec(topic);
  if (!match) return null;
  return match[1] ?? match[2]!.replaceAll("''", "'");
}

/** Starts the feed; the returned function stops it. */
export function watchSensorThings(feed: SensorThingsFeed): () => void {
  const { url, topicPrefix } = feed.source.mqtt;
  let stopped = false;
  let client: FeedClient | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let gather: ReturnType<typeof setTimeout> | null = null;
  let places: ReadonlyMap<string, DatastreamPlace> = new Map();
  let current: {
    observedAt: number;
    ids: string[];
    columns: Record<string, (number | null)[]>;
  } | null = null;
  /** Per row and column, the time of the value held (an older observation does not replace it). */
  const valueTimes = new Map<string, number>();

  const problem = (message: string, cause?: unknown) => {
    if (stopped) return;
    const kind = isAdapterError(cause) ? cause.kind : 'network';
    feed.onProblem(new AdapterError(kind, `${url}: ${message}`, { resource: url, cause }));
  };

  const emit = () => {
    gather = null;
    if (!current || stopped) return;
    const columns: Record<string, (number | null)[]> = {};
    for (const [column, values] of Object.entries(current.columns))
      columns[column] = values.slice();
    feed.onState({
      data: { observedAt: new Date(current.observedAt).toISOString(), ids: current.ids, columns },
      fetchedAt: feed.now(),
    });
  };

  const onMessage = (topic: string, payload: Uint8Array) => {
    const datastream = datastreamOfTopic(topic);
    const place = datastream === null ? undefined : places.get(datastream);
    if (!place || !current) return;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(payload));
    } catch {
      return;
    }
    const observation = observationSchema.safeParse(json);
    if (!observation.success) return;
    const time = Date.parse(observation.data.phenomenonTime);
    if (!Number.isFinite(time)) return;
    const key = `${place.row}\u0000${place.column}`;
    if (time < (valueTimes.get(key) ?? -Infinity)) return;
    valueTimes.set(key, time);
    current.columns[place.column]![place.row] = observationValue(observation.data.result);
    current.observedAt = Math.max(current.observedAt, time);
    gather ??= setTimeout(emit, GATHER_MS);
  };

  /** The state as the service has it now, replacing what was held. */
  const load = async () => {
    const state = await feed.read();
    places = state.data.places;
    const { readings } = state.data;
    current = {
      observedAt: Date.parse(readings.observedAt),
      ids: [...readings.ids],
      columns: Object.fromEntries(
        Object.entries(readings.columns).map(([column, values]) => [column, Array.from(values)]),
      ),
    };
    valueTimes.clear();
  };

  const start = async () => {
    retry = null;
    try {
      await load();
      if (stopped) return;
      client = await (feed.connect ?? connectMqtt)(url);
      if (stopped) {
        client.end(true);
        return;
      }
    } catch (error) {
      problem(error instanceof Error ? error.message : String(error), error);
      if (!stopped) retry = setTimeout(() => void start(), RECONNECT_MS);
      return;
    }
    const topics = [...places.keys()].map((id) => observationsTopic(topicPrefix, id));
    let connections = 0;
    client.on('connect', () => {
      connections++;
      client?.subscribe(topics, (error) => {
        if (error) return problem(`subscribing failed: ${error.message}`, error);
        if (stopped) return;
        feed.onProblem(null);
        // Back after a break: what was published meanwhile was missed, so read it all again.
        if (connections > 1)
          load().then(emit, (reason: unknown) =>
            problem(reason instanceof Error ? reason.message : String(reason), reason),
          );
      });
    });
    client.on('message', onMessage);
    client.on('error', (error) => problem(error.message, error));
    client.on('offline', () => problem('the broker cannot be reached'));
  };

  void start();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    if (gather) clearTimeout(gather);
    client?.end(true);
  };
}
