/**
 * An OGC API – Features server in a `fetch`, with MapServer 8.0's manners as measured against
 * the real one (scripts/servers/README.md): `limit` clamped to 500 (10 when absent), `next`
 * links without `bbox`, an offset past the end answered 400, ids as text, `application/json`;
 * a single item by id, and 404 with MapServer's exception body for an id it does not have; the
 * landing page and the list of collections.
 * Every request it answers is recorded, so tests can say what was asked.
 */
import type { FetchLike } from '../../../../src/data/http-client';

export interface FakeFeature {
  readonly id: string;
  readonly geometry: { type: string; coordinates: unknown };
  readonly properties: Record<string, unknown>;
}

export interface FakeOgcServer {
  readonly fetch: FetchLike;
  readonly requests: URL[];
}

export const FAKE_OGC_URL = 'https://gis.example/ogcapi';
const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 10;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function positions(coordinates: unknown): number[][] {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [coordinates as number[]];
  return (coordinates as unknown[]).flatMap(positions);
}

function inBbox(feature: FakeFeature, bbox: number[] | null): boolean {
  if (!bbox) return true;
  const [west, south, east, north] = bbox as [number, number, number, number];
  return positions(feature.geometry.coordinates).some(
    ([x, y]) => x! >= west && x! <= east && y! >= south && y! <= north,
  );
}

export function fakeOgcServer(collections: Record<string, readonly FakeFeature[]>): FakeOgcServer {
  const requests: URL[] = [];
  const fetch: FetchLike = async (input) => {
    const url = new URL(input);
    requests.push(url);
    if (url.pathname === new URL(FAKE_OGC_URL).pathname)
      return json({
        title: 'Fake OGC API',
        links: [{ rel: 'data', href: `${FAKE_OGC_URL}/collections` }],
      });
    if (url.pathname.endsWith('/collections'))
      return json({ collections: Object.keys(collections).map((id) => ({ id })), links: [] });
    const match = /\/collections\/([^/]+)\/items(?:\/([^/]+))?$/u.exec(url.pathname);
    const features = match ? collections[decodeURIComponent(match[1]!)] : undefined;
    if (!features) return json({ code: 'NotFound', description: 'Invalid collection.' }, 404);
    if (match?.[2] !== undefined) {
      const id = decodeURIComponent(match[2]);
      const item = features.find((feature) => feature.id === id);
      return item
        ? json({ type: 'Feature', ...item })
        : json({ code: 'NotFound', description: 'Collection items id query failed.' }, 404);
    }
    const bboxParam = url.searchParams.get('bbox');
    const bbox = bboxParam ? bboxParam.split(',').map(Number) : null;
    if (bbox && (bbox.length !== 4 || bbox.some(Number.isNaN)))
      return json({ code: 'InvalidParamterValue', description: 'Bad value for bbox.' }, 400);
    const requested = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
    const limit = requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT;
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const matched = features.filter((feature) => inBbox(feature, bbox));
    if (offset < 0 || (offset > 0 && offset >= matched.length))
      return json({ code: 'InvalidParamterValue', description: 'Offset out of range.' }, 400);
    const page = matched.slice(offset, offset + limit);
    const next = offset + page.length < matched.length;
    const base = `${FAKE_OGC_URL}${url.pathname.slice(new URL(FAKE_OGC_URL).pathname.length)}`;
    return json({
      type: 'FeatureCollection',
      features: page.map((feature) => ({ type: 'Feature', ...feature })),
      numberMatched: matched.length,
      numberReturned: page.length,
      links: [
        { rel: 'self', href: `${base}?f=json&limit=${limit}&offset=${offset}` },
        // As MapServer 8.0 writes it: the bbox is gone.
        ...(next
          ? [{ rel: 'next', href: `${base}?f=json&limit=${limit}&offset=${offset + limit}` }]
          : []),
      ],
    });
  };
  return { fetch, requests };
}

/** Roads along a line of longitudes, their names flattened as MapServer serves them. */
export function fakeRoads(count: number, west = 121.4): FakeFeature[] {
  return Array.from({ length: count }, (_, at) => ({
    id: `r-${at}`,
    geometry: {
      type: 'LineString',
      coordinates: [
        [west + at * 0.0001, 31.2],
        [west + at * 0.0001, 31.201],
      ],
    },
    properties: {
      name_zh: `路${at}`,
      name_en: `Road ${at}`,
      roadClass: at % 2 ? 'local' : 'arterial',
      freeFlowKmh: 30 + (at % 3) * 10,
      oneway: at % 2 === 0,
    },
  }));
}
