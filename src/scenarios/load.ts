/**
 * Reading scenario files: one loader per schema version, each validating strictly and
 * upgrading to the current version, and error messages that name the JSON path and the
 * reason, e.g. `levers.leaverRateMultipliers.ect1: must be between 0 and 3 (got 5)`.
 */
import type { z } from 'zod';
import { MAX_JSON_DEPTH, isTooDeep, parseJsonInput } from '../data/json-input.ts';
import { prepareFormulas } from './formula.ts';
import type { FileContent } from '../data/utf8.ts';
import { scenarioV1Schema, upgradeV1 } from './schema-v1.ts';
import { SCHEMA_VERSION, scenarioV2Schema, type Scenario } from './schema-v2.ts';

export interface ScenarioIssue {
  /** JSON path of the offending value, e.g. `levers.returnerMultiplier.formula`; '' for the whole file. */
  path: string;
  message: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** One loader per schema version: validate that version strictly, return the current version. */
const LOADERS: Record<number, (value: unknown) => LoadResult> = {
  1: (value) => {
    const parsed = scenarioV1Schema.safeParse(value);
    return parsed.success
      ? { ok: true, scenario: upgradeV1(parsed.data) }
      : { ok: false, issues: describeZodIssues(parsed.error.issues, value) };
  },
  2: (value) => {
    const parsed = scenarioV2Schema.safeParse(value);
    return parsed.success
      ? { ok: true, scenario: parsed.data }
      : { ok: false, issues: describeZodIssues(parsed.error.issues, value) };
  },
};

export const SUPPORTED_VERSIONS = Object.keys(LOADERS).map(Number);

/** A scenario file is a few KB; anything near this is not one. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/**
 * Validates a parsed JSON value of any supported schema version and returns it as the current
 * version. Async because a formula lever needs the formula parser, loaded on first use.
 */
export async function loadScenario(value: unknown): Promise<LoadResult> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ path: '', message: 'must be a JSON object' }] };
  }
  // A saved record never passed the text guard: the same depth limit before any schema walks it.
  if (isTooDeep(value)) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `nests lists or objects more than ${MAX_JSON_DEPTH} levels deep; a scenario is never that deep`,
        },
      ],
    };
  }
  const parserProblem = await prepareFormulas(value);
  if (parserProblem) return { ok: false, issues: [{ path: '', message: parserProblem }] };
  const version = (value as Record<string, unknown>).schemaVersion;
  if (version === undefined) {
    return {
      ok: false,
      issues: [
        {
          path: 'schemaVersion',
          message: `is missing: say which schema version the file follows (${SUPPORTED_VERSIONS.join(' or ')})`,
        },
      ],
    };
  }
  const loader = typeof version === 'number' ? LOADERS[version] : undefined;
  if (!loader) {
    return {
      ok: false,
      issues: [
        {
          path: 'schemaVersion',
          message: `must be ${SUPPORTED_VERSIONS.join(' or ')} (got ${gotText(version)}); the newest is ${SCHEMA_VERSION}`,
        },
      ],
    };
  }
  return loader(value);
}

/** Parses the text of a scenario file; a size, depth or JSON syntax problem is an issue too. */
export async function parseScenarioText(content: FileContent): Promise<LoadResult> {
  const json = parseJsonInput(content, { maxBytes: MAX_SCENARIO_BYTES, what: 'scenario file' });
  if (!json.ok) return { ok: false, issues: [{ path: '', message: json.reason }] };
  return loadScenario(json.value);
}

/** `file.json: levers.x: reason` lines, for an error summary or the CLI. */
export function describeIssues(issues: readonly ScenarioIssue[], fileName?: string): string[] {
  return issues.map((issue) => {
    const where = [fileName, issue.path].filter(Boolean).join(': ');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

type ZodIssue = z.core.$ZodIssue;

/** `levers.leaverRateMultipliers.ect1`, `evidence[0].source`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function gotText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Zod issues as path + reason, with the offending value where it helps. */
export function describeZodIssues(issues: readonly ZodIssue[], root: unknown): ScenarioIssue[] {
  const described: ScenarioIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        described.push({
          path: pathText([...issue.path, key]),
          message: 'is not a field of this schema version',
        });
      }
      continue;
    }
    const value = valueAt(root, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) {
      message =
        issue.values.length > 6
          ? 'is not one of the allowed values'
          : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    if (value === undefined && issue.code === 'invalid_type') message = 'is missing';
    else if (issue.code !== 'custom' || typeof value !== 'string') {
      message += ` (got ${gotText(value)})`;
    }
    described.push({ path: pathText(issue.path), message });
  }
  return described;
}
