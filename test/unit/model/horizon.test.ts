import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import { academicYear, addYears, toTimePeriod } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';
import { formatCsvRecords } from '../../../src/data/csv-writer.ts';
import { parseCsv } from '../../../src/data/ees.ts';
import {
  buildModelInputs,
  cellIndex,
  defaultParameters,
  entryYearStatus,
  entryYearsProblem,
  forecastColumns,
  forecastToRows,
  plannedYearIndices,
  planningDateProblem,
  resolveParameters,
  runDeterministic,
} from '../../../src/model/index.ts';
import { planningWindow } from '../../../src/model/horizon.ts';
import { fixtureDataset } from './fixtures.ts';

const y = academicYear;

let dataset: RegionDataset;
beforeAll(async () => {
  dataset = (await loadRegionDataset(nodeReader())).dataset;
});

const inputsOn = (isoDate: string, data = dataset) =>
  buildModelInputs(data, resolveParameters(defaultParameters(data, fixedClock(isoDate)())));

describe('the horizon rolls with the date (injected clock)', () => {
  /*
   * Cycles open in October, eleven months before trainees start; the base year is 2024/25.
   * 30 Sep 2026: the 2026/27 cycle is still open -> entry 2026/27-2028/29, NQTs to 2029/30 (5 years).
   * 3 Dec 2026:  entry 2027/28-2029/30, NQTs to 2030/31: 6 projection years.
   * 1 Oct 2027:  entry 2028/29-2030/31, NQTs to 2031/32: 7 projection years.
   */
  it.each([
    ['2026-09-30', ['2026/27', '2027/28', '2028/29'], 5],
    ['2026-12-03', ['2027/28', '2028/29', '2029/30'], 6],
    ['2027-10-01', ['2028/29', '2029/30', '2030/31'], 7],
  ] as const)('on %s plans entry years %j over %i projection years', (date, entries, count) => {
    const inputs = inputsOn(date);
    expect(inputs.planningEntryYears).toEqual(entries);
    expect(inputs.yearCount).toBe(count);
    // Each planned entry year is read in the NQT year its trainees start work.
    expect(plannedYearIndices(inputs).map((t) => inputs.years[t])).toEqual(
      entries.map((entry) => addYears(y(entry), 1)),
    );
    expect(inputs.years.at(-1)).toBe(addYears(y(entries[2]), 1));
  });

  /*
   * Base year 2024/25: its NQT year 2025/26 is the first projection year, so the earliest plan
   * starts with entry year 2024/25, whose cycle opened on 1 October 2023. The model projects at
   * most 30 years: the last NQT year is 2054/55, so the last entry year is 2053/54, and the last
   * rolling plan (three entry years) starts with 2051/52: dates before 1 October 2051.
   */
  it('plans only dates and entry years the data can reach, saying which dates to use', () => {
    const base = y('2024/25');
    expect(planningWindow(base)).toEqual({
      firstEntryYear: '2024/25',
      lastEntryYear: '2053/54',
      from: new Date(Date.UTC(2023, 9, 1)),
      before: new Date(Date.UTC(2051, 9, 1)),
    });
    for (const ok of ['2023-10-01', '2026-12-03', '2051-09-30']) {
      expect(planningDateProblem(base, fixedClock(ok)())).toBeNull();
      expect(() => inputsOn(ok)).not.toThrow();
    }
    expect(planningDateProblem(base, fixedClock('2023-09-30')())).toBe(
      '2023-09-30 is before this data can plan from: its base year is 2024/25, so plan on 2023-10-01 or later',
    );
    expect(planningDateProblem(base, fixedClock('2051-10-01')())).toBe(
      '2051-10-01 is too far ahead: the plan would reach entry years after 2053/54, the last this tool plans, so plan on a date before 2051-10-01',
    );
    // The app's clock gets the same refusal from the model, never an internal error.
    expect(() => inputsOn('1900-01-01')).toThrow(/today: 1900-01-01 is before this data/);
    expect(() => inputsOn('2300-01-01')).toThrow(/today: 2300-01-01 is too far ahead/);

    expect(entryYearsProblem(base, y('2027/28'), 3)).toBeNull();
    expect(entryYearsProblem(base, y('2051/52'), 3)).toBeNull();
    expect(entryYearsProblem(base, y('2023/24'), 1)).toEqual({
      field: 'firstEntryYear',
      message:
        "2023/24 is outside the entry years this data can plan from: give one from 2024/25 (the data's base year) to 2051/52",
    });
    expect(entryYearsProblem(base, y('2052/53'), 1)?.field).toBe('firstEntryYear');
    expect(entryYearsProblem(base, y('2050/51'), 5)).toEqual({
      field: 'years',
      message: '5 entry years from 2050/51 go past 2053/54, the last entry year this tool plans',
    });
  });

  it('marks entry years before the open cycle recruited and years past the inputs extrapolated', () => {
    const inputs = inputsOn('2026-12-03');
    expect(entryYearStatus(inputs, y('2025/26'))).toBe('recruited');
    expect(entryYearStatus(inputs, y('2026/27'))).toBe('recruited');
    // TWM flows and file 1 end in 2027/28: NQT years after it are extrapolated.
    expect(inputs.yearStatus).toEqual([
      'forecast',
      'forecast',
      'forecast',
      'extrapolated',
      'extrapolated',
      'extrapolated',
    ]);
    expect(entryYearStatus(inputs, y('2027/28'))).toBe('extrapolated');
    const earlier = inputsOn('2025-12-03');
    expect(earlier.planningEntryYears[0]).toBe('2026/27');
    expect(entryYearStatus(earlier, y('2026/27'))).toBe('forecast');
  });

  it('plans the recruited cohorts from the pipeline and the rest to meet need', () => {
    const parameters = defaultParameters(dataset, fixedClock('2026-12-03')());
    const pipeline = parameters.postgraduatePipeline.Primary;
    const nqes = (year: string) =>
      dataset.nationalFlows.find(
        (f) => f.phase === 'primary' && f.type === 'Newly qualified entrants' && f.year === year,
      )!.value;
    const otherRoutes = (year: string) =>
      (parameters.otherRoutes.undergraduateStarts.Primary[addYears(y(year), -3)] ?? 0) *
        parameters.completionRate.Primary *
        parameters.employmentRate.Primary +
      (parameters.otherRoutes.assessmentOnly.Primary[y(year)] ?? 0);
    // NQT 2025/26 and 2026/27: the TWM trajectory net of the other routes; 2027/28 (entry
    // 2026/27, recruited but not yet in a publication): the 2026/27 all-route figure held;
    // 2028/29 on: planned.
    expect(pipeline[y('2025/26')]! + otherRoutes('2025/26')).toBeCloseTo(nqes('2025/26'), 9);
    expect(pipeline[y('2027/28')]! + otherRoutes('2027/28')).toBeCloseTo(nqes('2026/27'), 9);
    expect(pipeline[y('2028/29')]).toBeNull();
  });

  it('extends district pupils past their projections at the last projected growth rate', () => {
    const inputs = inputsOn('2026-12-03');
    const Y = inputs.yearCount;
    const last = inputs.years.indexOf(y('2028/29'));
    for (let areaPhase = 0; areaPhase < inputs.districtCount * 2; areaPhase++) {
      const at = (t: number) => inputs.pupils[areaPhase * Y + t]!;
      const growth = at(last) / at(last - 1);
      expect(inputs.pupilsExtrapolated[areaPhase * Y + last]).toBe(0);
      for (let t = last + 1; t < Y; t++) {
        expect(inputs.pupilsExtrapolated[areaPhase * Y + t]).toBe(1);
        expect(at(t) / at(t - 1)).toBeCloseTo(growth, 12);
      }
    }
  });
});

