/**
 * Colours of the whole app. Status colours follow the Okabe–Ito palette, which stays distinct
 * for the common colour-vision deficiencies; every status is also paired with a label or a shape.
 */
export type Rgba = readonly [number, number, number, number];

export const statusColors = {
  normal: [86, 180, 233, 255], // sky blue
  warning: [230, 159, 0, 255], // orange
  alarm: [213, 94, 0, 255], // vermillion
  unknown: [140, 140, 150, 255],
} as const satisfies Record<string, Rgba>;
export type StatusLevel = keyof typeof statusColors;

export const congestionColors = {
  free: [0, 158, 115, 255], // bluish green
  slow: [240, 228, 66, 255], // yellow
  congested: [230, 159, 0, 255], // orange
  jammed: [213, 94, 0, 255], // vermillion
  unknown: [140, 140, 150, 255],
} as const satisfies Record<string, Rgba>;
export type CongestionLevel = keyof typeof congestionColors;

export const highlightColor: Rgba = [255, 255, 255, 255];
/** Features a clicked KPI counts: reddish purple (Okabe–Ito), apart from every status colour. */
export const focusColor: Rgba = [204, 121, 167, 255];
export const hoverColor: Rgba = [255, 255, 255, 90];

export const basemapColors = {
  background: '#0b1220',
  land: '#111a2b',
  water: '#0d2f4f',
  waterOutline: '#174a73',
  residential: '#141f33',
  commercial: '#1a2236',
  industrial: '#181d2a',
  park: '#12301f',
  roadExpressway: '#3b4a66',
  roadArterial: '#2e3b54',
  roadLocal: '#243047',
  building: '#1f2a40',
  districtBoundary: '#6b7fa6',
  labelDistrict: [210, 222, 245, 255] as Rgba,
  labelRoad: [150, 165, 195, 255] as Rgba,
  labelHalo: [11, 18, 32, 230] as Rgba,
} as const;

export const fonts = {
  ui: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  map: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
} as const;

export function withAlpha(color: Rgba, alpha: number): Rgba {
  return [color[0], color[1], color[2], Math.round(Math.max(0, Math.min(1, alpha)) * 255)];
}

export function cssColor(color: Rgba): string {
  return `rgba(${color[0]}, ${color[1]}, ${color[2]}, ${(color[3] / 255).toFixed(3)})`;
}

/** A d3 colour scale's output (`rgb(r, g, b)` or `#rrggbb`) as RGBA. */
export function parseRgb(css: string): Rgba {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 255];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), 255];
  throw new Error(`not an rgb() or #rrggbb colour: ${css}`);
}
