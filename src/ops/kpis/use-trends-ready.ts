/**
 * When the figures' trends may be read: once every visible layer has its first data (or has
 * failed) and the page has then had a moment to draw it. A trend is some fifty reads of the
 * source's history; read during the first load they compete with the map's own reads and its
 * first frame, which an operator needs first. Once ready it stays ready.
 */
import { useEffect, useState } from 'react';
import type { LayerSource } from '../../map/layer-sources';
import { layerSetting, useUiStore } from '../../map/store';

/** The longest the trends wait for an idle moment after the layers are in. */
const IDLE_TIMEOUT_MS = 5_000;

export function useTrendsReady(sources: readonly LayerSource[]): boolean {
  const settings = useUiStore((state) => state.layerSettings);
  const layersIn = sources.every(
    (source) =>
      !layerSetting(settings, source.layer).visible || source.status.phase !== 'loading',
  );
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || !layersIn) return;
    // The first frame of the data is drawn on the main thread: idle comes after it.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setReady(true), { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(timer);
  }, [ready, layersIn]);
  return ready;
}
