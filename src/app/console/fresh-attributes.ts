/**
 * The selected feature read on its own from its source, where the source can (an OGC API
 * server's single item): the attributes the details panel shows are then the source's as they
 * are now, not as they were when the layer loaded. Where it cannot, or while the read fails, the
 * layer's copy is shown, and the panel says which it is.
 */
import { useQuery } from '@tanstack/react-query';
import type { DataAdapter, Fetched } from '../../data/adapter';
import { isAdapterError } from '../../data/errors';
import { featureQuery } from '../../data/queries';
import type { Feature } from '../../data/schemas';
import { errorMessage } from '../../map/layer-sources';

export interface FreshAttributes {
  /** The feature as its source has it now; null until read, or where it cannot be read so. */
  readonly feature: Feature | null;
  /** none: the source cannot be asked (nothing to say); failed: the layer's copy is shown. */
  readonly status: 'none' | 'reading' | 'fresh' | 'failed';
  readonly error: string | null;
}

const NO_READ: FreshAttributes = { feature: null, status: 'none', error: null };

export function freshAttributes(
  canRead: boolean,
  read: { readonly data?: Fetched<Feature> | undefined; readonly error: unknown },
): FreshAttributes {
  const { data, error } = read;
  if (!canRead) return NO_READ;
  if (isAdapterError(error) && error.kind === 'unsupported') return NO_READ;
  if (data) return { feature: data.data, status: 'fresh', error: null };
  if (error) return { feature: null, status: 'failed', error: errorMessage(error) };
  return { feature: null, status: 'reading', error: null };
}

export function useFreshAttributes(
  adapter: DataAdapter,
  datasetId: string | null,
  featureId: string,
): FreshAttributes {
  const canRead = adapter.capabilities.featureById && datasetId !== null;
  const read = useQuery({
    ...featureQuery(adapter, datasetId ?? '', featureId),
    enabled: canRead,
  });
  return freshAttributes(canRead, read);
}
