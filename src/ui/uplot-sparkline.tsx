/**
 * A small trend line (uPlot, drawn on a canvas: cheap to redraw on a wall screen that runs for
 * days). No axes or hover: the figure beside it carries the number, the line only the shape;
 * `label` says the trend in words for screen readers. Loaded on demand: use `Sparkline`
 * (sparkline.tsx), which holds its place while this loads.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Rgba } from './theme';

export interface SparklineProps {
  /** Times in ms, ascending. */
  readonly times: readonly number[];
  /** One value per time; null is a gap. */
  readonly values: readonly (number | null)[];
  readonly color: Rgba;
  readonly width: number;
  readonly height: number;
  readonly label: string;
}

function css([r, g, b]: Rgba, alpha = 1): string {
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function chartData(
  times: readonly number[],
  values: readonly (number | null)[],
): uPlot.AlignedData {
  // uPlot's time scale is in seconds.
  return [times.map((time) => time / 1_000), [...values]];
}

export function UplotSparkline({ times, values, color, width, height, label }: SparklineProps) {
  const container = useRef<HTMLDivElement | null>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const target = container.current;
    if (!target) return;
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        axes: [{ show: false }, { show: false }],
        scales: {
          x: { time: true },
          y: {
            auto: true,
            range: (_u, min, max) => (min === max ? [min - 1, max + 1] : [min, max]),
          },
        },
        series: [
          {},
          {
            stroke: css(color),
            width: 1.5,
            fill: css(color, 0.15),
            points: { show: false },
            spanGaps: false,
          },
        ],
      },
      [[], []],
      target,
    );
    chart.current = plot;
    return () => {
      plot.destroy();
      chart.current = null;
    };
  }, [width, height, color]);

  useEffect(() => {
    chart.current?.setData(chartData(times, values));
  }, [times, values, width, height, color]);

  return (
    <div
      className="sparkline"
      style={{ width, height }}
      ref={container}
      role="img"
      aria-label={label}
    />
  );
}
