/**
 * Fire safety: stations and their readiness, hydrants, active alarms and incidents, and the
 * engines out on calls.
 */
import { defineDomain } from '../../map/layer-contract';
import { activeFiresKpi, responseTimeKpi } from './kpis';
import { alarmsLayer } from './alarms-layer';
import { hydrantsLayer } from './hydrants-layer';
import { fireMessages } from './messages';
import { stationsLayer } from './stations-layer';
import { unitsLayer } from './units-layer';

export const fireDomain = defineDomain({
  id: 'fire',
  titleKey: 'title',
  // Drawing order: a station stands out over the hydrants around it, alarms over everything
  // but the engines, which park in front of the fire and must stay visible there.
  layers: [hydrantsLayer, stationsLayer, alarmsLayer, unitsLayer],
  kpis: [activeFiresKpi, responseTimeKpi],
  messages: fireMessages,
});
