import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYear, addYears } from '../../../src/data/academic-year.ts';
import { parseCsv } from '../../../src/data/ees.ts';
import { loadRegionDataset } from '../../../src/data/load.ts';
import { nodeReader } from '../../../src/data/node-reader.ts';
import type { RegionDataset } from '../../../src/data/types.ts';
import {
  backtestLine,
  backtestTable,
  coverageLine,
  runBacktest,
  runDraws,
  summariseBacktest,
  type BacktestComparison,
  type DrawRunner,
} from '../../../src/model/index.ts';
import { COVID_YEARS } from '../../../src/model/calibration.ts';
import { backtestOrigins, datasetAtOrigin, targetYears } from '../../../src/model/backtest-data.ts';
import { parseBacktestArgs, runBacktestCli } from '../../../src/cli/backtest.ts';
import { ATTRIBUTION_PARTS, attributeStockError } from '../../../src/model/backtest-attribution.ts';

const y = academicYear;

function comparison(
  forecast: number,
  outturn: number,
  [p10, p90]: [number, number],
  inSample = false,
): BacktestComparison {
  return {
    origin: y('2016/17'),
    horizon: 1,
    year: y('2017/18'),
    measure: 'stock',
    phase: 'primary',
    subject: 'Total',
    forecast,
    outturn,
    error: forecast / outturn - 1,
    p10,
    p90,
    inside: outturn >= p10 && outturn <= p90,
    inSample,
  };
}

/*
 * Hand-worked summary of four stock comparisons (outturn 100 each):
 *   forecast 102, range 98-104:    error +2.0%, inside
 *   forecast 99, range 100.5-101:  error -1.0%, outside (the outturn is below P10)
 *   forecast 95, range 90-99:      error -5.0%, outside, in sample (not counted in coverage)
 *   forecast 100.5, range 99-101:  error +0.5%, inside
 * Mean absolute error (2 + 1 + 5 + 0.5) / 4 = 2.125% -> "2.1%"; largest 5.0%.
 * Coverage over the three independent comparisons: 2 of 3 = 66.7%.
 */
describe('backtest summary (hand-worked)', () => {
  const comparisons = [
    comparison(102, 100, [98, 104]),
    comparison(99, 100, [100.5, 101]),
    comparison(95, 100, [90, 99], true),
    comparison(100.5, 100, [99, 101]),
  ];

  it('gives the mean and largest absolute error and the coverage of independent ranges', () => {
    const [stock, all] = summariseBacktest(comparisons);
    expect(stock!.measure).toBe('stock');
    expect(stock!.comparisons).toBe(4);
    expect(stock!.meanAbsoluteError).toBeCloseTo(0.02125, 12);
    expect(stock!.maxAbsoluteError).toBeCloseTo(0.05, 12);
    expect(stock!.coverageComparisons).toBe(3);
    expect(stock!.coverage).toBeCloseTo(2 / 3, 12);
    expect(all).toEqual({ ...stock, measure: 'all' });
  });

  it('prints the exact last line and a coverage line', () => {
    const [stock] = summariseBacktest(comparisons);
    expect(backtestLine(stock!)).toBe(
      'backtest: 4 comparisons, mean absolute error 2.1%, max absolute error 5.0%',
    );
    expect(coverageLine(stock!)).toBe(
      'Teacher FTE (stock): 4 comparisons, mean absolute error 2.1%, max 5.0%; outturn inside P10-P90 in 66.7% of 3 independent comparisons',
    );
  });

  it('writes one tidy EES row per comparison, keyed by the year scored', () => {
    const table = backtestTable(comparisons);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]).toMatchObject({
      time_period: '201718',
      time_identifier: 'Academic year',
      geographic_level: 'National',
      origin_year: '2016/17',
      years_ahead: 1,
      phase: 'Primary',
      range_check: 'independent',
      outturn_inside_range: 1,
    });
    expect(table.rows[0]!.error_percent).toBeCloseTo(2, 10);
    expect(table.rows[2]).toMatchObject({ range_check: 'in sample', outturn_inside_range: 0 });
  });
});

