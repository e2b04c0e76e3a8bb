/**
 * How nodes are drawn: a disc sized by kind, filled by condition, outlined in the network's
 * colour, with a symbol inside saying kind and condition. Manholes are small hollow rings.
 */
import { basemapColors, statusColors, type Rgba } from '../../ui/theme';
import { NETWORK_COLORS, type PipeNetwork } from './networks';
import type { NodeCondition, NodeKind } from './node-condition';

/**
 * Nodes are drawn from this zoom on; below it they would only be clutter (the whole demo town at
 * its start-up zoom would be covered in hundreds of symbols).
 */
export const NODE_MIN_ZOOM = 15.5;

export const NODE_RADIUS_PIXELS: Readonly<Record<NodeKind, number>> = {
  pump: 10,
  valve: 8,
  manhole: 5,
};
export const UNKNOWN_KIND_RADIUS_PIXELS = 5;
export const NODE_OUTLINE_PIXELS = 2;

/** Inside of a hollow node: the map background, so the node still hides what is under it. */
export const NODE_HOLLOW_FILL: Rgba = basemapColors.labelHalo;
export const NODE_SYMBOL_COLOR: Rgba = basemapColors.labelHalo;

export const NODE_FILL: Readonly<Record<NodeCondition, Rgba>> = {
  running: statusColors.normal,
  open: statusColors.normal,
  stopped: statusColors.warning,
  closed: statusColors.warning,
  noReading: statusColors.unknown,
  passive: NODE_HOLLOW_FILL,
};

export const NODE_SYMBOL: Readonly<Record<NodeCondition, string>> = {
  running: '▲',
  stopped: '■',
  open: '◆',
  closed: '×',
  noReading: '?',
  passive: '',
};
export const NODE_SYMBOL_CHARACTERS = '▲■◆×?';

export const NODE_SYMBOL_SIZE_PIXELS: Readonly<Record<NodeKind, number>> = {
  pump: 13,
  valve: 11,
  manhole: 0,
};

export function nodeOutlineColor(network: PipeNetwork | null): Rgba {
  return network ? NETWORK_COLORS[network] : statusColors.unknown;
}
