/** Fire safety: stations and their readiness, hydrants, and active alarms and incidents. */
import { defineDomain } from '../../map/layer-contract';
import { alarmsLayer } from './alarms-layer';
import { hydrantsLayer } from './hydrants-layer';
import { fireMessages } from './messages';
import { stationsLayer } from './stations-layer';

export const fireDomain = defineDomain({
  id: 'fire',
  titleKey: 'title',
  // Drawing order: a station stands out over the hydrants around it, alarms over everything.
  layers: [hydrantsLayer, stationsLayer, alarmsLayer],
  messages: fireMessages,
});