/*
 * A stock error split by flow, hand-worked. Both start from 1,000 FTE.
 *   year 1, model:   leavers 100, hours 5, returners 30, new to sector 20, NQEs 60 -> 1,005
 *           outturn: rate 0.09 -> leavers 90; returners 25, new to sector 20, NQEs 50; stock
 *                    1,000, so its hours lost are 1,000 - 90 + 95 - 1,000 = 5
 *   year 2, model:   from 1,005: leavers 100.5, hours 5.025, returners 30, new to sector 20,
 *                    NQEs 60 -> 1,009.475
 *           outturn: from 1,000: rate 0.10 -> leavers 100; returners 25, new to sector 15, NQEs
 *                    50; stock 990, so hours lost 1,000 - 100 + 90 - 990 = 0
 * Error 1,009.475 - 990 = +19.475 =
 *   leavers -(10 + 0.5) = -10.5; hours -(0 + 5.025) = -5.025; returners +5 +5 = +10;
 *   new to sector 0 + 5 = +5; NQEs +10 +10 = +20; base stock 0.
 * The earlier publication had the origin year at rate 0.095, returners 28, new to sector 20 and
 * NQEs 60 where the latest has 0.09, 25, 20 and 50: each year -0.005 x 1,000 + 3 + 0 + 10 = +8,
 * so revisions explain +16 of the error.
 */
describe('a backtest stock error split by flow (hand-worked)', () => {
  const flows = (stockBefore: number, stock: number, leavers: number, hours: number) => ({
    stockBefore,
    stock,
    leavers,
    workingHourLosses: hours,
    returners: 30,
    newToSector: 20,
    newlyQualified: 60,
    netMovers: 0,
  });
  const model = [flows(1000, 1005, 100, 5), flows(1005, 1009.475, 100.5, 5.025)];
  const outturn = [
    {
      stockBefore: 1000,
      stock: 1000,
      leaverRate: 0.09,
      returners: 25,
      newToSector: 20,
      newlyQualified: 50,
    },
    {
      stockBefore: 1000,
      stock: 990,
      leaverRate: 0.1,
      returners: 25,
      newToSector: 15,
      newlyQualified: 50,
    },
  ];
  const earlier = { leaverRate: 0.095, returners: 28, newToSector: 20, newlyQualified: 60 };
  const latest = { leaverRate: 0.09, returners: 25, newToSector: 20, newlyQualified: 50 };

  it('gives each flow its part of the error, and the parts add up to it', () => {
    const a = attributeStockError(model, outturn, earlier, latest);
    expect(a.total).toBeCloseTo(19.475, 10);
    expect(a.baseStock).toBe(0);
    expect(a.leavers).toBeCloseTo(-10.5, 10);
    expect(a.workingHourLosses).toBeCloseTo(-5.025, 10);
    expect(a.returners).toBeCloseTo(10, 10);
    expect(a.newToSector).toBeCloseTo(5, 10);
    expect(a.newlyQualified).toBeCloseTo(20, 10);
    expect(a.netMovers).toBe(0);
    expect(a.revisions).toBeCloseTo(16, 10);
  });
});

