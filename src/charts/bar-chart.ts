import { scaleLinear } from 'd3-scale';
import {
  CATEGORICAL_COLOURS,
  DEFAULT_CHART_WIDTH,
  createChartSvg,
  drawValueGridlinesAcross,
  drawLegend,
} from './chart-svg.ts';
import { textWidth, wrapToWidth } from './text.ts';

/** One row of a grouped bar chart: a category and one value per series. */
export interface BarGroup {
  label: string;
  values: number[];
}

export interface BarChartOptions {
  title: string;
  /** Series names, in the order of each group's values (e.g. ['2026/27', 'Last year']). */
  series: string[];
  /** What the values count, for the axis (e.g. 'Places'). */
  valueLabel: string;
  /** The width the chart is shown at, in CSS pixels. */
  width?: number;
  /** How a bar's value is written (default up to one decimal place); the table should agree. */
  formatValue?: (value: number) => string;
}

const LINE_HEIGHT = 15;
const BAR_HEIGHT = 14;
const GROUP_GAP = 10;
const AXIS_HEIGHT = 40;
const upToOneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/**
 * Horizontal grouped bars: a row per category (its label wrapped to fit), a bar per series,
 * each bar labelled with its value at its end and the series told apart by a bordered legend
 * as well as colour. Drawn at the width it is shown, so text keeps its size on a phone. Pure
 * and aria-hidden; the page shows the same numbers in a table.
 */
export function renderBarChart(
  groups: BarGroup[],
  options: BarChartOptions,
  document: Document,
): SVGSVGElement {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const format = options.formatValue ?? ((value: number) => upToOneDecimal.format(value));
  const labelWidth = Math.min(
    Math.max(0, ...groups.map((group) => textWidth(group.label))),
    Math.round(width * 0.35),
  );
  const lines = groups.map((group) => wrapToWidth(group.label, labelWidth));
  const seriesCount = Math.max(1, options.series.length);
  const groupHeights = lines.map(
    (text) => Math.max(seriesCount * BAR_HEIGHT, text.length * LINE_HEIGHT) + GROUP_GAP,
  );
  const right =
    Math.max(0, ...groups.flatMap((group) => group.values.map((v) => textWidth(format(v))))) + 12;

  const svg = createChartSvg(document, width, 0, options.title);
  const legendHeight = drawLegend(
    svg,
    options.series.map((label, index) => ({
      label,
      colour: CATEGORICAL_COLOURS[index % CATEGORICAL_COLOURS.length]!,
      mark: 'swatch' as const,
    })),
    0,
    4,
    width,
  );
  const top = legendHeight + 14;
  const plotHeight = groupHeights.reduce((sum, h) => sum + h, 0);
  const height = top + plotHeight + AXIS_HEIGHT;
  svg.attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);

  const largest = Math.max(1, ...groups.flatMap((group) => group.values));
  const x = scaleLinear()
    .domain([0, largest])
    .nice()
    .range([labelWidth + 12, width - right]);

  const axis = drawValueGridlinesAcross(svg, x, top, top + plotHeight, {
    spacing: 80,
    labelOffset: 16,
  });
  axis
    .append('text')
    .attr('x', (labelWidth + 12 + width - right) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .text(options.valueLabel);

  let groupTop = top;
  groups.forEach((group, index) => {
    const groupHeight = groupHeights[index]!;
    const barsTop = groupTop + (groupHeight - GROUP_GAP - seriesCount * BAR_HEIGHT) / 2;
    const text = lines[index]!;
    const label = svg
      .append('text')
      .attr('x', labelWidth)
      .attr(
        'y',
        groupTop + (groupHeight - GROUP_GAP) / 2 + 4 - ((text.length - 1) * LINE_HEIGHT) / 2,
      )
      .attr('text-anchor', 'end');
    text.forEach((line, n) => {
      label
        .append('tspan')
        .attr('x', labelWidth)
        .attr('dy', n === 0 ? 0 : LINE_HEIGHT)
        .text(line);
    });
    group.values.forEach((value, series) => {
      const barTop = barsTop + series * BAR_HEIGHT;
      const barWidth = Math.max(0, x(value) - x(0));
      svg
        .append('rect')
        .attr('x', x(0))
        .attr('y', barTop + 1)
        .attr('width', barWidth)
        .attr('height', BAR_HEIGHT - 2)
        .attr('fill', CATEGORICAL_COLOURS[series % CATEGORICAL_COLOURS.length]!)
        .attr('aria-label', `${group.label}, ${options.series[series] ?? ''}: ${value}`);
      svg
        .append('text')
        .attr('x', x(0) + barWidth + 4)
        .attr('y', barTop + BAR_HEIGHT - 3)
        .text(format(value));
    });
    groupTop += groupHeight;
  });
  return svg.node() as SVGSVGElement;
}
