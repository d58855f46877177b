import { describe, expect, it } from 'vitest';
import {
  DRIVER_NAMES,
  OUTPUT_NAMES,
  type DeterministicResult,
  type DriverDecomposition,
  type DriverName,
  type ModelInputs,
  type Outputs,
  plannedYearIndices,
} from '../../../src/model/index.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import {
  buildForecastView,
  selectedAreaCells,
  selectionDraws,
  selectionTotals,
  selectionLabel,
  type ForecastChoices,
} from '../../../src/ui/forecast/forecast-view.ts';

// Two districts x three groups (Primary, Mathematics, Physics) x four projection years.
const inputs = {
  regionName: 'Test Region',
  baseYear: '2024/25',
  years: ['2025/26', '2026/27', '2027/28', '2028/29'],
  // Planned on a date in the 2025/26 cycle: entry years 2025/26 to 2027/28 (NQTs a year later).
  planningEntryYears: ['2025/26', '2026/27', '2027/28'],
  yearStatus: ['forecast', 'forecast', 'forecast', 'extrapolated'],
  districts: [
    { code: 'E1', name: 'Alpha' },
    { code: 'E2', name: 'Beta' },
  ],
  groups: ['Primary', 'Mathematics', 'Physics'],
  groupPhase: Uint8Array.of(0, 1, 1),
  districtCount: 2,
  groupCount: 3,
  yearCount: 4,
  cellCount: 24,
} as unknown as ModelInputs;

const choices = (over: Partial<ForecastChoices>): ForecastChoices => ({
  area: 'region',
  phase: 'secondary',
  subject: 'all',
  drawCount: 3,
  seed: 1,
  ...over,
});

/** Central outputs: cell i holds i (NQT need) and 2 i (trainee need, flows). */
function central(): DeterministicResult {
  const outputs = {} as Outputs;
  for (const name of OUTPUT_NAMES) {
    outputs[name] = Float64Array.from({ length: 24 }, (_, i) => (name === 'nqtNeed' ? i : 2 * i));
  }
  return {
    base: {
      demand: new Float64Array(6),
      supply: new Float64Array(6),
      stockFte: new Float64Array(6),
    },
    outputs,
  };
}

/** Every driver moves every cell by 1, except conversion by 0.5. */
function drivers(): DriverDecomposition {
  const change = {} as Record<DriverName, Float64Array>;
  for (const name of DRIVER_NAMES)
    change[name] = new Float64Array(24).fill(name === 'conversion' ? 0.5 : 1);
  return {
    components: {} as DriverDecomposition['components'],
    change,
    totalChange: new Float64Array(24),
  };
}

describe('which cells and years the page shows', () => {
  it('shows the planned entry years, read in the NQT year their trainees start work', () => {
    expect(plannedYearIndices(inputs)).toEqual([1, 2, 3]);
    const later = {
      ...inputs,
      planningEntryYears: ['2026/27', '2027/28', '2028/29'].map(academicYear),
    };
    // Entry year 2028/29 has NQTs in 2029/30, past this model's last year: left out.
    expect(plannedYearIndices(later)).toEqual([2, 3]);
  });

  it('selects area cells (district x group) by area, phase and subject', () => {
    expect(selectedAreaCells(inputs, choices({}))).toEqual([1, 2, 4, 5]);
    expect(selectedAreaCells(inputs, choices({ area: 'national' }))).toEqual([1, 2, 4, 5]);
    expect(selectedAreaCells(inputs, choices({ phase: 'primary', subject: 'Physics' }))).toEqual([
      0, 3,
    ]);
    expect(selectedAreaCells(inputs, choices({ area: 'E2', subject: 'Physics' }))).toEqual([5]);
    expect(selectedAreaCells(inputs, choices({ area: 'E1', subject: 'Mathematics' }))).toEqual([1]);
  });
});

describe('the forecast view', () => {
  it('totals the chosen cells per year and ranges the per-draw totals', () => {
    // Region, all secondary: area cells 1, 2, 4, 5; cell of (area cell c, year t) = 4c + t,
    // so the central NQT total in year t is 4 (1 + 2 + 4 + 5) + 4t = 48 + 4t.
    // Draw d adds 10 d to every cell: totals 48 + 4t + 40 d.
    const c = choices({});
    const totals = selectionTotals(inputs, selectedAreaCells(inputs, c));
    expect(totals).toEqual([
      [5, 9, 17, 21],
      [6, 10, 18, 22],
      [7, 11, 19, 23],
    ]);
    // A run's totals, total after total: [k * 3 + d] for shown year t = k + 1.
    const perDraw = Float64Array.from({ length: 3 * 3 }, (_, i) => {
      const [t, d] = [Math.floor(i / 3) + 1, i % 3];
      return 48 + 4 * t + 40 * d;
    });
    const view = buildForecastView(c, {
      inputs,
      central: central(),
      drivers: drivers(),
      draws: selectionDraws({
        drawCount: 3,
        totalCount: 3,
        totals: { nqtNeed: perDraw, traineeNeed: perDraw },
      }),
    });
    expect(view.years.map((y) => [y.nqtYear, y.entryYear])).toEqual([
      ['2026/27', '2025/26'],
      ['2027/28', '2026/27'],
      ['2028/29', '2027/28'],
    ]);
    // Year 1: central 52; draw totals 52, 92, 132 -> P10 52 + 0.2 x 40 = 60, P50 92, P90 124.
    const first = view.years[0]!;
    expect(first.nqt.central).toBe(52);
    expect(first.nqt.p10).toBeCloseTo(60, 10);
    expect(first.nqt.p50).toBeCloseTo(92, 10);
    expect(first.nqt.p90).toBeCloseTo(124, 10);
    expect(first.trainee.central).toBe(104);
    // Two changes between three shown years; each driver moves 4 cells by 1 (conversion 0.5).
    expect(view.changes.map((change) => [change.from.entryYear, change.to.entryYear])).toEqual([
      ['2025/26', '2026/27'],
      ['2026/27', '2027/28'],
    ]);
    const steps = Object.fromEntries(view.changes[0]!.steps.map((s) => [s.driver, s.value]));
    expect(steps.leavers).toBe(4);
    expect(steps.conversion).toBe(2);
    // Flows: 2 x (48 + 4t) in year 3 = 120.
    expect(view.flows[2]!.values.demand).toBe(120);
    expect(view.areaName).toBe('Test Region');
    expect(selectionLabel(view)).toBe('Test Region, all secondary subjects');
  });

  it('has no ranges without draws, and names one district and subject', () => {
    const view = buildForecastView(choices({ area: 'E2', subject: 'Physics', drawCount: 0 }), {
      inputs,
      central: central(),
      drivers: drivers(),
      draws: undefined,
    });
    // Area cell 5 alone: NQT need 4 x 5 + t = 21 in year 1.
    expect(view.years[0]!.nqt).toEqual({ central: 21 });
    expect(view.districtCode).toBe('E2');
    expect(selectionLabel(view)).toBe('Beta, secondary Physics');
  });
});
