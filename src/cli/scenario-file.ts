/**
 * Reading a scenario file of any schema version into the model inputs it describes, for the
 * command-line tools (src/scenarios validates and upgrades it).
 */
import type { RegionDataset } from '../data/types.ts';
import { runDeterministic, type ModelInputs, type ModelParameters } from '../model/index.ts';
import {
  describeIssues,
  parseScenarioText,
  prepareScenario,
  type Scenario,
} from '../scenarios/index.ts';
import { applyRecruitmentShares } from '../scenarios/recruitment.ts';
import { CliError, readOptionFile } from './cli.ts';
import { systemClock } from '../data/clock.ts';

/** The scenario used when no --scenario is given: every lever at its default. */
export const DEFAULT_SCENARIO: Scenario = {
  schemaVersion: 2,
  name: 'defaults',
  description: '',
  levers: {},
};

/** Reads and validates a scenario file; errors name the file and the field's path. */
export async function readScenarioFile(path: string): Promise<Scenario> {
  const loaded = await parseScenarioText(readOptionFile('scenario', path));
  if (!loaded.ok) throw new CliError(describeIssues(loaded.issues, path).join('\n'));
  return loaded.scenario;
}

/**
 * The model parameters and inputs a scenario describes for a dataset, with its recruitment
 * shares settled from central runs (src/scenarios/recruitment.ts).
 */
export async function scenarioModelInputs(
  scenario: Scenario,
  dataset: RegionDataset,
  source: string,
  today: Date = systemClock(),
): Promise<{ parameters: ModelParameters; inputs: ModelInputs }> {
  const prepared = await prepareScenario(scenario, dataset, today);
  if (!prepared.ok) throw new CliError(describeIssues(prepared.issues, source).join('\n'));
  const inputs = await applyRecruitmentShares(
    prepared.setup.inputs,
    prepared.setup.recruitmentShares,
    async (current) => runDeterministic(current).outputs.nqtNeed,
  );
  return { parameters: prepared.setup.parameters, inputs };
}
