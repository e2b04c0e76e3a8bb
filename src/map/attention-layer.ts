/**
 * Places that must catch the eye (a new severe alarm): an expanding ring that pulses over
 * everything, the same whatever the domain. Drawn only while there is something to flag.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Position } from '../data/schemas';
import { statusColors } from '../ui/theme';
import { DRAW_ON_TOP } from './draw-on-top';

export const ATTENTION_LAYER_ID = 'attention-pulse';
/** One pulse a second: fast enough to be noticed, slow enough not to be frantic. */
const PULSE_MS = 1_000;
const MIN_RADIUS_PX = 10;
const MAX_RADIUS_PX = 34;

export function attentionLayer(positions: readonly Position[], animationTime: number) {
  const phase = (animationTime % PULSE_MS) / PULSE_MS;
  const [r, g, b] = statusColors.alarm;
  return new ScatterplotLayer<Position>({
    id: ATTENTION_LAYER_ID,
    data: positions,
    getPosition: (position) => [position[0], position[1]],
    radiusUnits: 'pixels',
    getRadius: MIN_RADIUS_PX + (MAX_RADIUS_PX - MIN_RADIUS_PX) * phase,
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    getLineColor: [r, g, b, Math.round(255 * (1 - phase))],
    updateTriggers: { getRadius: phase, getLineColor: phase },
    pickable: false,
    parameters: DRAW_ON_TOP,
  });
}