describe('the backtest on the default dataset (data/)', { timeout: 120_000 }, () => {
  let dataset: RegionDataset;
  let comparisons: BacktestComparison[];
  const run: DrawRunner = async (inputs, options) => runDraws(inputs, { ...options, firstDraw: 0 });
  const options = { seed: 7, drawCount: 200 };

  beforeAll(async () => {
    const loaded = await loadRegionDataset(nodeReader());
    dataset = loaded.dataset;
    comparisons = await runBacktest(dataset, run, options);
  });

  it('runs each origin on only what the earlier publication knew then', () => {
    const origins = backtestOrigins(dataset);
    expect(origins.length).toBeGreaterThan(2);
    for (const origin of origins) {
      expect(COVID_YEARS).not.toContain(origin);
      const known = datasetAtOrigin(dataset, origin);
      expect(known.baseYear).toBe(origin);
      expect(known.nationalPupilTeacher.every((row) => row.year <= origin)).toBe(true);
      expect(known.ittNewEntrants.every((row) => row.entryYear <= origin)).toBe(true);
      expect(known.earlierNationalFlows).toEqual([]);
      // Historic flows only up to the origin; none of the latest publication's figures.
      const historic = known.nationalFlows.filter((f) => f.historic);
      expect(historic.every((f) => f.year <= origin)).toBe(true);
      expect(known.nationalFlows.every((f) => dataset.earlierNationalFlows.includes(f))).toBe(true);
    }
  });

  it('scores years one and two ahead against the latest file 1, never a COVID year', () => {
    expect(comparisons.length).toBeGreaterThan(0);
    for (const c of comparisons) {
      expect(c.year).toBe(addYears(c.origin, c.horizon));
      expect(targetYears(c.origin)).toContain(c.year);
      expect(COVID_YEARS).not.toContain(c.year);
      expect(c.p10).toBeLessThanOrEqual(c.p90);
      expect(c.inside).toBe(c.outturn >= c.p10 && c.outturn <= c.p90);
    }
    // Independent check: the stock outturn is file 1's published FTE, read directly.
    for (const c of comparisons.filter((c) => c.measure === 'stock')) {
      const published = dataset.nationalPupilTeacher.find(
        (row) => row.phase === c.phase && row.year === c.year && !row.projection,
      );
      expect(c.outturn).toBe(published!.teacherFte);
    }
  });

  it('reports coverage only from ranges not calibrated on the year scored', () => {
    const inSample = comparisons.filter((c) => c.inSample);
    expect(inSample.length).toBeGreaterThan(0);
    expect(inSample.length).toBeLessThan(comparisons.length);
    const all = summariseBacktest(comparisons).at(-1)!;
    expect(all.coverageComparisons).toBe(comparisons.length - inSample.length);
    expect(all.coverage).toBeGreaterThan(0);
    expect(all.coverage).toBeLessThanOrEqual(1);
  });

  it('splits every stock error by flow, the parts adding up to forecast minus outturn', () => {
    const stock = comparisons.filter((c) => c.measure === 'stock');
    expect(stock.length).toBeGreaterThan(0);
    for (const c of stock) {
      const a = c.attribution!;
      expect(a.total).toBeCloseTo(c.forecast - c.outturn, 6);
      const parts = ATTRIBUTION_PARTS.reduce((sum, part) => sum + a[part], 0);
      expect(parts).toBeCloseTo(a.total, 6);
      // National mode: the base stock is file 1's, as the outturn's, and nobody moves.
      expect(a.baseStock).toBeCloseTo(0, 6);
      expect(a.netMovers).toBe(0);
    }
  });

  it('is reproducible for a seed', async () => {
    expect(await runBacktest(dataset, run, options)).toEqual(comparisons);
  });
});

describe('npm run backtest', { timeout: 120_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'tsp-backtest-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the comparisons through the CSV writer and summarises the stock', async () => {
    const args = parseBacktestArgs(['--out', join(folder, 'backtest.csv'), '--draws', '50']);
    const result = await runBacktestCli(args, () => {});
    const { rows } = parseCsv(readFileSync(result.out, 'utf8'));
    const stockRows = rows.filter((row) => row.measure === 'Teacher FTE (stock)');
    expect(stockRows).toHaveLength(result.stock.comparisons);
    const largest = Math.max(...stockRows.map((row) => Math.abs(Number(row.error_percent))));
    expect(largest / 100).toBeCloseTo(result.stock.maxAbsoluteError, 3);
    expect(result.largestErrors).toHaveLength(3);
    expect(result.largestErrors[0]).toMatch(/^(Primary|Secondary), \d{4}\/\d{2} to \d{4}\/\d{2}: /);
    const meta = parseCsv(readFileSync(result.metaOut, 'utf8'));
    expect(meta.rows.map((row) => row.col_name)).toContain('outturn_inside_range');
  });

  it('refuses an output that is not a CSV, naming the option', () => {
    expect(() => parseBacktestArgs(['--out', 'backtest.txt'])).toThrow(
      '--out: "backtest.txt" must end in .csv',
    );
  });
});
