/**
 * Minimal scenario file: `{ schemaVersion: 1, name, description, parameters }`, where
 * `parameters` overrides any part of the model's parameter set (see parameters.ts). The
 * parameter values themselves are checked by resolveParameters.
 */
import { ModelInputError } from './errors.ts';
import type { ParameterOverrides } from './parameter-types.ts';

export const SCENARIO_SCHEMA_VERSION = 1;

export interface Scenario {
  schemaVersion: typeof SCENARIO_SCHEMA_VERSION;
  name: string;
  description: string;
  parameters: ParameterOverrides;
}

const SCENARIO_KEYS = new Set(['schemaVersion', 'name', 'description', 'parameters']);

/** Checks the envelope of a parsed scenario JSON value; errors name the offending key. */
export function parseScenario(value: unknown): Scenario {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelInputError('(scenario)', 'must be a JSON object');
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!SCENARIO_KEYS.has(key)) throw new ModelInputError(key, 'is not a scenario field');
  }
  if (record.schemaVersion !== SCENARIO_SCHEMA_VERSION) {
    throw new ModelInputError(
      'schemaVersion',
      `must be ${SCENARIO_SCHEMA_VERSION} (got ${JSON.stringify(record.schemaVersion)})`,
    );
  }
  if (typeof record.name !== 'string' || record.name.trim() === '') {
    throw new ModelInputError('name', 'must be a non-empty string');
  }
  if (typeof record.description !== 'string') {
    throw new ModelInputError('description', 'must be a string');
  }
  const parameters = record.parameters ?? {};
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new ModelInputError('parameters', 'must be an object of parameter overrides');
  }
  return {
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    name: record.name,
    description: record.description,
    parameters: parameters as ParameterOverrides,
  };
}
