import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  LEVERS,
  RUN_SETTINGS,
  SHIPPED_FILES,
  describeIssues,
  loadScenario,
  parseScenarioText,
  scenarioV1Schema,
  scenarioV2Schema,
} from '../../../src/scenarios/index.ts';
import { jsonSchemaErrors, schemaPaths } from './json-schema.ts';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const v2JsonSchema = readJson('scenarios/schema/scenario.v2.schema.json');
const v1JsonSchema = readJson('scenarios/schema/scenario.v1.schema.json');

const valid = {
  schemaVersion: 2,
  name: 'Test',
  description: 'A test case.',
  levers: { leaverRateMultipliers: { ect1: 0.8 } },
  run: { draws: 100, spread: 1, seed: 7 },
};

/** The lines a broken file gets, as the page and the CLI show them. */
async function messages(value: unknown): Promise<string[]> {
  const loaded = await loadScenario(value);
  return loaded.ok ? [] : describeIssues(loaded.issues);
}

function withLevers(levers: Record<string, unknown>) {
  return { ...valid, levers };
}

/** Property paths of a zod schema, `[]` for array items (mirrors schemaPaths). */
function zodPaths(schema: z.ZodType, path = '', out = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const childPath = path ? `${path}.${key}` : key;
        out.add(childPath);
        zodPaths(child, childPath, out);
      }
      break;
    case 'optional':
      zodPaths(def.innerType as z.ZodType, path, out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) zodPaths(option, path, out);
      break;
    case 'array':
      zodPaths(def.element as z.ZodType, `${path}[]`, out);
      break;
  }
  return out;
}

describe('shipped scenario files', () => {
  it('lists every file in scenarios/', () => {
    const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json'));
    expect(SHIPPED_FILES.map((f) => f.file).sort()).toEqual(files.sort());
  });

  it.each(SHIPPED_FILES.map((f) => f.file))(
    '%s passes the zod schema and the JSON Schema',
    async (file) => {
      const json = readJson(`scenarios/${file}`);
      expect(await messages(json)).toEqual([]);
      const schema = json.schemaVersion === 1 ? v1JsonSchema : v2JsonSchema;
      expect(jsonSchemaErrors(schema, json)).toEqual([]);
    },
  );

  it('each version-2 case says what it assumes and cites evidence, marking assumptions illustrative', () => {
    for (const { file, json } of SHIPPED_FILES) {
      const scenario = json as {
        schemaVersion: number;
        description: string;
        evidence?: { provenance: string }[];
      };
      if (scenario.schemaVersion !== 2) continue;
      expect(scenario.description.length, file).toBeGreaterThan(150);
      expect(scenario.description, file).toMatch(/Assumes|assumes/);
      expect(
        scenario.evidence?.some((e) => e.provenance === 'published'),
        file,
      ).toBe(true);
    }
  });
});

describe('the JSON Schema files and the zod schemas agree', () => {
  it('have the same property paths', () => {
    expect([...schemaPaths(v2JsonSchema).keys()].sort()).toEqual(
      [...zodPaths(scenarioV2Schema)].sort(),
    );
    expect([...schemaPaths(v1JsonSchema).keys()].sort()).toEqual(
      [...zodPaths(scenarioV1Schema)].sort(),
    );
  });

  it('give every lever the documented range', () => {
    const paths = schemaPaths(v2JsonSchema);
    for (const lever of LEVERS) {
      const path = `levers.${lever.path.replace('<subject>', 'Physics')}`;
      const schema = paths.get(path);
      const range = schema?.oneOf ? (schema.oneOf as Record<string, unknown>[])[0] : schema;
      expect(range, path).toMatchObject({ minimum: lever.min, maximum: lever.max });
      expect(range?.type, path).toBe(lever.integer ? 'integer' : 'number');
      expect(Boolean(schema?.oneOf), `${path} formula`).toBe(Boolean(lever.formula));
    }
    for (const setting of RUN_SETTINGS) {
      expect(paths.get(`run.${setting.path}`)).toMatchObject({
        minimum: setting.min,
        maximum: setting.max,
      });
    }
  });
});

