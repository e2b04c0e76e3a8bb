/**
 * The three pipe networks and how each is told apart on the map. Status always uses the status
 * colours; the network shows in the line style (solid / long dashes / short dashes), the base
 * width, and the outline colour of its nodes.
 */
import type { LegendShape } from '../../map/layer-contract';
import { statusColors, withAlpha, type Rgba, type StatusLevel } from '../../ui/theme';

export const PIPE_NETWORKS = ['water', 'drainage', 'gas'] as const;
export type PipeNetwork = (typeof PIPE_NETWORKS)[number];

export function pipeNetworkOf(value: string | null): PipeNetwork | null {
  return PIPE_NETWORKS.find((network) => network === value) ?? null;
}

export interface NetworkLineStyle {
  /** Base line width in pixels, before the status factor. */
  readonly widthPixels: number;
  /** `[dash, gap]` relative to half the line width; null draws a solid line. */
  readonly dash: readonly [number, number] | null;
  /** The legend swatch that shows this line style. */
  readonly legendShape: LegendShape;
}

export const NETWORK_LINE_STYLE: Readonly<Record<PipeNetwork, NetworkLineStyle>> = {
  water: { widthPixels: 3, dash: null, legendShape: 'line' },
  drainage: { widthPixels: 4, dash: [4, 2], legendShape: 'dashed-line' },
  gas: { widthPixels: 2.5, dash: [1.6, 1.6], legendShape: 'dotted-line' },
};

/**
 * Line colour per status: the status colours, with normal and unreadable pipes translucent so the
 * dense networks stay in the background and pipes in trouble stand out.
 */
export const PIPE_STATUS_COLORS: Readonly<Record<StatusLevel, Rgba>> = {
  // Management by exception: healthy pipes are a faint trace under the traffic; only warnings
  // and alarms stand out.
  normal: withAlpha(statusColors.normal, 0.3),
  unknown: withAlpha(statusColors.unknown, 0.3),
  warning: statusColors.warning,
  alarm: statusColors.alarm,
};

/** Service lines (street pipe to building) are drawn thinner than the street pipes. */
export const SERVICE_LINE_WIDTH_FACTOR = 0.5;

/** Pipes in trouble are drawn wider so they stand out of the network around them. */
export const STATUS_WIDTH_FACTOR: Readonly<Record<StatusLevel, number>> = {
  normal: 0.6,
  unknown: 0.6,
  warning: 1.5,
  alarm: 2,
};

/** Network identity colours (Okabe–Ito blue, bluish green, reddish purple), for node outlines. */
export const NETWORK_COLORS: Readonly<Record<PipeNetwork, Rgba>> = {
  water: [0, 114, 178, 255],
  drainage: [0, 158, 115, 255],
  gas: [204, 121, 167, 255],
};
