/**
 * Pipe nodes: valves report whether they are open (closed by `valve-close` events), pumps
 * whether they run, manholes nothing.
 */
import type { CityModel } from '../../city/generate-city';
import type { StateColumns } from '../../live/columns';
import type { SimEvent, SimTime } from '../types';
import { closedValveIds } from './isolation';

export function nodeColumns(
  city: CityModel,
  events: readonly SimEvent[],
  t: SimTime,
): StateColumns {
  const closed = closedValveIds(events, t);
  const n = city.pipeNodes.length;
  const ids = new Array<string>(n);
  const open = new Array<number | null>(n);
  const running = new Array<number | null>(n);
  city.pipeNodes.forEach((node, i) => {
    ids[i] = node.id;
    open[i] = node.nodeKind === 'valve' ? (closed.has(node.id) ? 0 : 1) : null;
    // Pumps run around the clock: the model has no pump faults yet.
    running[i] = node.nodeKind === 'pump' ? 1 : null;
  });
  return { ids, columns: { open, running } };
}
