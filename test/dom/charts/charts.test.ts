import { describe, expect, it } from 'vitest';
import { renderFanChart, type FanPoint } from '../../../src/charts/fan-chart.ts';
import { renderWaterfallChart } from '../../../src/charts/waterfall-chart.ts';
import { renderBarChart } from '../../../src/charts/bar-chart.ts';
import { textWidth, wrapText, wrapToWidth } from '../../../src/charts/text.ts';
import { expectSvgSnapshot } from '../svg-snapshot.ts';

const here = import.meta.dirname;

/** Every text's size, read from its own font-size or the nearest ancestor's. */
function fontSizes(svg: SVGSVGElement): number[] {
  return [...svg.querySelectorAll('text')].map((text) => {
    const sized = text.closest('[font-size]');
    return Number(sized?.getAttribute('font-size') ?? NaN);
  });
}

function legendLabels(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('g.tsp-chart__legend text')].map((t) => t.textContent ?? '');
}

const points: FanPoint[] = [
  { label: '2026/27', central: 98, p10: 90, p90: 115 },
  { label: '2027/28', central: 101, p10: 80, p90: 130 },
  { label: '2028/29', central: 104, p10: 70, p90: 150 },
];

describe('fan chart', () => {
  it('draws the central projection through every point and matches its snapshot', () => {
    const svg = renderFanChart(points, { title: 'NQT need', yLabel: 'FTE' }, document);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const circles = [...svg.querySelectorAll('circle[aria-label]')];
    expect(circles.map((circle) => circle.getAttribute('aria-label'))).toEqual([
      '2026/27: central projection 98.0, range 90.0 to 115.0',
      '2027/28: central projection 101.0, range 80.0 to 130.0',
      '2028/29: central projection 104.0, range 70.0 to 150.0',
    ]);
    expectSvgSnapshot(svg, here, 'fan-chart');
  });

  it('names the line and the band in a legend, with the words the tables use', () => {
    const svg = renderFanChart(points, { title: 'NQT need', yLabel: 'FTE' }, document);
    expect(legendLabels(svg)).toEqual(['Central projection', '10th to 90th percentile range']);
    // Without draws there is no band, and the legend does not promise one.
    const central = points.map(({ label, central }) => ({ label, central }));
    const bare = renderFanChart(central, { title: 'NQT need', yLabel: 'FTE' }, document);
    expect(bare.querySelector('path.tsp-chart__band')).toBeNull();
    expect(legendLabels(bare)).toEqual(['Central projection']);
  });

  it('places the P90 edge above the P10 edge at every point, the line between them', () => {
    const svg = renderFanChart(points, { title: 'NQT need', yLabel: 'FTE' }, document);
    const band = svg.querySelector('path.tsp-chart__band')?.getAttribute('d') ?? '';
    const ys = [...band.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((match) => Number(match[2]));
    const line = svg.querySelector('path.tsp-chart__central')?.getAttribute('d') ?? '';
    const centre = [...line.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((match) => Number(match[2]));
    // Upper edge (first three points) is drawn higher on screen (smaller y) than the lower edge.
    for (let i = 0; i < 3; i++) {
      expect(ys[i]!).toBeLessThan(centre[i]!);
      expect(centre[i]!).toBeLessThan(ys[5 - i]!);
    }
  });
});

describe('waterfall chart', () => {
  const steps = [
    { label: 'Demand growth', value: 12 },
    { label: 'Leavers', value: 5.5 },
    { label: 'Returners', value: -7.5 },
  ];
  const options = { title: 'Drivers', startLabel: '2026/27', startValue: 100, endLabel: '2027/28' };

  it('ends at the start plus the sum of the steps', () => {
    const svg = renderWaterfallChart(steps, options, document);
    const labels = [...svg.querySelectorAll('rect[aria-label]')].map((rect) =>
      rect.getAttribute('aria-label'),
    );
    expect(labels).toEqual([
      '2026/27: 100.0',
      'Demand growth: +12.0',
      'Leavers: +5.5',
      'Returners: -7.5',
      '2027/28: 110.0',
    ]);
    expectSvgSnapshot(svg, here, 'waterfall');
  });

  it('starts each step where the last one ended, and writes values as the table does', () => {
    const svg = renderWaterfallChart(
      steps,
      { ...options, formatTotal: (v) => v.toFixed(0), formatStep: (v) => v.toFixed(2) },
      document,
    );
    const bars = [...svg.querySelectorAll('rect[aria-label]')];
    const ends = bars.map((bar) => [
      Number(bar.getAttribute('x')),
      Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')),
    ]);
    // Demand growth starts at the start total's end; returners ends where the end total ends.
    expect(ends[1]![0]).toBeCloseTo(ends[0]![1]!, 6);
    expect(ends[3]![0]).toBeCloseTo(ends[4]![1]!, 6);
    const texts = [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['100', '+12.00', '+5.50', '−7.50', '110']));
    expect(legendLabels(svg)).toEqual(['Total', 'Raises need', 'Lowers need']);
  });
});

describe('every chart on a phone', () => {
  const phone = 350;
  const charts = {
    fan: () => renderFanChart(points, { title: 'NQT need', yLabel: 'FTE', width: phone }, document),
    waterfall: () =>
      renderWaterfallChart(
        [
          { label: 'Under-supply carried forward', value: -30.25 },
          { label: 'Conversion (completion x employment)', value: 4 },
        ],
        {
          title: 'Drivers',
          startLabel: '2027/28',
          startValue: 653,
          endLabel: '2028/29',
          width: phone,
        },
        document,
      ),
    bar: () =>
      renderBarChart(
        [
          { label: 'Design and technology', values: [120, 100] },
          { label: 'Modern foreign languages', values: [45, 50] },
        ],
        { title: 'Places', series: ['2027/28', 'Last year'], valueLabel: 'Places', width: phone },
        document,
      ),
  };

  for (const [name, draw] of Object.entries(charts)) {
    it(`${name}: drawn at the width asked, no text under 12 px, a legend, labels within the frame`, () => {
      const svg = draw();
      expect(svg.getAttribute('width')).toBe(String(phone));
      expect(svg.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${phone} `));
      expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(12);
      expect(legendLabels(svg).length).toBeGreaterThan(0);
      // Right-aligned labels end at x; left-aligned ones start there: both fit by the estimate.
      for (const text of svg.querySelectorAll('text')) {
        if (text.closest('[transform]') || text.querySelector('tspan')) continue;
        const x = Number(text.getAttribute('x'));
        const width = textWidth(text.textContent ?? '');
        const anchor = text.getAttribute('text-anchor');
        const [from, to] =
          anchor === 'end'
            ? [x - width, x]
            : anchor === 'middle'
              ? [x - width / 2, x + width / 2]
              : [x, x + width];
        expect(from, text.textContent ?? '').toBeGreaterThanOrEqual(-1);
        expect(to, text.textContent ?? '').toBeLessThanOrEqual(phone + 1);
      }
    });
  }

  it('wraps long category labels onto more lines rather than shrinking them', () => {
    const svg = charts.bar();
    const lines = [...svg.querySelectorAll('tspan')].map((t) => t.textContent);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines)
      expect(textWidth(line ?? '')).toBeLessThanOrEqual(Math.round(phone * 0.35));
  });
});

describe('text helpers', () => {
  it('wraps text at spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('wraps to a width in pixels at 12 px: 0.62 x 12 = 7.44 px a character', () => {
    // 60 px holds floor(60 / 7.44) = 8 characters a line.
    expect(wrapToWidth('one two three four', 60)).toEqual(['one two', 'three', 'four']);
    expect(textWidth('abcde')).toBe(Math.ceil(5 * 7.44));
  });
});
