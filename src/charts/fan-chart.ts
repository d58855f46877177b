import { scaleBand, scaleLinear } from 'd3-scale';
import {
  DEFAULT_CHART_WIDTH,
  TEXT_COLOUR,
  createChartSvg,
  drawLegend,
  drawValueGridlines,
  tickLabelWidth,
  type LegendKey,
} from './chart-svg.ts';
import { textWidth } from './text.ts';

/**
 * One point of a fan chart: a label on the x axis, the central projection (the line) and,
 * when draws were run, the 10th and 90th percentiles around it (the band).
 */
export interface FanPoint {
  label: string;
  central: number;
  p10?: number | undefined;
  p90?: number | undefined;
}

export interface FanChartOptions {
  title: string;
  yLabel: string;
  /** The width the chart is shown at, in CSS pixels. */
  width?: number;
  /** Height of the plot, axes included (the legend adds its rows above). */
  height?: number;
}

/** The legend's words, shared with the tables beside fan charts so both call a figure the same. */
export const CENTRAL_LABEL = 'Central projection';
export const RANGE_LABEL = '10th to 90th percentile range';

const DARK_BLUE = '#12436D';
const LIGHT_BLUE = '#6BACE6';
const RIGHT = 16;
const BOTTOM = 36;
/** Room for the rotated axis title left of the tick labels. */
const AXIS_TITLE = 24;

const hasRange = (point: FanPoint) => point.p10 !== undefined && point.p90 !== undefined;

/**
 * A fan chart of a forecast: the central projection as a line with points, and the P10-P90
 * range as a band around it, with a legend naming both. Pure: draws with the given document,
 * so it runs in jsdom. The chart is aria-hidden; the page shows the same numbers in a table.
 */
export function renderFanChart(
  points: FanPoint[],
  options: FanChartOptions,
  document: Document,
): SVGSVGElement {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  // Shorter on a phone, so the chart and its legend fit on one screen.
  const plotHeight = options.height ?? Math.round(Math.min(320, Math.max(220, width * 0.6)));
  const ranged = points.length > 0 && points.every(hasRange);
  const keys: LegendKey[] = [
    { label: CENTRAL_LABEL, colour: DARK_BLUE, mark: 'line' },
    ...(ranged ? [{ label: RANGE_LABEL, colour: LIGHT_BLUE, mark: 'band' as const }] : []),
  ];
  const values = points.flatMap((point) => [point.central, point.p10, point.p90]);
  const known = values.filter((value): value is number => value !== undefined);
  const y = scaleLinear()
    .domain([Math.min(0, ...known), Math.max(1, ...known)])
    .nice();
  const left = AXIS_TITLE + tickLabelWidth(y) + 10;

  const svg = createChartSvg(document, width, 0, options.title);
  const legendHeight = drawLegend(svg, keys, left, 4, width - left - RIGHT);
  const top = legendHeight + 16;
  const height = top + plotHeight - BOTTOM;
  svg.attr('height', height + BOTTOM).attr('viewBox', `0 0 ${width} ${height + BOTTOM}`);
  y.range([height, top]);
  const x = scaleBand<string>()
    .domain(points.map((point) => point.label))
    .range([left, width - RIGHT])
    .padding(0.5);
  const centre = (label: string) => (x(label) ?? 0) + x.bandwidth() / 2;

  drawValueGridlines(svg, y, left, width - RIGHT);
  const axis = svg.append('g').attr('fill', TEXT_COLOUR);
  // Every label when they fit side by side, else every second or third (the table has them all).
  const widest = Math.max(0, ...points.map((point) => textWidth(point.label)));
  const every = Math.max(1, Math.ceil((widest + 8) / Math.max(1, x.step())));
  points.forEach((point, index) => {
    if (index % every !== 0) return;
    axis
      .append('text')
      .attr('x', centre(point.label))
      .attr('y', height + 20)
      .attr('text-anchor', 'middle')
      .text(point.label);
  });
  axis
    .append('text')
    .attr('transform', `translate(14 ${(top + height) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(options.yLabel);

  if (points.length === 0) return svg.node() as SVGSVGElement;
  if (ranged) {
    const band =
      points
        .map((point, i) => `${i === 0 ? 'M' : 'L'}${centre(point.label)},${y(point.p90!)}`)
        .join('') +
      [...points]
        .reverse()
        .map((point) => `L${centre(point.label)},${y(point.p10!)}`)
        .join('') +
      'Z';
    svg
      .append('path')
      .attr('class', 'tsp-chart__band')
      .attr('d', band)
      .attr('fill', LIGHT_BLUE)
      .attr('fill-opacity', 0.5)
      .attr('stroke', 'none');
  }
  const line = points
    .map((point, i) => `${i === 0 ? 'M' : 'L'}${centre(point.label)},${y(point.central)}`)
    .join('');
  svg
    .append('path')
    .attr('class', 'tsp-chart__central')
    .attr('d', line)
    .attr('fill', 'none')
    .attr('stroke', DARK_BLUE)
    .attr('stroke-width', 3);
  for (const point of points) {
    const range = hasRange(point)
      ? `, range ${point.p10!.toFixed(1)} to ${point.p90!.toFixed(1)}`
      : '';
    svg
      .append('circle')
      .attr('cx', centre(point.label))
      .attr('cy', y(point.central))
      .attr('r', 4)
      .attr('fill', DARK_BLUE)
      .attr('aria-label', `${point.label}: central projection ${point.central.toFixed(1)}${range}`);
  }
  return svg.node() as SVGSVGElement;
}
