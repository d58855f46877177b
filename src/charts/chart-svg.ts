import { select, type Selection } from 'd3-selection';
import type { ScaleLinear } from 'd3-scale';

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

export type ChartSvg = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * An empty chart drawn with the given document (so it runs in jsdom): sized, titled and
 * aria-hidden, because every chart has a table with the same numbers beside it.
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
  svg.append('title').text(title);
  return svg;
}

/** Horizontal gridlines with their values on the left, for a vertical value scale. */
export function drawValueGridlines(
  svg: ChartSvg,
  y: ScaleLinear<number, number>,
  left: number,
  right: number,
): void {
  const axis = svg.append('g').attr('fill', TEXT_COLOUR).attr('font-size', 12);
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
