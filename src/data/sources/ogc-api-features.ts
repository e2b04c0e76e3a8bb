/**
 * Geometry from an OGC API – Features server (Part 1, core): the collection's items within a
 * bbox, page by page. Pages are requested here with `bbox`, `limit` and `offset` rather than by
 * following the server's `next` links: MapServer 8.0 drops `bbox` from them (following them
 * loads the whole collection). A server may send fewer features than asked for (MapServer clamps
 * `limit`), so the offset moves on by what came. Loading stops at the configured cap, and the
 * result says it was truncated. One feature can be read fresh on its own (the single item).
 */
import { z } from 'zod';
import type { CallOptions, Fetched, GeometryQuery } from '../adapter';
import { AdapterError, isAdapterError } from '../errors';
import { featureTable, type FeatureTable } from '../feature-table';
import { requestJson, type FetchLike } from '../http-client';
import type { BBox, Feature } from '../schemas';
import type { OgcApiFeaturesSource } from './source-config';
import { checkMapping, mapFeatures, sourceFeatureSchema } from './source-features';

const itemsPageSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(sourceFeatureSchema),
  numberMatched: z.number().int().nonnegative().optional(),
  links: z.array(z.object({ rel: z.string(), href: z.string() })).optional(),
});

/** A landing page: what makes it one is its links (to the API, conformance, collections). */
const landingSchema = z.object({ links: z.array(z.object({ href: z.string() })).min(1) });

/** The server's collections (`/collections`): only their ids are read. */
const collectionsSchema = z.object({
  collections: z.array(z.object({ id: z.string().max(256) })).max(10_000),
});

/** GeoJSON first; MapServer answers `application/json` (and HTML when not asked for JSON). */
const ACCEPT = 'application/geo+json, application/json;q=0.9';

export interface SourceRequestOptions {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly now: () => number;
}

export interface GeometryReader {
  read(query: GeometryQuery, options: CallOptions): Promise<Fetched<FeatureTable>>;
  /** One feature by id, fresh from the source; absent where the source cannot be asked so. */
  readonly feature?: (id: string, options: CallOptions) => Promise<Fetched<Feature>>;
}

export function ogcApiFeaturesReader(
  resource: string,
  source: OgcApiFeaturesSource,
  request: SourceRequestOptions,
): GeometryReader {
  const landingUrl = source.url.replace(/\/+$/u, '');
  const collectionsUrl = `${landingUrl}/collections`;
  const itemsUrl = `${collectionsUrl}/${encodeURIComponent(source.collection)}/items`;
  const page = (offset: number, limit: number, bbox: BBox | undefined, signal?: AbortSignal) => {
    const search = new URLSearchParams({ limit: String(limit) });
    if (offset > 0) search.set('offset', String(offset));
    if (bbox) search.set('bbox', bbox.join(','));
    return requestJson({
      url: `${itemsUrl}?${search}`,
      schema: itemsPageSchema,
      resource,
      fetch: request.fetch,
      timeoutMs: request.timeoutMs,
      headers: { Accept: ACCEPT, ...source.headers },
      signal,
    });
  };

  /** A read of the service's own documents (its landing page, its collections), `null` if it fails. */
  const document = <S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal) =>
    requestJson({
      url,
      schema,
      resource,
      fetch: request.fetch,
      timeoutMs: request.timeoutMs,
      headers: { Accept: ACCEPT, ...source.headers },
      signal,
    }).catch(() => null);

  /**
   * A 404 for the first page is a collection the server does not have, or a URL that is not an
   * OGC API at all. The server's collections are read to say which it has; if it cannot list
   * them, its landing page is read, and without one the URL is what is wrong.
   */
  const collectionMissing = async <T>(reading: Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return await reading;
    } catch (error) {
      if (!isAdapterError(error) || error.status !== 404) throw error;
      const listed = await document(collectionsUrl, collectionsSchema, signal);
      const ids = listed?.collections.map((collection) => collection.id) ?? [];
      const problem =
        ids.length > 0
          ? ids.includes(source.collection)
            ? null
            : `collection: the server has no collection "${source.collection}" (it has: ${ids.slice(0, 20).join(', ')})`
          : (await document(landingUrl, landingSchema, signal))
            ? null
            : `url: no OGC API – Features landing page at ${landingUrl} (${error.message.replace(`${resource}: `, '')})`;
      if (problem === null) throw error;
      throw new AdapterError('http', `${resource}: ${problem}`, {
        resource,
        status: 404,
        cause: error,
      });
    }
  };

  /**
   * The single item, `/items/{featureId}`: by the server's own feature id, so only where the
   * layer's ids are those (no `idProperty`).
   */
  const feature = async (id: string, { signal }: CallOptions = {}): Promise<Fetched<Feature>> => {
    const body = await requestJson({
      url: `${itemsUrl}/${encodeURIComponent(id)}`,
      schema: sourceFeatureSchema,
      resource,
      fetch: request.fetch,
      timeoutMs: request.timeoutMs,
      headers: { Accept: ACCEPT, ...source.headers },
      signal,
    });
    checkMapping([body], source, resource);
    const [item] = mapFeatures([body], source, resource);
    if (item?.id !== id)
      throw new AdapterError(
        'invalid-response',
        `${resource}: asked for feature "${id}", the server sent "${item?.id ?? ''}"`,
        { resource },
      );
    return { data: item, fetchedAt: request.now() };
  };

  return {
    ...(source.idProperty === undefined ? { feature } : {}),
    async read(query, { signal } = {}) {
      const features: Feature[] = [];
      const ids = new Set<string>();
      let offset = 0;
      let matched: number | null = null;
      let more = true;
      while (more && features.length < source.maxFeatures) {
        const limit = Math.min(source.pageSize, source.maxFeatures - features.length);
        const body = await (offset === 0
          ? collectionMissing(page(offset, limit, query.bbox, signal), signal)
          : page(offset, limit, query.bbox, signal));
        if (offset === 0) checkMapping(body.features, source, resource);
        const mapped = mapFeatures(body.features, source, resource);
        for (const feature of mapped) {
          if (ids.has(feature.id)) throw repeatedPage(resource, offset, feature.id);
          ids.add(feature.id);
          features.push(feature);
        }
        matched = body.numberMatched ?? matched;
        offset += body.features.length;
        more =
          body.features.length > 0 &&
          (matched !== null
            ? offset < matched
            : (body.links ?? []).some((link) => link.rel === 'next'));
      }
      // A server that ignores `limit` may have sent more than the cap.
      const truncated = more || features.length > source.maxFeatures;
      const table = featureTable(features.slice(0, source.maxFeatures));
      return {
        data: table,
        fetchedAt: request.now(),
        ...(truncated ? { truncated: { loaded: table.length, matched } } : {}),
      };
    },
  };
}

/**
 * A page that repeats a feature already read: the server does not page by `offset` (MapServer
 * 8.0's native PostGIS layers ignore it), and reading on would only repeat the first page.
 */
function repeatedPage(resource: string, offset: number, id: string): AdapterError {
  return new AdapterError(
    'invalid-response',
    `${resource}: the page at offset ${offset} repeats feature "${id}": the server does not page with offset`,
    { resource },
  );
}
