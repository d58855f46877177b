/**
 * The backtest: the model run from the earlier TWM publication's inputs (England as one area,
 * cut at each origin year, backtest-data.ts) and scored against what the latest publication
 * records one and two years later: the teacher stock, leavers, returners, new-to-sector
 * entrants and newly qualified entrants, by phase and by subject where the TWM publishes them.
 * Each forecast has the P10-P90 range of a seeded Monte Carlo run with the model's calibrated
 * spreads, and the coverage (how often the outturn falls inside it) is reported. The runs go
 * through a runner (the worker pool in the app, runDraws in Node), so a page never simulates
 * on its main thread; the same seed gives the same result wherever it runs.
 */
import type { AcademicYear, Phase, RegionDataset } from '../data/types.ts';
import { buildModelInputs, type ModelInputs } from './inputs.ts';
import type { DrawResult } from './monte-carlo.ts';
import type { OutputName } from './simulate.ts';
import { defaultParameters } from './defaults.ts';
import { resolveParameters } from './parameters.ts';
import { percentilesOf } from './percentiles.ts';
import { publicationErrorYears } from './spread-calibration.ts';
import {
  backtestOrigins,
  datasetAtOrigin,
  outturnOf,
  publicationDate,
  targetYears,
  type Outturn,
} from './backtest-data.ts';
import { stockAndFlowMeasures, type BacktestMeasure } from './backtest-measures.ts';
import { phaseStockAttribution, type StockAttribution } from './backtest-attribution.ts';

export type { BacktestMeasure } from './backtest-measures.ts';
export type { StockAttribution } from './backtest-attribution.ts';

/** Runs draws of a model (spread 0 and one draw: the central projection). */
export type DrawRunner = (
  inputs: ModelInputs,
  options: { seed: number; drawCount: number; spread: number; outputs: OutputName[] },
) => Promise<DrawResult>;

export interface BacktestComparison {
  origin: AcademicYear;
  /** Years after the origin (1 or 2). */
  horizon: number;
  year: AcademicYear;
  measure: BacktestMeasure;
  phase: Phase;
  /** 'Total' for the phase, else a secondary subject. */
  subject: string;
  forecast: number;
  outturn: number;
  /** forecast / outturn - 1. */
  error: number;
  p10: number;
  p90: number;
  inside: boolean;
  /**
   * The year is one the Monte Carlo spreads are calibrated on (publicationErrorYears): its
   * range is not an independent check, so coverage leaves it out.
   */
  inSample: boolean;
  /** Stock comparisons: the central projection's error split by flow (backtest-attribution.ts). */
  attribution?: StockAttribution;
}

export interface BacktestOptions {
  seed: number;
  drawCount: number;
}

export const DEFAULT_BACKTEST: BacktestOptions = { seed: 1, drawCount: 1000 };

const OUTPUTS: OutputName[] = [
  'stockFte',
  'leavers',
  'workingHourLosses',
  'netMovers',
  'returners',
  'newToSector',
  'postgraduateEntrants',
  'otherRouteEntrants',
];

/**
 * Backtests every origin. The central forecast sees only what was known at the origin; the
 * Monte Carlo spreads are the model's own, calibrated on the publications' errors in
 * publicationErrorYears, whose comparisons are flagged in sample.
 */
export async function runBacktest(
  dataset: RegionDataset,
  run: DrawRunner,
  options: BacktestOptions = DEFAULT_BACKTEST,
  today: Date = publicationDate(lastOrigin(dataset)),
): Promise<BacktestComparison[]> {
  const spreads = defaultParameters(dataset, today).uncertainty;
  const outturn = outturnOf(dataset);
  // What the earlier publication recorded, to tell revisions of the origin year apart.
  const earlier = outturnOf({ ...dataset, nationalFlows: dataset.earlierNationalFlows });
  const calibrated = publicationErrorYears(dataset.nationalFlows, dataset.earlierNationalFlows);
  const comparisons: BacktestComparison[] = [];
  for (const origin of backtestOrigins(dataset)) {
    const atOrigin = datasetAtOrigin(dataset, origin);
    const parameters = resolveParameters(defaultParameters(atOrigin, publicationDate(origin)), {
      uncertainty: spreads,
    });
    const inputs = buildModelInputs(atOrigin, parameters);
    const central = await run(inputs, {
      seed: options.seed,
      drawCount: 1,
      spread: 0,
      outputs: OUTPUTS,
    });
    const draws = await run(inputs, { ...options, spread: 1, outputs: OUTPUTS });
    const scored = score(inputs, central, draws, outturn, earlier, origin);
    comparisons.push(...scored.map((c) => ({ ...c, inSample: calibrated.includes(c.year) })));
  }
  return comparisons;
}

function lastOrigin(dataset: RegionDataset): AcademicYear {
  const origins = backtestOrigins(dataset);
  return origins.at(-1) ?? dataset.baseYear!;
}

function score(
  inputs: ModelInputs,
  central: DrawResult,
  draws: DrawResult,
  outturn: Outturn,
  earlier: Outturn,
  origin: AcademicYear,
): Omit<BacktestComparison, 'inSample'>[] {
  const comparisons: Omit<BacktestComparison, 'inSample'>[] = [];
  for (const year of targetYears(origin)) {
    const t = inputs.years.indexOf(year);
    if (t < 0) continue;
    for (const measure of stockAndFlowMeasures(inputs, outturn, t)) {
      const forecast = measure.value(central, 0);
      const values = Float64Array.from({ length: draws.drawCount }, (_, d) =>
        measure.value(draws, d),
      );
      const { p10, p90 } = percentilesOf(values);
      comparisons.push({
        origin,
        horizon: t + 1,
        year,
        measure: measure.measure,
        phase: measure.phase,
        subject: measure.subject,
        forecast,
        outturn: measure.outturn,
        error: forecast / measure.outturn - 1,
        p10,
        p90,
        inside: measure.outturn >= p10 && measure.outturn <= p90,
        ...(measure.measure === 'stock'
          ? {
              attribution: phaseStockAttribution(
                inputs,
                central,
                outturn,
                earlier,
                measure.phase,
                t,
              ),
            }
          : {}),
      });
    }
  }
  return comparisons;
}

export interface BacktestSummary {
  measure: BacktestMeasure | 'all';
  comparisons: number;
  meanAbsoluteError: number;
  maxAbsoluteError: number;
  /** Comparisons out of sample of the spreads' calibration, which the coverage counts. */
  coverageComparisons: number;
  /** Share of those whose outturn is inside the P10-P90 range (NaN when there are none). */
  coverage: number;
}

/** Mean and largest absolute error and coverage, per measure and for every comparison. */
export function summariseBacktest(comparisons: readonly BacktestComparison[]): BacktestSummary[] {
  const measures = [...new Set(comparisons.map((c) => c.measure))];
  const summarise = (measure: BacktestSummary['measure'], of: readonly BacktestComparison[]) => {
    const outOfSample = of.filter((c) => !c.inSample);
    return {
      measure,
      comparisons: of.length,
      meanAbsoluteError: of.reduce((sum, c) => sum + Math.abs(c.error), 0) / of.length,
      maxAbsoluteError: of.reduce((max, c) => Math.max(max, Math.abs(c.error)), 0),
      coverageComparisons: outOfSample.length,
      coverage: outOfSample.filter((c) => c.inside).length / outOfSample.length,
    };
  };
  return [
    ...measures.map((m) =>
      summarise(
        m,
        comparisons.filter((c) => c.measure === m),
      ),
    ),
    summarise('all', comparisons),
  ];
}
