import { scaleBand, scaleLinear } from 'd3-scale';
import { TEXT_COLOUR, createChartSvg, drawValueGridlines } from './chart-svg.ts';

/** A step of a waterfall: a signed contribution to the change between two totals. */
export interface WaterfallStep {
  label: string;
  value: number;
}

export interface WaterfallOptions {
  title: string;
  startLabel: string;
  startValue: number;
  endLabel: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 24, right: 24, bottom: 96, left: 72 };
const TOTAL_COLOUR = '#12436D';
const INCREASE_COLOUR = '#F46A25';
const DECREASE_COLOUR = '#28A197';

/**
 * A waterfall from a start total through signed steps to the end total (start + sum of steps).
 * Increases and decreases differ in colour and are labelled with their sign, so colour is not
 * the only cue. Pure and aria-hidden; the page shows the same numbers in a table.
 */
export function renderWaterfallChart(
  steps: WaterfallStep[],
  options: WaterfallOptions,
  document: Document,
): SVGSVGElement {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const bars: { label: string; from: number; to: number; kind: 'total' | 'up' | 'down' }[] = [];
  let running = options.startValue;
  bars.push({ label: options.startLabel, from: 0, to: running, kind: 'total' });
  for (const step of steps) {
    bars.push({
      label: step.label,
      from: running,
      to: running + step.value,
      kind: step.value >= 0 ? 'up' : 'down',
    });
    running += step.value;
  }
  bars.push({ label: options.endLabel, from: 0, to: running, kind: 'total' });

  const x = scaleBand<string>()
    .domain(bars.map((bar) => bar.label))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.25);
  const values = bars.flatMap((bar) => [bar.from, bar.to]);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(1, ...values)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);

  const svg = createChartSvg(document, width, height, options.title);
  drawValueGridlines(svg, y, MARGIN.left, width - MARGIN.right);

  for (const bar of bars) {
    const left = x(bar.label) ?? 0;
    const top = y(Math.max(bar.from, bar.to));
    const barHeight = Math.max(1, Math.abs(y(bar.from) - y(bar.to)));
    const colour =
      bar.kind === 'total' ? TOTAL_COLOUR : bar.kind === 'up' ? INCREASE_COLOUR : DECREASE_COLOUR;
    const change = bar.to - bar.from;
    svg
      .append('rect')
      .attr('x', left)
      .attr('y', top)
      .attr('width', x.bandwidth())
      .attr('height', barHeight)
      .attr('fill', colour)
      .attr(
        'aria-label',
        `${bar.label}: ${bar.kind === 'total' ? bar.to.toFixed(1) : (change >= 0 ? '+' : '') + change.toFixed(1)}`,
      );
    svg
      .append('text')
      .attr('x', left + x.bandwidth() / 2)
      .attr('y', top - 4)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .attr('fill', TEXT_COLOUR)
      .text(
        bar.kind === 'total'
          ? bar.to.toFixed(0)
          : `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)}`,
      );
    svg
      .append('text')
      .attr(
        'transform',
        `translate(${left + x.bandwidth() / 2} ${height - MARGIN.bottom + 12}) rotate(40)`,
      )
      .attr('font-size', 11)
      .attr('fill', TEXT_COLOUR)
      .text(bar.label);
  }
  return svg.node() as SVGSVGElement;
}
