/**
 * The map as a picture to hand on: what the map shows, with a legend of the visible layers and a
 * heading (city and time) beside it, as a PNG. The map's canvas keeps its last frame
 * (`preserveDrawingBuffer`), so it can be read at any moment.
 */
import type { Rgba } from '../../ui/theme';

export interface LegendBlock {
  readonly title: string;
  readonly entries: readonly { readonly label: string; readonly color: Rgba }[];
}

const LEGEND_WIDTH = 320;
const PADDING = 16;
const LINE = 20;
const BACKGROUND = '#0b1220';
const TEXT = '#e6ecf7';
const DIM = '#9aa8c3';
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

export function legendHeight(legend: readonly LegendBlock[]): number {
  return PADDING * 2 + LINE * 2 + legend.reduce((sum, block) => sum + LINE * (1.4 + block.entries.length), 0);
}

export function composeMapImage(
  map: HTMLCanvasElement,
  heading: readonly [string, string],
  legend: readonly LegendBlock[],
): HTMLCanvasElement {
  const scale = map.width / Math.max(1, map.clientWidth || map.width);
  const canvas = document.createElement('canvas');
  canvas.width = map.width + Math.round(LEGEND_WIDTH * scale);
  canvas.height = Math.max(map.height, Math.round(legendHeight(legend) * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to draw the picture on');
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(map, 0, 0);
  context.scale(scale, scale);
  const left = map.width / scale + PADDING;
  let y = PADDING + LINE;
  context.textBaseline = 'middle';
  context.fillStyle = TEXT;
  context.font = `700 16px ${FONT}`;
  context.fillText(heading[0], left, y, LEGEND_WIDTH - 2 * PADDING);
  y += LINE;
  context.fillStyle = DIM;
  context.font = `13px ${FONT}`;
  context.fillText(heading[1], left, y, LEGEND_WIDTH - 2 * PADDING);
  for (const block of legend) {
    y += LINE * 1.4;
    context.fillStyle = TEXT;
    context.font = `700 13px ${FONT}`;
    context.fillText(block.title, left, y, LEGEND_WIDTH - 2 * PADDING);
    context.font = `12px ${FONT}`;
    for (const entry of block.entries) {
      y += LINE;
      const [r, g, b, a] = entry.color;
      context.fillStyle = `rgba(${r}, ${g}, ${b}, ${Math.max(0.35, a / 255)})`;
      context.fillRect(left, y - 5, 18, 10);
      context.fillStyle = DIM;
      context.fillText(entry.label, left + 26, y, LEGEND_WIDTH - 2 * PADDING - 26);
    }
  }
  return canvas;
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map could not be turned into a PNG'))), 'image/png'),
  );
}
