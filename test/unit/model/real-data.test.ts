import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/ees.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import {
  buildModelInputs,
  cellIndex,
  defaultParameters,
  FORECAST_LOCATION_COLUMNS,
  forecastColumns,
  resolveParameters,
  runDeterministic,
  runNational,
  type OutputName,
} from '../../../src/model/index.ts';
import { needFromForecastCsv } from '../../../src/allocation/csv.ts';
import { CliError } from '../../../src/cli/cli.ts';
import { parseForecastArgs, runForecast } from '../../../src/cli/forecast.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fixedClock } from '../../../src/data/clock.ts';

/** Plans are made from a date; the tests fix it. */
const TODAY = fixedClock('2026-12-03')();

let dataset: RegionDataset;
beforeAll(async () => {
  const loaded = await loadRegionDataset(nodeReader());
  expect(loaded.issues).toEqual([]);
  dataset = loaded.dataset;
});

describe('the default dataset (data/)', () => {
  it('runs the regional model with sensible magnitudes', () => {
    const parameters = resolveParameters(defaultParameters(dataset, TODAY));
    const inputs = buildModelInputs(dataset, parameters);
    const { outputs, base } = runDeterministic(inputs);
    expect(inputs.districtCount).toBe(9);
    expect(inputs.yearCount).toBeGreaterThanOrEqual(3);
    for (const name of Object.keys(outputs) as OutputName[]) {
      expect(outputs[name].every(Number.isFinite), name).toBe(true);
    }
    const total = (name: OutputName, group: number, t: number) => {
      let sum = 0;
      for (let a = 0; a < inputs.districtCount; a++)
        sum += outputs[name][cellIndex(inputs, a, group, t)]!;
      return sum;
    };
    const primaryPupils = dataset.baselines
      .filter((b) => b.phase === 'primary')
      .reduce((s, b) => s + b.pupils, 0);
    // Nine districts' state-funded mainstream primary pupils: of the order of 100,000s.
    expect(primaryPupils).toBeGreaterThan(100_000);
    expect(primaryPupils).toBeLessThan(400_000);
    let baseTeachers = 0;
    for (let a = 0; a < inputs.districtCount; a++)
      baseTeachers += base.stockFte[a * inputs.groupCount]!;
    // About 20 pupils per primary teacher FTE.
    expect(primaryPupils / baseTeachers).toBeGreaterThan(15);
    expect(primaryPupils / baseTeachers).toBeLessThan(25);
    // Leavers are roughly the national 9-10% of stock, and need is positive for the region.
    const leaverShare = total('leavers', 0, 0) / baseTeachers;
    expect(leaverShare).toBeGreaterThan(0.07);
    expect(leaverShare).toBeLessThan(0.12);
    for (let t = 0; t < inputs.yearCount; t++) {
      expect(total('traineeNeed', 0, t)).toBeGreaterThan(0);
      expect(total('traineeNeed', 0, t)).toBeLessThan(baseTeachers * 0.2);
    }
  });

  /*
   * The independent check (never a calibration target): "Teacher demand and postgraduate
   * trainee need 2026/27" (DfE, 23 April 2026) published postgraduate ITT trainee need of
   * 5,520 primary and 15,280 secondary for entry year 2026/27, and 19,270 secondary for
   * 2025/26 (data/pgitt_trainee_need_2026_publication.csv). National mode planned on the day
   * of that publication replicates the national method on DfE's inputs; it cannot match
   * exactly (FTE per head, completion and employment rates and the other routes are estimated
   * where DfE's workbook values are not published), so this checks the order of magnitude
   * (within a factor of 1.5) and that secondary need falls from 2025/26 to 2026/27 as DfE's does.
   */
  it('gives national postgraduate trainee need close to the published figure, moving its way', () => {
    const { inputs, result } = runNational(dataset, fixedClock('2026-04-23')());
    const published = (entry: string, phase: string) =>
      dataset.publishedTraineeNeed.find(
        (row) => row.entryYear === entry && row.phase === phase && row.subject === 'Total',
      )!.count;
    // Trainees of entry year e are read in the NQT year e + 1.
    const need = (entry: string, groups: number[]) => {
      const t = inputs.years.indexOf(academicYear(entry === '2025/26' ? '2026/27' : '2027/28'));
      return groups.reduce(
        (sum, g) => sum + result.outputs.traineeNeed[cellIndex(inputs, 0, g, t)]!,
        0,
      );
    };
    const secondaryGroups = Array.from({ length: inputs.groupCount - 1 }, (_, i) => i + 1);
    for (const [groups, phase] of [
      [[0], 'Primary'],
      [secondaryGroups, 'Secondary'],
    ] as const) {
      const ratio = need('2026/27', [...groups]) / published('2026/27', phase);
      expect(ratio).toBeGreaterThan(1 / 1.5);
      expect(ratio).toBeLessThan(1.5);
    }
    expect(need('2026/27', secondaryGroups)).toBeLessThan(need('2025/26', secondaryGroups));
  });

  it('follows the TWM national teacher demand trajectory', () => {
    const { inputs, result } = runNational(dataset, TODAY);
    for (const [phase, group] of [
      ['primary', 0],
      ['secondary', -1],
    ] as const) {
      const fte = (year: string) =>
        dataset.nationalPupilTeacher.find((r) => r.phase === phase && r.year === year)!.teacherFte;
      // The last year of TWM file 1; later years are extrapolated.
      const last = academicYear('2027/28');
      const t = inputs.years.indexOf(last);
      const twmGrowth = fte(last) / fte(dataset.baseYear!);
      let demandEnd = 0;
      let demandBase = 0;
      const groups = group === 0 ? [0] : Array.from({ length: 18 }, (_, i) => i + 1);
      for (const g of groups) {
        demandEnd += result.outputs.demand[cellIndex(inputs, 0, g, t)]!;
        demandBase += result.base.demand[g]!;
      }
      // The elasticity is derived from the same end points, so the paths agree closely.
      expect(Math.abs(demandEnd / demandBase - twmGrowth)).toBeLessThan(0.005);
    }
  });
});

