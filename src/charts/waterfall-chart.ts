import { scaleLinear } from 'd3-scale';
import {
  DEFAULT_CHART_WIDTH,
  TEXT_COLOUR,
  createChartSvg,
  drawValueGridlinesAcross,
  drawLegend,
  type LegendKey,
} from './chart-svg.ts';
import { textWidth, wrapToWidth } from './text.ts';

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
  /** The width the chart is shown at, in CSS pixels. */
  width?: number;
  /** How a total is written (default one decimal place); the page's table should use the same. */
  formatTotal?: (value: number) => string;
  /** How a step's size is written, without its sign (default one decimal place). */
  formatStep?: (value: number) => string;
}

const TOTAL_COLOUR = '#12436D';
const INCREASE_COLOUR = '#F46A25';
const DECREASE_COLOUR = '#28A197';
const LINE_HEIGHT = 15;
const BAR_PADDING = 5;
const AXIS_HEIGHT = 28;
const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const defaultFormat = (value: number) => oneDecimal.format(value);

interface Bar {
  label: string;
  from: number;
  to: number;
  kind: 'total' | 'up' | 'down';
}

/**
 * A waterfall from a start total through signed steps to the end total (start + sum of steps),
 * drawn across the page: one row per bar with its label on the left and its value at its end,
 * so labels stay readable at any width. Increases and decreases differ in colour and carry
 * their sign, and a legend names the three kinds, so colour is not the only cue. Pure and
 * aria-hidden; the page shows the same numbers in a table.
 */
export function renderWaterfallChart(
  steps: WaterfallStep[],
  options: WaterfallOptions,
  document: Document,
): SVGSVGElement {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const formatTotal = options.formatTotal ?? defaultFormat;
  const formatStep = options.formatStep ?? defaultFormat;
  const bars: Bar[] = [];
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
  const valueText = (bar: Bar) => {
    if (bar.kind === 'total') return formatTotal(bar.to);
    const change = bar.to - bar.from;
    return `${change >= 0 ? '+' : '−'}${formatStep(Math.abs(change))}`;
  };

  const keys: LegendKey[] = [
    { label: 'Total', colour: TOTAL_COLOUR, mark: 'swatch' },
    { label: 'Raises need', colour: INCREASE_COLOUR, mark: 'swatch' },
    { label: 'Lowers need', colour: DECREASE_COLOUR, mark: 'swatch' },
  ];
  const labelWidth = Math.min(
    Math.max(...bars.map((bar) => textWidth(bar.label))),
    Math.round(width * 0.38),
  );
  const right = Math.max(...bars.map((bar) => textWidth(valueText(bar)))) + 12;
  const lines = bars.map((bar) => wrapToWidth(bar.label, labelWidth));
  const rowHeights = lines.map((text) => Math.max(26, text.length * LINE_HEIGHT + 8));

  const svg = createChartSvg(document, width, 0, options.title);
  const legendHeight = drawLegend(svg, keys, 0, 4, width);
  const top = legendHeight + 14;
  const plotHeight = rowHeights.reduce((sum, h) => sum + h, 0);
  const height = top + plotHeight + AXIS_HEIGHT;
  svg.attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);

  const values = bars.flatMap((bar) => [bar.from, bar.to]);
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(1, ...values)])
    .nice()
    .range([labelWidth + 12, width - right]);

  drawValueGridlinesAcross(svg, x, top, top + plotHeight, { spacing: 90, labelOffset: 18 });

  let rowTop = top;
  bars.forEach((bar, index) => {
    const rowHeight = rowHeights[index]!;
    const barTop = rowTop + BAR_PADDING;
    const barHeight = rowHeight - 2 * BAR_PADDING;
    const colour =
      bar.kind === 'total' ? TOTAL_COLOUR : bar.kind === 'up' ? INCREASE_COLOUR : DECREASE_COLOUR;
    const change = bar.to - bar.from;
    const low = Math.min(bar.from, bar.to);
    const high = Math.max(bar.from, bar.to);
    svg
      .append('rect')
      .attr('x', x(low))
      .attr('y', barTop)
      .attr('width', Math.max(1, x(high) - x(low)))
      .attr('height', barHeight)
      .attr('fill', colour)
      .attr(
        'aria-label',
        `${bar.label}: ${bar.kind === 'total' ? bar.to.toFixed(1) : (change >= 0 ? '+' : '') + change.toFixed(1)}`,
      );
    svg
      .append('text')
      .attr('x', x(high) + 4)
      .attr('y', barTop + barHeight / 2 + 4)
      .text(valueText(bar));
    const label = svg
      .append('text')
      .attr('x', labelWidth)
      .attr('y', rowTop + rowHeight / 2 + 4 - ((lines[index]!.length - 1) * LINE_HEIGHT) / 2)
      .attr('text-anchor', 'end');
    lines[index]!.forEach((line, n) => {
      label
        .append('tspan')
        .attr('x', labelWidth)
        .attr('dy', n === 0 ? 0 : LINE_HEIGHT)
        .text(line);
    });
    // A connector from this bar's end to the next bar's start, as waterfalls read.
    if (index < bars.length - 1) {
      svg
        .append('line')
        .attr('x1', x(bar.to))
        .attr('x2', x(bar.to))
        .attr('y1', barTop + barHeight)
        .attr('y2', rowTop + rowHeight + BAR_PADDING)
        .attr('stroke', TEXT_COLOUR)
        .attr('stroke-dasharray', '2 2');
    }
    rowTop += rowHeight;
  });
  return svg.node() as SVGSVGElement;
}
