/** Baseline: the app's base map in a bare MapLibre map, nothing drawn over it. */
import { openBaselineMap, readParams, runBaseline } from './baseline-map';

runBaseline(async () => {
  await openBaselineMap(readParams(window.location.search));
});
