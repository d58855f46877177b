import { describe, expect, it } from 'vitest';
import { renderFanChart } from '../../../src/charts/fan-chart.ts';
import { renderWaterfallChart } from '../../../src/charts/waterfall-chart.ts';
import { expectSvgSnapshot } from '../svg-snapshot.ts';

const here = import.meta.dirname;

describe('fan chart', () => {
  const points = [
    { label: '2026/27', p10: 90, p50: 100, p90: 115 },
    { label: '2027/28', p10: 80, p50: 104, p90: 130 },
    { label: '2028/29', p10: 70, p50: 108, p90: 150 },
  ];

  it('draws the median through every point and matches its snapshot', () => {
    const svg = renderFanChart(points, { title: 'NQT need', yLabel: 'FTE' }, document);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const circles = [...svg.querySelectorAll('circle')];
    expect(circles.map((circle) => circle.getAttribute('aria-label'))).toEqual([
      '2026/27: median 100.0, range 90.0 to 115.0',
      '2027/28: median 104.0, range 80.0 to 130.0',
      '2028/29: median 108.0, range 70.0 to 150.0',
    ]);
    expectSvgSnapshot(svg, here, 'fan-chart');
  });

  it('places the P90 edge above the P10 edge at every point', () => {
    const svg = renderFanChart(points, { title: 'NQT need', yLabel: 'FTE' }, document);
    const band = svg.querySelector('path')?.getAttribute('d') ?? '';
    const ys = [...band.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((match) => Number(match[2]));
    // Upper edge (first three points) is drawn higher on screen (smaller y) than the lower edge.
    expect(ys.slice(0, 3).every((upper, i) => upper < (ys[5 - i] ?? 0))).toBe(true);
  });
});

describe('waterfall chart', () => {
  it('ends at the start plus the sum of the steps', () => {
    const svg = renderWaterfallChart(
      [
        { label: 'Demand growth', value: 12 },
        { label: 'Leavers', value: 5.5 },
        { label: 'Returners', value: -7.5 },
      ],
      { title: 'Drivers', startLabel: '2026/27', startValue: 100, endLabel: '2027/28' },
      document,
    );
    const labels = [...svg.querySelectorAll('rect')].map((rect) => rect.getAttribute('aria-label'));
    expect(labels).toEqual([
      '2026/27: 100.0',
      'Demand growth: +12.0',
      'Leavers: +5.5',
      'Returners: -7.5',
      '2027/28: 110.0',
    ]);
    expectSvgSnapshot(svg, here, 'waterfall');
  });
});
