/** Pipe networks: water supply, drainage and gas mains, and their pumps, valves and manholes. */
import { defineDomain } from '../../map/layer-contract';
import { drainageFullKpi, waterPressureAlarmsKpi } from './kpis';
import { pipesMessages } from './messages';
import { nodesLayer } from './nodes-layer';
import { drainagePipesLayer, gasPipesLayer, waterPipesLayer } from './pipe-lines-layer';

export const pipesDomain = defineDomain({
  id: 'pipes',
  titleKey: 'title',
  layers: [waterPipesLayer, drainagePipesLayer, gasPipesLayer, nodesLayer],
  kpis: [waterPressureAlarmsKpi, drainageFullKpi],
  messages: pipesMessages,
});
