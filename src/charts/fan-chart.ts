import { scaleBand, scaleLinear } from 'd3-scale';
import { TEXT_COLOUR, createChartSvg, drawValueGridlines } from './chart-svg.ts';

/** One point of a fan chart: a label on the x axis and the P10, P50 and P90 of the quantity. */
export interface FanPoint {
  label: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface FanChartOptions {
  title: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 24, right: 24, bottom: 48, left: 72 };
const DARK_BLUE = '#12436D';
const LIGHT_BLUE = '#6BACE6';

/**
 * A fan chart of a forecast: the P10-P90 range as a band, the median as a line with points.
 * Pure: draws with the given document, so it runs in jsdom. The chart is aria-hidden; the
 * page shows the same numbers in a table beside it.
 */
export function renderFanChart(
  points: FanPoint[],
  options: FanChartOptions,
  document: Document,
): SVGSVGElement {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const x = scaleBand<string>()
    .domain(points.map((point) => point.label))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.5);
  const top = Math.max(1, ...points.map((point) => point.p90));
  const bottom = Math.min(0, ...points.map((point) => point.p10));
  const y = scaleLinear()
    .domain([bottom, top])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const centre = (label: string) => (x(label) ?? 0) + x.bandwidth() / 2;

  const svg = createChartSvg(document, width, height, options.title);
  drawValueGridlines(svg, y, MARGIN.left, width - MARGIN.right);
  const axis = svg.append('g').attr('fill', TEXT_COLOUR).attr('font-size', 12);
  for (const point of points) {
    axis
      .append('text')
      .attr('x', centre(point.label))
      .attr('y', height - MARGIN.bottom + 20)
      .attr('text-anchor', 'middle')
      .text(point.label);
  }
  axis
    .append('text')
    .attr('transform', `translate(16 ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(options.yLabel);

  if (points.length > 0) {
    const band =
      points
        .map((point, i) => `${i === 0 ? 'M' : 'L'}${centre(point.label)},${y(point.p90)}`)
        .join('') +
      [...points]
        .reverse()
        .map((point) => `L${centre(point.label)},${y(point.p10)}`)
        .join('') +
      'Z';
    svg
      .append('path')
      .attr('d', band)
      .attr('fill', LIGHT_BLUE)
      .attr('fill-opacity', 0.5)
      .attr('stroke', 'none');
    const median = points
      .map((point, i) => `${i === 0 ? 'M' : 'L'}${centre(point.label)},${y(point.p50)}`)
      .join('');
    svg
      .append('path')
      .attr('d', median)
      .attr('fill', 'none')
      .attr('stroke', DARK_BLUE)
      .attr('stroke-width', 3);
    for (const point of points) {
      svg
        .append('circle')
        .attr('cx', centre(point.label))
        .attr('cy', y(point.p50))
        .attr('r', 4)
        .attr('fill', DARK_BLUE)
        .attr(
          'aria-label',
          `${point.label}: median ${point.p50.toFixed(1)}, range ${point.p10.toFixed(1)} to ${point.p90.toFixed(1)}`,
        );
    }
  }
  return svg.node() as SVGSVGElement;
}
