/**
 * What every adapter promises the app, checked the same way for each: features come as a table
 * whose ids are unique text and find their own rows; live state has a value per id in every
 * column and a time; and each way a source can fail (unreachable, an HTTP error, a body that is
 * not what it should be, no answer in time, the caller giving up) becomes one AdapterError of the
 * right kind. Features read as vector tiles are checked the same way, one tile of them. Each adapter is handed a `fetch` the suite can break.
 */
import { describe, expect, it } from 'vitest';
import type { DataAdapter } from '../../src/data/adapter';
import type { AdapterErrorKind } from '../../src/data/errors';
import type { FetchLike } from '../../src/data/http-client';
import { featureSchema } from '../../src/data/schemas';
import { adapterFailure } from '../helpers/adapter-failure';
import { tileAt } from '../../src/data/web-mercator-tiles';

export interface ConformanceSubject {
  readonly name: string;
  /** The adapter, its source reached through `fetch`, giving up after `timeoutMs`. */
  make(fetch: FetchLike, timeoutMs: number): DataAdapter;
  /** The source working as it should. */
  readonly fetch: FetchLike;
  /** A dataset whose features the adapter reads from the source, if it reads features. */
  readonly geometryDataset?: string;
  /** A dataset whose live state it reads from the source, if it reads live state. */
  readonly liveDataset?: string;
  /** For features read as vector tiles: a place (longitude, latitude) where there are some. */
  readonly featuresAt?: readonly [number, number];
}

/** Ways a source fails, each as a `fetch`. */
const FAULTS: readonly {
  name: string;
  kind: AdapterErrorKind;
  status?: number;
  fetch: FetchLike;
}[] = [
  {
    name: 'unreachable',
    kind: 'network',
    fetch: () => Promise.reject(new TypeError('fetch failed')),
  },
  {
    name: 'an HTTP 500',
    kind: 'http',
    status: 500,
    fetch: async () => new Response('{"error":{"message":"boom"}}', { status: 500 }),
  },
  {
    name: 'an HTML page instead of data',
    kind: 'invalid-response',
    fetch: async () =>
      new Response('<html><body>Please log in</body></html>', {
        headers: { 'Content-Type': 'text/html' },
      }),
  },
  {
    name: 'JSON of another shape',
    kind: 'invalid-response',
    fetch: async () => Response.json({ items: [{ id: 1 }] }),
  },
  {
    name: 'no answer in time',
    kind: 'timeout',
    fetch: (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      }),
  },
];

const TIMEOUT_MS = 300;

export function adapterConformance(subject: ConformanceSubject): void {
  const reads: {
    what: string;
    read: (adapter: DataAdapter, signal?: AbortSignal) => Promise<unknown>;
  }[] = [
    ...(subject.geometryDataset
      ? [
          {
            what: `the features of ${subject.geometryDataset}`,
            read: (adapter: DataAdapter, signal?: AbortSignal) =>
              adapter.getGeometry(subject.geometryDataset!, {}, { signal }),
          },
        ]
      : []),
    ...(subject.liveDataset
      ? [
          {
            what: `the live state of ${subject.liveDataset}`,
            read: (adapter: DataAdapter, signal?: AbortSignal) =>
              adapter.getLiveState(subject.liveDataset!, {}, { signal }),
          },
        ]
      : []),
  ];

  describe(`adapter conformance: ${subject.name}`, () => {
    if (subject.geometryDataset)
      it('reads features as a table: unique text ids that find their own rows, valid features', async () => {
        const fetched = await subject
          .make(subject.fetch, 20_000)
          .getGeometry(subject.geometryDataset!);
        if (fetched.tiles) {
          // Tiled: nothing is loaded whole; the tiles are read one at a time.
          expect(fetched.data.length).toBe(0);
          expect(subject.featuresAt, 'a tiled subject names where it has features').toBeDefined();
          const { tiles } = fetched;
          const [longitude, latitude] = subject.featuresAt!;
          const [x, y] = tileAt(longitude, latitude, tiles.maxZoom);
          const table = await tiles.tile(tiles.maxZoom, x, y);
          expect(table.length).toBeGreaterThan(0);
          // A feature cut into parts is in a tile once per part: each part finds a row of its id.
          for (let index = 0; index < table.length; index++) {
            const id = table.id(index);
            expect(typeof id).toBe('string');
            expect(table.id(table.indexOf(id))).toBe(id);
            expect(featureSchema.safeParse(table.feature(index)).success).toBe(true);
          }
          return;
        }
        const table = fetched.data;
        expect(table.length).toBeGreaterThan(0);
        const ids = new Set<string>();
        for (let index = 0; index < table.length; index++) {
          const id = table.id(index);
          expect(typeof id).toBe('string');
          expect(ids.has(id), `id ${id} twice`).toBe(false);
          ids.add(id);
          expect(table.indexOf(id)).toBe(index);
        }
        for (const index of [0, Math.floor(table.length / 2), table.length - 1]) {
          const feature = table.feature(index);
          expect(feature.id).toBe(table.id(index));
          expect(featureSchema.safeParse(feature).success).toBe(true);
        }
      });

    if (subject.liveDataset) {
      it('reads live state: a value per id in every column, a time, the dataset and its cadence', async () => {
        const { data: state } = await subject
          .make(subject.fetch, 20_000)
          .getLiveState(subject.liveDataset!);
        expect(state.dataset).toBe(subject.liveDataset);
        expect(state.cadenceS).toBeGreaterThan(0);
        expect(Number.isFinite(Date.parse(state.observedAt))).toBe(true);
        expect(state.ids.length).toBeGreaterThan(0);
        for (const id of state.ids) expect(typeof id).toBe('string');
        for (const values of Object.values(state.columns))
          expect(values.length).toBe(state.ids.length);
      });
    }

    for (const { what, read } of reads) {
      for (const fault of FAULTS) {
        it(`reading ${what} from a source with ${fault.name}: kind ${fault.kind}`, async () => {
          const error = await adapterFailure(read(subject.make(fault.fetch, TIMEOUT_MS)));
          expect(error.kind).toBe(fault.kind);
          if (fault.status) expect(error.status).toBe(fault.status);
          expect(error.message.length).toBeGreaterThan(0);
        });
      }

      it(`reading ${what}, given up by the caller: kind aborted`, async () => {
        const controller = new AbortController();
        controller.abort();
        const error = await adapterFailure(
          read(subject.make(subject.fetch, 20_000), controller.signal),
        );
        expect(error.kind).toBe('aborted');
      });
    }
  });
}
