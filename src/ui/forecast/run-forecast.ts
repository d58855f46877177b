/**
 * One forecast run for the Forecast page. Every simulation runs in the model worker pool:
 * the central projection is a draw with zero spread (bit for bit the deterministic model),
 * then the Monte Carlo draws, reduced in the workers to per-cell P10/P50/P90 for the full
 * download and the chosen cells' totals per draw for the fan chart. The main thread only
 * builds the inputs (the worker API has no call for that; it takes a few milliseconds).
 */
import type { RegionDataset } from '../../data/types.ts';
import {
  buildModelInputs,
  decomposeDrivers,
  defaultParameters,
  nationalDataset,
  parseScenario,
  resolveParameters,
  type DeterministicResult,
  type DrawSummary,
  type DriverDecomposition,
  type ModelInputs,
  type Outputs,
  type ParameterOverrides,
  type Scenario,
  baseValues,
  forecastTotals,
  summariseTotals,
} from '../../model/index.ts';
import type { ModelPool } from '../../runtime/model-pool.ts';
import baselineScenario from '../../../scenarios/baseline.json';
import {
  ENGLAND_NATIONAL,
  buildForecastView,
  selectedAreaCells,
  selectionDraws,
  selectionTotals,
  type ForecastChoices,
  type ForecastView,
} from './forecast-view.ts';
import { systemClock } from '../../data/clock.ts';

export const BASELINE = parseScenario(baselineScenario);

export interface ForecastResult {
  view: ForecastView;
  scenarioName: string;
  inputs: ModelInputs;
  national: boolean;
  central: DeterministicResult;
  drivers: DriverDecomposition;
  /** Per-cell ranges for the full download; absent when no draws were run. */
  summary: DrawSummary | undefined;
  /** Ranges of the forecast's totals (forecastTotals), from per-draw sums; absent without draws. */
  totals: DrawSummary | undefined;
  seconds: number;
}

export interface RunOptions {
  signal: AbortSignal;
  onProgress: (drawsDone: number, drawCount: number) => void;
  /** Parameter overrides and name; default the baseline scenario (scenarios/baseline.json). */
  scenario?: Scenario;
  /** The date the plan is made on (default: the system clock). */
  today?: Date;
}

/** The model inputs for the choices: the region's districts, or England as one area. */
export function forecastInputs(
  region: RegionDataset,
  choices: ForecastChoices,
  today: Date,
  overrides: ParameterOverrides = BASELINE.parameters,
): ModelInputs {
  const national = choices.area === ENGLAND_NATIONAL;
  const dataset = national ? nationalDataset(region) : region;
  // As runNational: district-level overrides do not apply to England as one area.
  const applied = national ? { ...overrides, localLeavers: [], netMovers: [] } : overrides;
  return buildModelInputs(dataset, resolveParameters(defaultParameters(dataset, today), applied));
}

export async function runForecast(
  pool: ModelPool,
  region: RegionDataset,
  choices: ForecastChoices,
  { signal, onProgress, scenario = BASELINE, today = systemClock() }: RunOptions,
): Promise<ForecastResult> {
  const started = performance.now();
  const inputs = forecastInputs(region, choices, today, scenario.parameters);
  const centralDraw = await pool.run(inputs, {
    seed: choices.seed,
    drawCount: 1,
    spread: 0,
    signal,
  });
  const central: DeterministicResult = {
    base: baseValues(inputs),
    outputs: centralDraw.outputs as Outputs,
  };
  const drivers = decomposeDrivers(inputs, central);
  let summary: DrawSummary | undefined;
  let totals: DrawSummary | undefined;
  let draws;
  onProgress(0, choices.drawCount);
  if (choices.drawCount > 0) {
    // The workers reduce the draws to per-cell ranges and, draw by draw, the selection's totals
    // (for the fan charts) and the forecast's district and region totals (for the download).
    const selection = selectionTotals(inputs, selectedAreaCells(inputs, choices));
    const run = await pool.runSummary(inputs, {
      seed: choices.seed,
      drawCount: choices.drawCount,
      outputs: ['nqtNeed', 'traineeNeed'],
      totals: [...selection, ...forecastTotals(inputs).map((total) => total.cells)],
      signal,
      onProgress,
    });
    draws = selectionDraws(run, selection.length);
    totals = summariseTotals(run, selection.length);
    summary = run.ranges;
  }
  return {
    view: buildForecastView(choices, { inputs, central, drivers, draws }),
    scenarioName: scenario.name,
    inputs,
    national: choices.area === ENGLAND_NATIONAL,
    central,
    drivers,
    summary,
    totals,
    seconds: (performance.now() - started) / 1000,
  };
}
