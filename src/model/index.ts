/**
 * Public API of the teacher supply model (pure TypeScript: runs in workers, Node and tests).
 *
 *   const parameters = resolveParameters(defaultParameters(dataset), scenario.parameters);
 *   const inputs = buildModelInputs(dataset, parameters);
 *   const central = runDeterministic(inputs);
 *   const draws = runDraws(inputs, { seed: 1, firstDraw: 0, drawCount: 1000 });
 *   const ranges = summariseDraws(draws);           // P10/P50/P90 per output and cell
 *   const run = runSummary(inputs, { seed: 1, drawCount: 1000, outputs: ['nqtNeed'] });
 *                                          // the same ranges without keeping every draw
 *   const drivers = decomposeDrivers(inputs, central);
 *   central.outputs.nqtNeed[cellIndex(inputs, district, group, year)];
 */
export { ModelInputError } from './errors.ts';
export {
  CAREER_STAGES,
  phaseOfGroup,
  type CareerStage,
  type DemandMode,
  type LocalLeaverObservation,
  type ModelParameters,
  type NetMoverFlow,
  type ParameterOverrides,
  type PipelineValues,
  type UncertaintyParameters,
  type YearValues,
} from './parameter-types.ts';
export { PARAMETER_DOCS, type ParameterDoc } from './parameter-docs.ts';
export { MODEL_CONSTANTS, type ModelConstant, type ModelConstantName } from './constants.ts';
export { EARLY_CAREER_LEAVING, calibrateStages, earlyCareerHazards } from './calibration.ts';
export { baseYearOf, defaultParameters } from './defaults.ts';
export { resolveParameters, validateParameters } from './parameters.ts';
export { buildModelInputs, cellIndex, type ModelInputs } from './inputs.ts';
export { credibilityWeight } from './local-leavers.ts';
export { OUTPUT_NAMES, baseValues, type OutputName } from './simulate.ts';
export {
  MAX_DRAWS,
  MAX_SPREAD,
  mergeDrawChunks,
  runDeterministic,
  runDraws,
  summariseDraws,
  type DeterministicResult,
  type DrawOptions,
  type DrawResult,
  type DrawSummary,
  type Outputs,
  type Percentiles,
} from './monte-carlo.ts';
export { percentilesOf } from './percentiles.ts';
export {
  BlockWorkspace,
  SummaryMerge,
  areaBlocks,
  runSummary,
  summariseBlock,
  summariseTotals,
  type AreaBlock,
  type BlockSummary,
  type RunSummary,
  type SummaryRequest,
} from './summary-run.ts';
export {
  DRIVER_NAMES,
  NEED_COMPONENTS,
  decomposeDrivers,
  type DriverDecomposition,
  type DriverName,
  type NeedComponent,
} from './drivers.ts';
export { ENGLAND, nationalDataset, runNational, type NationalRun } from './national.ts';
export { countedPupilYears, countedPupilYearsText } from './pupils.ts';
export {
  forecastToRows,
  weakestProvenance,
  type ForecastRowsOptions,
  type GeographicLevel,
} from './rows.ts';
export {
  DRIVER_LABELS,
  FORECAST_LOCATION_COLUMNS,
  forecastCaveat,
  forecastColumns,
  forecastMetaRows,
  snake,
} from './forecast-meta.ts';
export { forecastTotals, type ForecastTotal } from './totals.ts';
export {
  EXTRAPOLATION_METHOD,
  entryYearOfNqt,
  entryYearStatus,
  entryYearsProblem,
  nqtYearOfEntry,
  plannedYearIndices,
  planningDateProblem,
  type YearStatus,
} from './horizon.ts';
export { parseScenario, SCENARIO_SCHEMA_VERSION, type Scenario } from './scenario.ts';
export {
  DEFAULT_BACKTEST,
  runBacktest,
  summariseBacktest,
  type BacktestComparison,
  type BacktestMeasure,
  type BacktestOptions,
  type BacktestSummary,
  type DrawRunner,
  type StockAttribution,
} from './backtest.ts';
export {
  BACKTEST_MEASURE_LABELS,
  attributionLine,
  backtestLine,
  backtestTable,
  coverageLine,
} from './backtest-table.ts';