describe('forecast CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'forecast-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes tidy CSV and meta for the region and for England', async () => {
    const out = join(dir, 'forecast.csv');
    const lines: string[] = [];
    const summary = await runForecast(
      parseForecastArgs([
        '--scenario',
        'scenarios/baseline.json',
        '--draws',
        '40',
        '--seed',
        '3',
        '--out',
        out,
        '--today',
        '2026-12-03',
      ]),
      (line) => lines.push(line),
    );
    const { columns, rows } = parseCsv(readFileSync(out, 'utf8'));
    expect(columns).toEqual(forecastColumns());
    // The allocation reads this file back as NQT need, district by district.
    const need = needFromForecastCsv(readFileSync(out, 'utf8'), out);
    expect(need.issues).toEqual([]);
    expect(new Set(need.need.map((n) => n.districtCode))).toEqual(
      new Set(dataset.districts.map((d) => d.code)),
    );
    expect(summary.rows).toBe(rows.length);
    // 2025/26 to 2030/31: nine districts x (19 groups + secondary Total), and the region's 20.
    expect(rows.length).toBe((9 * 20 + 20) * 6);
    for (const row of rows) {
      for (const column of columns) {
        const cell = row[column]!;
        expect(
          cell === 'NaN' || cell === 'undefined' || cell === 'Infinity' || cell === '',
          `${column}: ${cell}`,
        ).toBe(false);
      }
      if (row.trainee_need_count_p10 !== 'z') {
        expect(Number(row.trainee_need_count_p10)).toBeLessThanOrEqual(
          Number(row.trainee_need_count_p90),
        );
      }
    }
    const regional = rows.filter((row) => row.geographic_level === 'Regional');
    expect(regional).toHaveLength(20 * 6);
    expect(regional.every((row) => row.lad_code === 'z' && row.region_name !== 'z')).toBe(true);
    const meta = parseCsv(readFileSync(join(dir, 'forecast.meta.csv'), 'utf8')).rows;
    expect(meta.map((m) => m.col_name).sort()).toEqual(
      [...columns.slice(FORECAST_LOCATION_COLUMNS.length), 'caveats'].sort(),
    );
    expect(meta.at(-1)!.label).toMatch(/entry \(recruitment\) year.*2027\/28 to 2029\/30/);
    // Provenance survives outside the app: the caveat names the parameters not published.
    expect(meta.at(-1)!.label).toMatch(/estimated: [a-z_, ]*working_hour_loss_rate/);
    expect(meta.at(-1)!.label).toMatch(/illustrative: leaver_rate_between_area_sd/);
    // A negative need (a surplus) is explained where the figures go.
    expect(meta.at(-1)!.label).toMatch(/A negative need or percentile means a surplus/);

    const nationalOut = join(dir, 'national.csv');
    await runForecast(
      parseForecastArgs([
        '--national',
        '--draws',
        '0',
        '--out',
        nationalOut,
        '--today',
        '2026-12-03',
      ]),
      () => {},
    );
    const national = parseCsv(readFileSync(nationalOut, 'utf8')).rows;
    expect(national.every((row) => row.geographic_level === 'National')).toBe(true);
    // Entry year 2027/28 is planned; its NQTs start in 2028/29, past the TWM's last year.
    const planned = national.find((row) => row.time_period === '202728')!;
    expect(planned.entry_year_status).toBe('extrapolated');
    expect(national.find((row) => row.time_period === '202627')!.entry_year_status).toBe(
      'recruited',
    );
    expect(planned.trainee_need_count_p50).toBe('x');
    expect(national.find((row) => row.time_period === '202526')!.trainee_need_count).toBe('z');
  });

  it('reports bad arguments, missing files and bad scenarios clearly', async () => {
    expect(() => parseForecastArgs(['--draws=-3'])).toThrow(
      '--draws: -3 is too small; enter a whole number from 0 to 20,000',
    );
    expect(() => parseForecastArgs(['--spread', 'wide'])).toThrow(/--spread/);
    expect(() => parseForecastArgs(['--out', 'forecast.txt'])).toThrow(/\.csv/);
    await expect(
      runForecast(parseForecastArgs(['--scenario', join(dir, 'missing.json')]), () => {}),
    ).rejects.toThrow(/file not found/);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schemaVersion: 1,
        name: 'Bad',
        description: '',
        parameters: { completionRate: { Physics: 1.5 } },
      }),
    );
    const error = await runForecast(
      parseForecastArgs(['--scenario', bad, '--out', join(dir, 'x.csv')]),
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(
      /bad\.json: parameters\.completionRate\.Physics: .*1\.5/,
    );
  });
});
