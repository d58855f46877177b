import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';

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

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
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

  const svg = select(document.createElementNS(SVG_NAMESPACE, 'svg'));
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.attr('aria-hidden', 'true').attr('focusable', 'false');
  svg.append('title').text(options.title);

  const axis = svg.append('g').attr('fill', '#0b0c0c').attr('font-size', 12);
  for (const tick of y.ticks(5)) {
    axis
      .append('line')
      .attr('x1', MARGIN.left)
      .attr('x2', width - MARGIN.right)
      .attr('y1', y(tick))
      .attr('y2', y(tick))
      .attr('stroke', '#b1b4b6');
    axis
      .append('text')
      .attr('x', MARGIN.left - 8)
      .attr('y', y(tick) + 4)
      .attr('text-anchor', 'end')
      .text(tick.toLocaleString('en-GB'));
  }

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
      .attr('fill', '#0b0c0c')
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
      .attr('fill', '#0b0c0c')
      .text(bar.label);
  }
  return svg.node() as SVGSVGElement;
}
