/**
 * GPU parameters for layers that must never be hidden: in interleaved mode deck.gl shares
 * MapLibre's depth buffer, so extruded buildings would otherwise cover labels and highlights
 * drawn at ground level.
 */
export const DRAW_ON_TOP = { depthCompare: 'always', depthWriteEnabled: false } as const;