/** Broken files: what zod says (the exact line) and whether the JSON Schema rejects them too. */
const BROKEN: { what: string; value: unknown; message: string; jsonSchemaRejects: boolean }[] = [
  {
    what: 'an unknown top-level field',
    value: { ...valid, colour: 'blue' },
    message: 'colour: is not a field of this schema version',
    jsonSchemaRejects: true,
  },
  {
    what: 'an unknown lever field',
    value: withLevers({ leaverRateMultipliers: { ect9: 1 } }),
    message: 'levers.leaverRateMultipliers.ect9: is not a field of this schema version',
    jsonSchemaRejects: true,
  },
  {
    what: 'an unknown subject group',
    value: withLevers({ completionRate: { Astronomy: 0.9 } }),
    message: 'levers.completionRate.Astronomy: is not a field of this schema version',
    jsonSchemaRejects: true,
  },
  {
    what: 'a wrong type',
    value: withLevers({ inductionYears: 'two' }),
    message: 'levers.inductionYears: must be a number (got "two")',
    jsonSchemaRejects: true,
  },
  {
    what: 'a value out of range',
    value: withLevers({ leaverRateMultipliers: { ect1: 5 } }),
    message: 'levers.leaverRateMultipliers.ect1: must be between 0 and 3 (got 5)',
    jsonSchemaRejects: true,
  },
  {
    what: 'a fraction above 1',
    value: withLevers({ completionRate: { Physics: 1.5 } }),
    message: 'levers.completionRate.Physics: must be between 0.01 and 1 (got 1.5)',
    jsonSchemaRejects: true,
  },
  {
    what: 'a non-whole number of years',
    value: withLevers({ inductionYears: 1.5 }),
    message: 'levers.inductionYears: must be a whole number from 0 to 2 (got 1.5)',
    jsonSchemaRejects: true,
  },
  {
    what: 'an unknown demand mode',
    value: withLevers({ demandMode: 'guess' }),
    message: 'levers.demandMode: must be "elasticity" or "ptr" (got "guess")',
    jsonSchemaRejects: true,
  },
  {
    what: 'a lever value that is neither a number nor a formula',
    value: withLevers({ returnerMultiplier: [1, 2] }),
    message:
      'levers.returnerMultiplier: must be a number or an object { "formula": "..." } (got [1,2])',
    jsonSchemaRejects: true,
  },
  {
    what: 'a formula object with an extra field',
    value: withLevers({ returnerMultiplier: { formula: '1', note: 'x' } }),
    message: 'levers.returnerMultiplier.note: is not a field of this schema version',
    jsonSchemaRejects: true,
  },
  {
    what: 'a formula calling import',
    value: withLevers({ returnerMultiplier: { formula: 'import("fs")' } }),
    message:
      'levers.returnerMultiplier.formula: "import("fs")" is not allowed: only numbers, + - * / ^, min, max, year and t',
    jsonSchemaRejects: false,
  },
  {
    what: 'a formula assigning a variable',
    value: withLevers({ newToSectorMultiplier: { formula: 'year = 1' } }),
    message:
      'levers.newToSectorMultiplier.formula: "year = 1" is not allowed: only numbers, + - * / ^, min, max, year and t',
    jsonSchemaRejects: false,
  },
  {
    what: 'a formula with a function other than min and max',
    value: withLevers({ recruitmentShare: { Physics: { formula: 'sin(year)' } } }),
    message:
      'levers.recruitmentShare.Physics.formula: "sin(year)" is not allowed: only numbers, + - * / ^, min, max, year and t',
    jsonSchemaRejects: false,
  },
  {
    what: 'a missing required field',
    value: { schemaVersion: 2, name: 'x', description: '' },
    message: 'levers: is missing',
    jsonSchemaRejects: true,
  },
  {
    what: 'a repeated iQTS subject',
    value: withLevers({
      internationalQts: { completers: 10, shareGainingQts: 0.5, subjects: ['Physics', 'Physics'] },
    }),
    message:
      'levers.internationalQts.subjects: must not name a subject group twice (got ["Physics","Physics"])',
    jsonSchemaRejects: true,
  },
];

describe('broken scenario files', () => {
  it.each(BROKEN)(
    'refuses $what, naming the path',
    async ({ value, message, jsonSchemaRejects }) => {
      expect(await messages(value)).toEqual([message]);
      expect(jsonSchemaErrors(v2JsonSchema, value).length > 0).toBe(jsonSchemaRejects);
    },
  );

  it('refuses an unknown schema version, a missing one and bad JSON', async () => {
    expect(await messages({ ...valid, schemaVersion: 3 })).toEqual([
      'schemaVersion: must be 1 or 2 (got 3); the newest is 2',
    ]);
    const unversioned: Record<string, unknown> = { ...valid };
    delete unversioned.schemaVersion;
    expect(await messages(unversioned)).toEqual([
      'schemaVersion: is missing: say which schema version the file follows (1 or 2)',
    ]);
    const text = await parseScenarioText('{ "schemaVersion": 2,');
    expect(text.ok).toBe(false);
    if (!text.ok)
      expect(describeIssues(text.issues, 'my.json')[0]).toMatch(/^my\.json: is not valid JSON \(/);
  });

  it('reports every problem of a file, not just the first', async () => {
    const lines = await messages(
      withLevers({ inductionYears: 9, leaverRateMultipliers: { over55: -1 }, extra: 1 }),
    );
    expect(lines).toHaveLength(3);
  });
});

describe('version 1 files (old format) still load', () => {
  it('upgrades the shipped baseline to version 2 with the same settings', async () => {
    const loaded = await loadScenario(readJson('scenarios/baseline.json'));
    expect(loaded.ok && loaded.scenario).toEqual({
      schemaVersion: 2,
      name: 'Baseline',
      description: expect.stringContaining('Central projection'),
      levers: {
        demandMode: 'elasticity',
        inductionYears: 2,
        ectTimetableReduction: { ect1: 0.1, ect2: 0.05 },
      },
      run: { draws: 1000, spread: 1, seed: 1 },
    });
  });

  it('maps version 1 parameters onto the levers of the same meaning', async () => {
    const json = JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures/v1-conversion-rates.json'), 'utf8'),
    );
    expect(jsonSchemaErrors(v1JsonSchema, json)).toEqual([]);
    const loaded = await loadScenario(json);
    expect(loaded.ok && loaded.scenario.levers).toEqual({
      demandMode: 'ptr',
      completionRate: { Physics: 0.8 },
      employmentRate: { Physics: 0.6 },
      inductionYears: 2,
      ectTimetableReduction: { ect1: 0.1, ect2: 0.05 },
    });
  });

  it('refuses a version 1 parameter that has no lever, naming it', async () => {
    const value = { schemaVersion: 1, name: 'x', description: '', parameters: { leaverRates: {} } };
    expect(await messages(value)).toEqual([
      'parameters.leaverRates: is not a field of this schema version',
    ]);
    expect(jsonSchemaErrors(v1JsonSchema, value)).toEqual([
      'parameters.leaverRates: additionalProperties',
    ]);
  });
});
