/**
 * Public API of the scenario workbench core (pure: no DOM; runs in Node, tests and the page).
 *
 *   const loaded = await parseScenarioText(text);                 // any schema version -> current
 *   if (!loaded.ok) show(describeIssues(loaded.issues, fileName));
 *   const prepared = await prepareScenario(loaded.scenario, dataset);   // levers -> model inputs
 *   const result = await runScenario(prepared.setup, runner, { signal, onProgress });
 *   differenceAt(result, baselineResult, 'nqtNeed', { area, subject, year });
 *   formatEesCsv(comparisonTable([baselineResult, result]));
 *   const link = `/scenarios?scenario=${encodePermalink(scenario)}`;
 */
export {
  FORMULA_RULE,
  FormulaError,
  compileFormula,
  containsFormula,
  formulaProblem,
  loadFormulaParser,
  type Formula,
  type FormulaScope,
} from './formula.ts';
export {
  DEFAULT_RUN,
  LEVERS,
  LEVER_GROUPS,
  RUN_SETTINGS,
  leverDoc,
  rangeText,
  type LeverDoc,
  type LeverGroup,
} from './levers.ts';
export {
  SCHEMA_VERSION,
  scenarioV2Schema,
  type Evidence,
  type FormulaValue,
  type LeverValue,
  type Levers,
  type RunSettings,
  type Scenario,
} from './schema-v2.ts';
export { scenarioV1Schema, upgradeV1, type ScenarioV1 } from './schema-v1.ts';
export {
  SUPPORTED_VERSIONS,
  describeIssues,
  loadScenario,
  parseScenarioText,
  type LoadResult,
  type ScenarioIssue,
} from './load.ts';
export {
  leverSeries,
  prepareScenario,
  scenarioOverrides,
  type PrepareResult,
  type ScenarioSetup,
} from './apply.ts';
export { localRunner, type DrawRequest, type ModelRunner } from './runner.ts';
export {
  NEED_OUTPUTS,
  runScenario,
  type NeedOutput,
  type RunProgress,
  type ScenarioResult,
} from './run.ts';
export {
  ALL_TEACHERS,
  SECONDARY_TOTAL,
  aggregateIndex,
  layoutYearLabel,
  type AggregateLayout,
} from './aggregate.ts';
export {
  differenceAt,
  driverDifference,
  figureAt,
  pairedDraws,
  type DriverDifference,
  type Figure,
  type Selection,
} from './compare.ts';
export { comparisonTable, driverLabel, driverTable } from './ees-tables.ts';
export {
  PERMALINK_PARAMETER,
  decodePermalink,
  describePermalinkIssues,
  encodePermalink,
  permalinkPayload,
  type PermalinkPayload,
  type PermalinkResult,
} from './permalink.ts';
export type { MentorYear } from './mentors.ts';
export { SHIPPED_FILES, shippedScenarios, type ShippedScenario } from './shipped.ts';
