import { select, type Selection } from 'd3-selection';
import type { ScaleLinear } from 'd3-scale';
import { MIN_FONT_SIZE, textWidth } from './text.ts';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** GOV.UK text colour and the Analysis Function categorical palette, in order. */
export const TEXT_COLOUR = '#0b0c0c';
export const GRID_COLOUR = '#b1b4b6';
export const CATEGORICAL_COLOURS = [
  '#12436D',
  '#F46A25',
  '#801650',
  '#28A197',
  '#2073BC',
  '#6BACE6',
];

/** Width a chart is drawn at when its caller does not say (e.g. in jsdom, which has no layout). */
export const DEFAULT_CHART_WIDTH = 640;

export type ChartSvg = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * An empty chart drawn with the given document (so it runs in jsdom): sized, titled and
 * aria-hidden, because every chart has a table with the same numbers beside it. Text is drawn
 * at its real size: callers draw at the width the chart is shown (see tsp-chart), so a 12 px
 * label stays 12 px on a phone instead of being scaled down with the drawing.
 */
export function createChartSvg(
  document: Document,
  width: number,
  height: number,
  title: string,
): ChartSvg {
  const svg = select(document.createElementNS(SVG_NAMESPACE, 'svg') as SVGSVGElement);
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.attr('aria-hidden', 'true').attr('focusable', 'false');
  svg.attr('font-size', MIN_FONT_SIZE).attr('fill', TEXT_COLOUR);
  svg.append('title').text(title);
  return svg;
}

/** Widest tick label of a value scale, for the margin that holds them. */
export function tickLabelWidth(y: ScaleLinear<number, number>): number {
  return Math.max(0, ...y.ticks(5).map((tick) => textWidth(tick.toLocaleString('en-GB'))));
}

/** Horizontal gridlines with their values on the left, for a vertical value scale. */
export function drawValueGridlines(
  svg: ChartSvg,
  y: ScaleLinear<number, number>,
  left: number,
  right: number,
): void {
  const axis = svg.append('g').attr('fill', TEXT_COLOUR).attr('font-size', MIN_FONT_SIZE);
  for (const tick of y.ticks(5)) {
    axis
      .append('line')
      .attr('x1', left)
      .attr('x2', right)
      .attr('y1', y(tick))
      .attr('y2', y(tick))
      .attr('stroke', GRID_COLOUR)
      .attr('stroke-width', 1);
    axis
      .append('text')
      .attr('x', left - 8)
      .attr('y', y(tick) + 4)
      .attr('text-anchor', 'end')
      .text(tick.toLocaleString('en-GB'));
  }
}

/**
 * Vertical gridlines with their values underneath, for a horizontal value scale (bars drawn
 * across the page): a tick every `spacing` pixels or so. Returns the group, for an axis title.
 */
export function drawValueGridlinesAcross(
  svg: ChartSvg,
  x: ScaleLinear<number, number>,
  top: number,
  bottom: number,
  { spacing, labelOffset }: { spacing: number; labelOffset: number },
): Selection<SVGGElement, unknown, null, undefined> {
  const [left, right] = x.range() as [number, number];
  const axis = svg.append('g').attr('fill', TEXT_COLOUR);
  for (const tick of x.ticks(Math.max(2, Math.floor((right - left) / spacing)))) {
    axis
      .append('line')
      .attr('x1', x(tick))
      .attr('x2', x(tick))
      .attr('y1', top)
      .attr('y2', bottom)
      .attr('stroke', GRID_COLOUR);
    axis
      .append('text')
      .attr('x', x(tick))
      .attr('y', bottom + labelOffset)
      .attr('text-anchor', 'middle')
      .text(tick.toLocaleString('en-GB'));
  }
  return axis;
}

/** A key in a chart's legend: a filled swatch (bordered), a band, or a line with a point. */
export interface LegendKey {
  label: string;
  colour: string;
  mark: 'swatch' | 'band' | 'line';
}

const KEY_SIZE = 14;
const KEY_GAP = 6;
const KEY_SPACING = 20;
export const LEGEND_ROW_HEIGHT = 22;

/**
 * Places keys left to right, starting a new row when the next would not fit in `width`.
 * Returns each key's position and the rows' total height, so a chart can make room first.
 */
export function legendLayout(
  keys: readonly LegendKey[],
  width: number,
): { positions: { x: number; y: number }[]; height: number } {
  const positions: { x: number; y: number }[] = [];
  let x = 0;
  let row = 0;
  for (const key of keys) {
    const keyWidth = KEY_SIZE + KEY_GAP + textWidth(key.label);
    if (x > 0 && x + keyWidth > width) {
      x = 0;
      row += 1;
    }
    positions.push({ x, y: row * LEGEND_ROW_HEIGHT });
    x += keyWidth + KEY_SPACING;
  }
  return { positions, height: keys.length === 0 ? 0 : (row + 1) * LEGEND_ROW_HEIGHT };
}

/** Draws a legend at (left, top) within `width`; returns its height. */
export function drawLegend(
  svg: ChartSvg,
  keys: readonly LegendKey[],
  left: number,
  top: number,
  width: number,
): number {
  const { positions, height } = legendLayout(keys, width);
  const legend = svg
    .append('g')
    .attr('class', 'tsp-chart__legend')
    .attr('transform', `translate(${left} ${top})`);
  keys.forEach((key, index) => {
    const { x, y } = positions[index]!;
    const item = legend.append('g').attr('transform', `translate(${x} ${y})`);
    if (key.mark === 'line') {
      item
        .append('line')
        .attr('x1', 0)
        .attr('x2', KEY_SIZE)
        .attr('y1', KEY_SIZE / 2)
        .attr('y2', KEY_SIZE / 2)
        .attr('stroke', key.colour)
        .attr('stroke-width', 3);
      item
        .append('circle')
        .attr('cx', KEY_SIZE / 2)
        .attr('cy', KEY_SIZE / 2)
        .attr('r', 3)
        .attr('fill', key.colour);
    } else {
      // Bordered, so a pale swatch stays visible on white.
      item
        .append('rect')
        .attr('width', KEY_SIZE)
        .attr('height', KEY_SIZE)
        .attr('fill', key.colour)
        .attr('fill-opacity', key.mark === 'band' ? 0.5 : 1)
        .attr('stroke', TEXT_COLOUR);
    }
    item
      .append('text')
      .attr('x', KEY_SIZE + KEY_GAP)
      .attr('y', KEY_SIZE - 2)
      .text(key.label);
  });
  return height;
}
