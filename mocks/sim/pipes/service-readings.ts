/**
 * A network's state rows: its street pipes, then its service lines, each service line carrying
 * the reading of the street pipe it is tapped into (the order of the served features).
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import type { PipeNetwork } from '../../city/pipes';
import type { StateColumns } from '../../live/columns';

interface ServiceRows {
  readonly ids: readonly string[];
  /** Row of the street pipe each service line is tapped into. */
  readonly pipeRow: Int32Array;
}

const serviceRows = perCity((city) => {
  const byNetwork = new Map<PipeNetwork, ServiceRows>();
  const networks = new Set(city.serviceLines.map((line) => line.network));
  for (const network of networks) {
    const pipeRows = new Map(
      city.pipes.filter((pipe) => pipe.network === network).map((pipe, row) => [pipe.id, row]),
    );
    const lines = city.serviceLines.filter((line) => line.network === network);
    byNetwork.set(network, {
      ids: lines.map((line) => line.id),
      pipeRow: Int32Array.from(lines, (line) => pipeRows.get(line.pipeId) ?? -1),
    });
  }
  return byNetwork;
});

export function networkColumns(
  city: CityModel,
  network: PipeNetwork,
  pipeIds: readonly string[],
  column: string,
  values: readonly (number | null)[],
): StateColumns {
  const rows = serviceRows(city).get(network);
  const ids = pipeIds.slice();
  const out = values.slice();
  if (rows) {
    for (let k = 0; k < rows.ids.length; k++) {
      ids.push(rows.ids[k]!);
      out.push(values[rows.pipeRow[k]!] ?? null);
    }
  }
  return { ids, columns: { [column]: out } };
}
