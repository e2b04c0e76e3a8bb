/**
 * A PMTiles archive read by byte ranges through the project's HTTP client: with its timeouts and
 * its errors (the file's URL and status in the message), past the browser's cache once the file
 * changed under a part of it that was cached, and from a server that ignores `Range` (the range
 * is cut from the whole file it sends). Used by the dataset reader (vector-tiles.ts) and by the
 * map's `pmtiles://` protocol (src/map/pmtiles-protocol.ts).
 */
import { EtagMismatch, type Source } from 'pmtiles';
import { requestBytes, type BytesAnswer, type FetchLike } from '../http-client';

export interface RangeSourceOptions {
  readonly url: string;
  /** Named in errors: the dataset, or the base map. */
  readonly resource: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly headers?: Record<string, string>;
}

export function pmtilesRangeSource(options: RangeSourceOptions): Source {
  const { url, resource } = options;
  // After the archive changed under a cached part of it, parts are fetched past the browser cache.
  let reload = false;
  return {
    getKey: () => url,
    async getBytes(offset, length, signal, etag) {
      const answer = await requestBytes({
        url,
        resource,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        headers: { ...options.headers, Range: `bytes=${offset}-${offset + length - 1}` },
        ...(signal ? { signal } : {}),
        ...(reload ? { cache: 'reload' as const } : {}),
      });
      const served = strongEtag(answer);
      if (etag !== undefined && served !== undefined && served !== etag) {
        reload = true;
        throw new EtagMismatch(`${resource}: the archive changed while it was being read`);
      }
      // A server that ignores Range answers 200 with the whole file: the range is cut from it.
      const start = answer.status === 206 ? 0 : offset;
      const part = answer.bytes.subarray(start, start + length);
      return {
        data:
          part.byteLength === answer.bytes.buffer.byteLength
            ? answer.bytes.buffer
            : part.slice().buffer,
        ...(served !== undefined ? { etag: served } : {}),
      };
    },
  };
}

/** The ETag a server gave, unless weak (a weak one does not say the bytes are the same). */
function strongEtag(answer: BytesAnswer): string | undefined {
  const etag = answer.headers.get('ETag');
  return etag === null || etag.startsWith('W/') ? undefined : etag;
}
