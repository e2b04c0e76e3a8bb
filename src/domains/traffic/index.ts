/** Road traffic: live congestion on every road segment. */
import { defineDomain } from '../../map/layer-contract';
import { congestionIndexKpi } from './kpis';
import { trafficMessages } from './messages';
import { roadsLayer } from './roads-layer';

export const trafficDomain = defineDomain({
  id: 'traffic',
  titleKey: 'title',
  layers: [roadsLayer],
  kpis: [congestionIndexKpi],
  messages: trafficMessages,
});
