import { scaleBand, scaleLinear } from 'd3-scale';
import { CATEGORICAL_COLOURS, TEXT_COLOUR, createChartSvg } from './chart-svg.ts';

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
  width?: number;
}

const MARGIN = { top: 40, right: 56, bottom: 36, left: 200 };
const GROUP_HEIGHT = 30;

/**
 * Horizontal grouped bars: a row per category, a bar per series, each bar labelled with its
 * value at its end and the series told apart by a bordered legend as well as colour. Pure and
 * aria-hidden; the page shows the same numbers in a table.
 */
export function renderBarChart(
  groups: BarGroup[],
  options: BarChartOptions,
  document: Document,
): SVGSVGElement {
  const width = options.width ?? 640;
  const height = MARGIN.top + MARGIN.bottom + GROUP_HEIGHT * Math.max(1, groups.length);
  const y = scaleBand<string>()
    .domain(groups.map((group) => group.label))
    .range([MARGIN.top, height - MARGIN.bottom])
    .paddingInner(0.2);
  const inner = scaleBand<number>()
    .domain(options.series.map((_, index) => index))
    .range([0, y.bandwidth()])
    .padding(0.05);
  const largest = Math.max(1, ...groups.flatMap((group) => group.values));
  const x = scaleLinear()
    .domain([0, largest])
    .nice()
    .range([MARGIN.left, width - MARGIN.right]);

  const svg = createChartSvg(document, width, height, options.title);

  const legend = svg.append('g').attr('font-size', 12).attr('fill', TEXT_COLOUR);
  options.series.forEach((name, index) => {
    const left = MARGIN.left + index * 140;
    legend
      .append('rect')
      .attr('x', left)
      .attr('y', 8)
      .attr('width', 14)
      .attr('height', 14)
      .attr('fill', CATEGORICAL_COLOURS[index % CATEGORICAL_COLOURS.length]!)
      .attr('stroke', TEXT_COLOUR);
    legend
      .append('text')
      .attr('x', left + 20)
      .attr('y', 19)
      .text(name);
  });

  const axis = svg.append('g').attr('font-size', 12).attr('fill', TEXT_COLOUR);
  for (const tick of x.ticks(5)) {
    axis
      .append('line')
      .attr('x1', x(tick))
      .attr('x2', x(tick))
      .attr('y1', MARGIN.top)
      .attr('y2', height - MARGIN.bottom)
      .attr('stroke', '#b1b4b6');
    axis
      .append('text')
      .attr('x', x(tick))
      .attr('y', height - MARGIN.bottom + 16)
      .attr('text-anchor', 'middle')
      .text(tick.toLocaleString('en-GB'));
  }
  axis
    .append('text')
    .attr('x', (MARGIN.left + width - MARGIN.right) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .text(options.valueLabel);

  for (const group of groups) {
    const top = y(group.label) ?? 0;
    svg
      .append('text')
      .attr('x', MARGIN.left - 8)
      .attr('y', top + y.bandwidth() / 2 + 4)
      .attr('text-anchor', 'end')
      .attr('font-size', 12)
      .attr('fill', TEXT_COLOUR)
      .text(group.label);
    group.values.forEach((value, index) => {
      const barTop = top + (inner(index) ?? 0);
      const barWidth = Math.max(0, x(value) - x(0));
      svg
        .append('rect')
        .attr('x', x(0))
        .attr('y', barTop)
        .attr('width', barWidth)
        .attr('height', inner.bandwidth())
        .attr('fill', CATEGORICAL_COLOURS[index % CATEGORICAL_COLOURS.length]!)
        .attr('aria-label', `${group.label}, ${options.series[index] ?? ''}: ${value}`);
      svg
        .append('text')
        .attr('x', x(0) + barWidth + 4)
        .attr('y', barTop + inner.bandwidth() / 2 + 4)
        .attr('font-size', 10)
        .attr('fill', TEXT_COLOUR)
        .text(value.toLocaleString('en-GB', { maximumFractionDigits: 1 }));
    });
  }
  return svg.node() as SVGSVGElement;
}
