/**
 * The adapter contract: the only way the app reads from or writes to a source. Small and
 * promise-based; every call takes an AbortSignal; failures are `AdapterError`s; what an adapter
 * can do is declared in `capabilities`, never discovered by calling and failing.
 */
import type { AlarmAction, AlarmActionResult, AlarmList } from './alarm-schemas';
import type { FeatureTable } from './feature-table';
import type { LiveStreamStatus } from './live-stream';
import type { StreamBatch } from './live-stream-ingest';
import type {
  Areas,
  Basemap,
  BBox,
  Catalog,
  Clock,
  ClockAction,
  Feature,
  LiveReadings,
  ScenarioRun,
  Scenarios,
} from './schemas';

export interface AdapterCapabilities {
  /** Serves live state columns for datasets (otherwise geometry only). */
  readonly liveState: boolean;
  /** Filters geometry by bounding box on the server. */
  readonly geometryByBbox: boolean;
  /** Serves the area hierarchy. */
  readonly areas: boolean;
  /** Serves an embedded base map generated from the same city model. */
  readonly basemap: boolean;
  /** A demo backend: a simulated clock and scenarios a presenter can trigger. */
  readonly demoControls: boolean;
  /** Serves alarms and takes operator actions on them. */
  readonly alarms: boolean;
  /** Pushes live state as it changes (`watchLiveState`), so that reads need not poll. */
  readonly liveStream: boolean;
  /** Reads one feature by id fresh from its source (`getFeature`), for some of its datasets. */
  readonly featureById: boolean;
}

/** What a watch on live state hears. */
export interface LiveStateWatch {
  /** A dataset's whole live state as it now stands. */
  onState(datasetId: string, state: Fetched<LiveReadings>): void;
  onStatus?(status: LiveStreamStatus): void;
  /**
   * A dataset's pushed state is overdue (its source went quiet, or the stream is down): reads of
   * now go to the source again, and one should be made now.
   */
  onOverdue?(datasetId: string): void;
  /** Every batch, for its counts and the problems of events that were dropped. */
  onBatch?(batch: StreamBatch): void;
}

/** A read at a past time (replay). */
export interface TimeQuery {
  /** ISO time: as it stood then, within the source's history; omitted, now. */
  at?: string;
}

export type AlarmQuery = TimeQuery;

export interface GeometryQuery extends TimeQuery {
  bbox?: BBox;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** A response together with when it was fetched (freshness is data). */
export interface Fetched<T> {
  data: T;
  fetchedAt: number;
  /** Not all of it: the source had more features than were loaded (a configured cap). */
  truncated?: Truncation;
  /** Live state read from the source because its push feed is down, and why it is. */
  liveFeedProblem?: string;
  /**
   * A geometry too large to load whole, read tile by tile as the map needs it (vector tiles).
   * `data` is then empty: the map asks for the tiles in view.
   */
  tiles?: TiledFeatures;
}

/** A dataset's features cut into map tiles (Web Mercator z/x/y), read one tile at a time. */
export interface TiledFeatures {
  /** The zooms the source has tiles for; the map draws the `maxZoom` tiles when zoomed further in. */
  readonly minZoom: number;
  readonly maxZoom: number;
  /** The extent the tiles cover, where the source says; no tile outside it is asked for. */
  readonly bounds: BBox | null;
  /**
   * The features of one tile in the layer's terms (ids and fields mapped as configured): an empty
   * table where the source has no such tile. A feature that crosses tile edges comes in each
   * tile it crosses, clipped, with the same id.
   */
  tile(z: number, x: number, y: number, options?: CallOptions): Promise<FeatureTable>;
}

export interface Truncation {
  readonly loaded: number;
  /** How many the source has, where it says. */
  readonly matched: number | null;
}

export interface DataAdapter {
  readonly id: string;
  readonly capabilities: AdapterCapabilities;
  getCatalog(options?: CallOptions): Promise<Fetched<Catalog>>;
  getGeometry(
    datasetId: string,
    query?: GeometryQuery,
    options?: CallOptions,
  ): Promise<Fetched<FeatureTable>>;
  /**
   * One feature, fresh from its source (capability `featureById`): its attributes as the source
   * has them now, for the details panel. A dataset that cannot be read so throws `unsupported`.
   */
  getFeature(
    datasetId: string,
    featureId: string,
    options?: CallOptions,
  ): Promise<Fetched<Feature>>;
  getLiveState(
    datasetId: string,
    query?: TimeQuery,
    options?: CallOptions,
  ): Promise<Fetched<LiveReadings>>;
  /**
   * Live state pushed by the source (capability `liveStream`) until the returned function is
   * called. Meanwhile `getLiveState` of now answers from what was pushed while it is not overdue.
   * One watch at a time.
   */
  watchLiveState?(datasetIds: readonly string[], watch: LiveStateWatch): () => void;
  getAreas(options?: CallOptions): Promise<Fetched<Areas>>;
  getBasemap(options?: CallOptions): Promise<Fetched<Basemap>>;
  /** Alarms (capability `alarms`): open ones and those cleared lately, each with its lifecycle. */
  getAlarms(query?: AlarmQuery, options?: CallOptions): Promise<Fetched<AlarmList>>;
  /**
   * One operator action. A refusal because the alarm moved on (409) is a result, not an error:
   * it carries the alarm as it now stands. Other failures throw, and the same action (same
   * `actionId`) may be sent again: the source applies it once.
   */
  actOnAlarm(
    alarmId: string,
    action: AlarmAction,
    options?: CallOptions,
  ): Promise<AlarmActionResult>;
  /** Demo controls (capability `demoControls`); other adapters throw `unsupported`. */
  getClock(options?: CallOptions): Promise<Fetched<Clock>>;
  controlClock(action: ClockAction, options?: CallOptions): Promise<Clock>;
  getScenarios(options?: CallOptions): Promise<Fetched<Scenarios>>;
  /** `at` (ISO time) schedules the run; omitted, it starts now. */
  triggerScenario(scenarioId: string, at?: string, options?: CallOptions): Promise<ScenarioRun>;
}
