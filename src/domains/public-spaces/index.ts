/** Public spaces: how full parks, plazas, transit hubs and venues are right now. */
import { defineDomain } from '../../map/layer-contract';
import { crowdedSpacesKpi } from './kpis';
import { publicSpacesMessages } from './messages';
import { spacesLayer } from './spaces-layer';

export const publicSpacesDomain = defineDomain({
  id: 'public-spaces',
  titleKey: 'title',
  layers: [spacesLayer],
  kpis: [crowdedSpacesKpi],
  messages: publicSpacesMessages,
});
