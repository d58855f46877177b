/**
 * Scenario file format, schema version 2 (the current one): name, description, evidence,
 * levers and Monte Carlo settings. Mirrors scenarios/schema/scenario.v2.schema.json: every
 * object is strict (unknown fields are errors) and every number has the range in levers.ts.
 */
import { z } from 'zod';
import { SUBJECT_GROUPS, type SubjectGroup } from '../data/types.ts';
import { formulaProblem } from './formula.ts';
import { LEVERS, RUN_SETTINGS, type LeverDoc } from './levers.ts';

export const SCHEMA_VERSION = 2;

export function docOf(path: string, list: readonly LeverDoc[] = LEVERS): LeverDoc {
  const doc = list.find((lever) => lever.path === path);
  if (!doc) throw new Error(`no lever documented at ${path}`);
  return doc;
}

/** A number in the documented range of a lever. */
export function bounded(doc: LeverDoc) {
  const range = doc.integer
    ? `a whole number from ${doc.min} to ${doc.max}`
    : `between ${doc.min} and ${doc.max}`;
  let schema = z
    .number({ error: 'must be a number' })
    .min(doc.min, { error: `must be ${range}` })
    .max(doc.max, { error: `must be ${range}` });
  if (doc.integer) schema = schema.int({ error: `must be ${range}` });
  return schema;
}

export const formulaSchema = z.strictObject({
  formula: z.string({ error: 'must be a text formula' }).superRefine((text, ctx) => {
    const problem = formulaProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});
export type FormulaValue = z.infer<typeof formulaSchema>;

/** A lever that may vary by year: a number, or `{ "formula": "..." }` in year and t. */
function yearly(doc: LeverDoc) {
  return z.union([bounded(doc), formulaSchema], {
    error: 'must be a number or an object { "formula": "..." }',
  });
}
export type LeverValue = number | FormulaValue;

const lever = (path: string) => bounded(docOf(path));
const yearlyLever = (path: string) => yearly(docOf(path));
const phases = <T extends z.ZodType>(make: (phase: 'primary' | 'secondary') => T) =>
  z.strictObject({ primary: make('primary').optional(), secondary: make('secondary').optional() });

function bySubject<T extends z.ZodType>(value: T) {
  const shape = {} as Record<SubjectGroup, z.ZodOptional<T>>;
  for (const group of SUBJECT_GROUPS) shape[group] = value.optional();
  return z.strictObject(shape);
}

const stages = z.strictObject({
  ect1: lever('leaverRateMultipliers.ect1').optional(),
  ect2: lever('leaverRateMultipliers.ect2').optional(),
  years3to5: lever('leaverRateMultipliers.years3to5').optional(),
  years6plus: lever('leaverRateMultipliers.years6plus').optional(),
  over55: lever('leaverRateMultipliers.over55').optional(),
});

export const leversSchema = z.strictObject({
  pupilGrowthAdjustment: phases((phase) =>
    yearlyLever(`pupilGrowthAdjustment.${phase}`),
  ).optional(),
  demandMode: z.enum(['elasticity', 'ptr'], { error: 'must be "elasticity" or "ptr"' }).optional(),
  elasticity: phases((phase) => lever(`elasticity.${phase}`)).optional(),
  pupilTeacherRatio: phases((phase) => lever(`pupilTeacherRatio.${phase}`)).optional(),
  leaverRateMultipliers: stages.optional(),
  returnerMultiplier: yearlyLever('returnerMultiplier').optional(),
  workingHourLossRate: phases((phase) => lever(`workingHourLossRate.${phase}`)).optional(),
  newToSectorMultiplier: yearlyLever('newToSectorMultiplier').optional(),
  completionRate: bySubject(lever('completionRate.<subject>')).optional(),
  employmentRate: bySubject(lever('employmentRate.<subject>')).optional(),
  recruitmentShare: bySubject(yearlyLever('recruitmentShare.<subject>')).optional(),
  inductionYears: lever('inductionYears').optional(),
  ectTimetableReduction: z
    .strictObject({
      ect1: lever('ectTimetableReduction.ect1').optional(),
      ect2: lever('ectTimetableReduction.ect2').optional(),
    })
    .optional(),
  mentorCapacity: z
    .strictObject({
      trainedMentors: yearlyLever('mentorCapacity.trainedMentors'),
      ectsPerMentor: lever('mentorCapacity.ectsPerMentor').optional(),
    })
    .optional(),
  internationalQts: z
    .strictObject({
      completers: yearlyLever('internationalQts.completers'),
      shareGainingQts: lever('internationalQts.shareGainingQts'),
      shareComingToRegion: lever('internationalQts.shareComingToRegion').optional(),
      subjects: z
        .array(z.enum(SUBJECT_GROUPS as [SubjectGroup, ...SubjectGroup[]]), {
          error: 'must be a list of subject groups',
        })
        .min(1, { error: 'must name at least one subject group' })
        .refine((list) => new Set(list).size === list.length, {
          error: 'must not name a subject group twice',
        })
        .optional(),
    })
    .optional(),
});
export type Levers = z.infer<typeof leversSchema>;

export const runSchema = z.strictObject({
  draws: bounded(docOf('draws', RUN_SETTINGS)),
  spread: bounded(docOf('spread', RUN_SETTINGS)),
  seed: bounded(docOf('seed', RUN_SETTINGS)),
});
export type RunSettings = z.infer<typeof runSchema>;

export const evidenceSchema = z.strictObject({
  statement: z.string().min(1, { error: 'must not be empty' }).max(1000),
  source: z.string().min(1, { error: 'must not be empty' }).max(1000),
  provenance: z.enum(['published', 'derived', 'estimated', 'illustrative'], {
    error: 'must be "published", "derived", "estimated" or "illustrative"',
  }),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const scenarioV2Schema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
  name: z
    .string({ error: 'must be text' })
    .regex(/\S/, { error: 'must not be empty' })
    .max(120, { error: 'must be at most 120 characters' }),
  description: z.string({ error: 'must be text' }).max(4000, {
    error: 'must be at most 4000 characters',
  }),
  evidence: z.array(evidenceSchema).max(20).optional(),
  levers: leversSchema,
  run: runSchema.optional(),
});
export type ScenarioV2 = z.infer<typeof scenarioV2Schema>;
/** The in-memory scenario is always the current version. */
export type Scenario = ScenarioV2;
