'use client';

import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: number[];
  color: string;
  /** A second y axis on the right, for a series of another unit (money beside counts). */
  right?: boolean;
  bars?: boolean;
}

export interface ChartMarker {
  x: number;
  color: string;
}

// Labelled x values (a date per show) are categories: ticks only on whole positions, and half a step
// of room at each end, so the first and last labels (and bars) are not cut at the canvas' edges.
const CATEGORY_STEPS = [1, 2, 5, 10, 20, 50, 100];
// From the data itself: uPlot widens a single point's range before a range function sees it.
const aroundCategories = (x: number[]) => (): uPlot.Range.MinMax => [(x[0] ?? 0) - 0.5, (x.at(-1) ?? 0) + 0.5];

/**
 * One chart drawn by uPlot on a canvas. The canvas is hidden from screen readers: every chart
 * sits in a figure whose caption and table say the same (see ChartFigure). uPlot is imported
 * when the chart mounts, so only the report pages ever load it.
 */
export function ReportChart({
  x,
  series,
  markers = [],
  xLabel,
  formatX,
  testId,
}: {
  x: number[];
  series: ChartSeries[];
  markers?: ChartMarker[];
  xLabel: string;
  /** Labels of the x axis' ticks; numbers as they are when absent. */
  formatX?: readonly string[];
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    const observer = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: 220 }));
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const bars = UPlot.paths.bars?.({ size: [0.6, 40] });
      const fromZero = (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => UPlot.rangeNum(0, max > 0 ? max : 1, 0.1, true);
      const options: uPlot.Options = {
        width: element.clientWidth,
        height: 220,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        // Counts, money and shares all start at zero: a bar axis from 40 would make $42 look like nothing.
        scales: {
          x: formatX ? { time: false, range: aroundCategories(x) } : { time: false },
          y: { range: fromZero },
          right: { range: fromZero },
        },
        axes: [
          formatX ? { label: xLabel, incrs: CATEGORY_STEPS, values: (_u, ticks) => ticks.map((t) => formatX[t] ?? '') } : { label: xLabel },
          { size: 48 },
          ...(series.some((s) => s.right) ? [{ side: 1, scale: 'right', grid: { show: false }, size: 64 }] : []),
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? s.color : undefined,
            width: 2,
            scale: s.right ? 'right' : 'y',
            paths: s.bars ? bars : undefined,
            // A line of one or two points would draw nothing: mark them.
            points: { show: s.values.length < 3 },
          })),
        ],
        hooks: {
          // Pins and deals as thin vertical lines, so a jump in sales can be read against what caused it.
          draw: [
            (u) => {
              const { ctx } = u;
              ctx.save();
              for (const marker of markers) {
                const left = u.valToPos(marker.x, 'x', true);
                ctx.strokeStyle = marker.color;
                ctx.lineWidth = 2;
                ctx.setLineDash([4, 4]);
                ctx.beginPath();
                ctx.moveTo(left, u.bbox.top);
                ctx.lineTo(left, u.bbox.top + u.bbox.height);
                ctx.stroke();
              }
              ctx.restore();
            },
          ],
        },
      };
      chart = new UPlot(options, [x, ...series.map((s) => s.values)], element);
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [x, series, markers, xLabel, formatX]);
  return <div ref={box} aria-hidden="true" className="min-h-[220px] w-full" data-testid={testId} />;
}
