import { afterEach, describe, expect, it } from 'vitest';
import type {
  ForecastChoices,
  ForecastView,
  NeedYear,
} from '../../../src/ui/forecast/forecast-view.ts';
import { readWholeNumber } from '../../../src/ui/forecast/tsp-forecast-controls.ts';
import { formatChange } from '../../../src/ui/forecast/tsp-forecast-drivers.ts';
import '../../../src/ui/forecast/tsp-forecast-fan.ts';
import '../../../src/ui/forecast/tsp-forecast-drivers.ts';
import '../../../src/ui/forecast/tsp-forecast-progress.ts';
import { academicYearStarting } from '../../../src/data/academic-year.ts';

afterEach(() => {
  document.body.replaceChildren();
});

async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  set: (element: HTMLElementTagNameMap[K]) => void,
) {
  const element = document.createElement(tag);
  set(element);
  document.body.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  // Nested elements (tsp-table) render on their own update.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return element;
}

const year = (t: number, central: number, range?: [number, number, number]): NeedYear => ({
  yearIndex: t,
  nqtYear: academicYearStarting(2025 + t),
  entryYear: academicYearStarting(2024 + t),
  status: 'forecast',
  nqt: range ? { central, p10: range[0], p50: range[1], p90: range[2] } : { central },
  trainee: { central: central * 1.6 },
});

describe('number fields', () => {
  it('reads whole numbers in range, with thousands commas', () => {
    expect(readWholeNumber('2,000', 0, 20000)).toBe(2000);
    expect(readWholeNumber(' 0 ', 0, 20000)).toBe(0);
    expect(readWholeNumber('20001', 0, 20000)).toBeUndefined();
    expect(readWholeNumber('-1', 0, 20000)).toBeUndefined();
    expect(readWholeNumber('1.5', 0, 20000)).toBeUndefined();
    expect(readWholeNumber('', 0, 20000)).toBeUndefined();
    expect(readWholeNumber('1e3', 0, 20000)).toBeUndefined();
  });

  it('writes signed changes with a real minus sign', () => {
    expect(formatChange(12.34)).toBe('+12.3');
    expect(formatChange(-1234.56)).toBe('−1,234.6');
    expect(formatChange(0.01)).toBe('0.0');
  });
});

describe('tsp-forecast-controls', () => {
  it('runs with valid numbers and shows a focused error summary for bad ones', async () => {
    await import('../../../src/ui/forecast/tsp-forecast-controls.ts');
    document.title = 'Forecast';
    const controls = await mount('tsp-forecast-controls', (element) => {
      element.districts = [{ code: 'E1', name: 'Alpha' }];
      element.regionName = 'Test Region';
    });
    const runs: ForecastChoices[] = [];
    controls.addEventListener('tsp-forecast-run', (event) =>
      runs.push((event as CustomEvent<ForecastChoices>).detail),
    );
    const draws = controls.querySelector<HTMLInputElement>('#forecast-draws')!;
    const area = controls.querySelector<HTMLSelectElement>('#forecast-area')!;
    expect([...area.options].map((o) => o.textContent!.trim())).toEqual([
      'All of Test Region (1 districts)',
      'Alpha',
      'England (national model)',
    ]);
    area.value = 'E1';
    area.dispatchEvent(new Event('change'));
    draws.value = '1,500';
    draws.dispatchEvent(new Event('input'));
    controls.querySelector('form')!.requestSubmit();
    expect(runs).toEqual([
      { area: 'E1', phase: 'secondary', subject: 'all', drawCount: 1500, seed: 1 },
    ]);

    draws.value = '50000';
    draws.dispatchEvent(new Event('input'));
    controls.querySelector('form')!.requestSubmit();
    await controls.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(1);
    const summary = controls.querySelector('.govuk-error-summary')!;
    expect(summary.textContent).toContain('from 0 to 20,000');
    expect(document.activeElement).toBe(summary);
    expect(draws.getAttribute('aria-describedby')).toBe('forecast-draws-hint forecast-draws-error');
    expect(document.title).toBe('Error: Forecast');
  });
});

describe('tsp-forecast-fan', () => {
  it('shows each year with its range, and x where no draws were run', async () => {
    const fan = await mount('tsp-forecast-fan', (element) => {
      element.quantity = 'nqt';
      element.selection = 'Test Region, primary';
      element.years = [year(1, 100.04, [90, 101, 120.25]), year(2, 95)];
    });
    expect(fan.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const rows = [...fan.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['NQTs in 2026/27 (trainees starting 2025/26)', '100.0', '90.0', '120.3'],
      ['NQTs in 2027/28 (trainees starting 2026/27)', '95.0', 'x', 'x'],
    ]);
    // One figure per year under one name: the chart's line is the table's central projection.
    const headers = [...fan.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers[1]).toBe('Central projection');
    expect(fan.querySelector('.tsp-chart__legend')?.textContent).toContain('Central projection');
    expect(fan.querySelector('circle[aria-label]')?.getAttribute('aria-label')).toMatch(
      /^2026\/27: central projection 100\.0/,
    );
  });
});

describe('tsp-forecast-drivers', () => {
  it('tables every driver between the start and end need of the chosen change', async () => {
    const from = year(1, 100);
    const to = year(2, 110);
    const view = {
      choices: { area: 'region', phase: 'primary', subject: 'all', drawCount: 0, seed: 1 },
      areaName: 'Test Region',
      districtCode: undefined,
      subjectName: 'Primary',
      years: [from, to],
      changes: [
        {
          from,
          to,
          steps: [
            { driver: 'demandGrowth', value: 20 },
            { driver: 'leavers', value: -4 },
          ],
        },
      ],
      flows: [],
    } as unknown as ForecastView;
    const drivers = await mount('tsp-forecast-drivers', (element) => {
      element.view = view;
    });
    const cells = [
      ...drivers.querySelectorAll('[data-testid="forecast-drivers-table"] tbody tr'),
    ].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()));
    expect(cells).toEqual([
      ['Trainees needed, starting 2025/26', '160.0'],
      ['Demand growth', '+20.0'],
      ['Leavers', '−4.0'],
      ['Trainees needed, starting 2026/27', '176.0'],
    ]);
    // One change only: no choice of change to explain.
    expect(drivers.querySelector('#forecast-driver-change')).toBeNull();
    expect(drivers.querySelectorAll('svg rect[aria-label]').length).toBe(4);
  });
});

describe('tsp-forecast-progress', () => {
  it('says the draws done in tenths and asks for Cancel', async () => {
    const progress = await mount('tsp-forecast-progress', (element) => {
      element.done = 1290;
      element.total = 2000;
    });
    const text = progress.querySelector('[data-testid="forecast-progress-text"]')!;
    expect(text.getAttribute('aria-live')).toBe('polite');
    expect(text.textContent!.trim()).toBe('1,200 of 2,000 draws');
    let cancelled = 0;
    progress.addEventListener('tsp-forecast-cancel', () => cancelled++);
    progress.querySelector<HTMLButtonElement>('button')!.click();
    expect(cancelled).toBe(1);
  });
});