describe('entry-year keying round-trips through the CSV', () => {
  it('puts trainee need under its entry year and NQT need under the year NQTs start work', () => {
    const inputs = inputsOn('2026-12-03');
    const central = runDeterministic(inputs);
    const rows = forecastToRows(inputs, central, { geographicLevel: 'Local authority district' });
    const read = parseCsv(formatCsvRecords(rows, forecastColumns())).rows;
    const a = inputs.districts.findIndex((d) => d.code === 'E08000019');
    const g = inputs.groups.indexOf('Mathematics');
    const rowOf = (year: string) =>
      read.find(
        (row) =>
          row.lad_code === 'E08000019' &&
          row.subject === 'Mathematics' &&
          row.time_period === toTimePeriod(y(year)),
      )!;
    const at = (name: 'traineeNeed' | 'nqtNeed', year: string) =>
      central.outputs[name][cellIndex(inputs, a, g, inputs.years.indexOf(y(year)))]!;
    // Entry year 2027/28: trainees who start work in 2028/29 (the model's NQT year 2028/29).
    expect(Number(rowOf('2027/28').trainee_need_count)).toBe(
      Math.round(at('traineeNeed', '2028/29')),
    );
    expect(Number(rowOf('2027/28').nqt_need_fte)).toBeCloseTo(at('nqtNeed', '2027/28'), 1);
    expect(rowOf('2027/28').lad_name).toBe('Sheffield');
    expect(rowOf('2027/28').new_la_code).toBe('E08000019');
    // Recruited entry years and the entry year whose NQTs fall past the horizon have none.
    expect(rowOf('2026/27').entry_year_status).toBe('recruited');
    expect(rowOf('2026/27').trainee_need_count).toBe('z');
    expect(rowOf('2030/31').trainee_need_count).toBe('z');
    expect(rowOf('2030/31').nqt_need_fte).not.toBe('z');
  });

  it('gives shire districts their county as the education authority', () => {
    const inputs = inputsOn('2026-12-03');
    const rows = forecastToRows(inputs, runDeterministic(inputs), {
      geographicLevel: 'Local authority district',
    });
    const bolsover = rows.find((row) => row.lad_code === 'E07000033')!;
    expect(bolsover.lad_name).toBe('Bolsover');
    expect(bolsover.new_la_code).toBe('E10000007');
  });

  it('works on any region: the fixture plans the same entry years', () => {
    const inputs = inputsOn('2026-12-03', fixtureDataset());
    expect(inputs.planningEntryYears).toEqual(['2027/28', '2028/29', '2029/30']);
  });
});
