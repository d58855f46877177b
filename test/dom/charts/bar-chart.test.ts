import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../../src/charts/bar-chart.ts';
import { expectSvgSnapshot } from '../svg-snapshot.ts';

const here = import.meta.dirname;

describe('bar chart', () => {
  const groups = [
    { label: 'Primary', values: [120, 100] },
    { label: 'Mathematics', values: [45, 50] },
    { label: 'Physics', values: [0, 12] },
  ];
  const options = {
    title: 'Places by subject',
    series: ['2026/27', 'Last year'],
    valueLabel: 'Places',
  };

  it('draws one labelled bar per subject and series and matches its snapshot', () => {
    const svg = renderBarChart(groups, options, document);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const bars = [...svg.querySelectorAll('rect[aria-label]')];
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual([
      'Primary, 2026/27: 120',
      'Primary, Last year: 100',
      'Mathematics, 2026/27: 45',
      'Mathematics, Last year: 50',
      'Physics, 2026/27: 0',
      'Physics, Last year: 12',
    ]);
    expectSvgSnapshot(svg, here, 'bar-chart');
  });

  it('draws bar lengths in proportion to the values from a common zero', () => {
    const svg = renderBarChart(groups, options, document);
    const bars = [...svg.querySelectorAll('rect[aria-label]')];
    const widths = bars.map((bar) => Number(bar.getAttribute('width')));
    const lefts = new Set(bars.map((bar) => bar.getAttribute('x')));
    expect(lefts.size).toBe(1);
    // 120 : 100 : 45 : 50 : 0 : 12, so each width / value is the same scale.
    const scale = widths[0]! / 120;
    expect(widths[1]).toBeCloseTo(100 * scale, 6);
    expect(widths[2]).toBeCloseTo(45 * scale, 6);
    expect(widths[4]).toBe(0);
    expect(widths[5]).toBeCloseTo(12 * scale, 6);
    // Each series has one colour, and the legend's bordered swatches use the same two.
    const fills = bars.map((bar) => bar.getAttribute('fill'));
    expect(new Set(fills.filter((_, i) => i % 2 === 0)).size).toBe(1);
    const swatches = [...svg.querySelectorAll('rect[stroke]')].map((r) => r.getAttribute('fill'));
    expect(swatches).toEqual([fills[0], fills[1]]);
  });
});
