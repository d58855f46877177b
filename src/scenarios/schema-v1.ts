/**
 * Scenario file format, schema version 1: the first, minimal format read by the forecast CLI
 * (`{ schemaVersion: 1, name, description, parameters }`, parameters spelled as the model's
 * parameter set). Mirrors scenarios/schema/scenario.v1.schema.json. The parameters that have
 * a lever in version 2 are accepted; `upgradeV1` turns such a file into version 2.
 */
import { z } from 'zod';
import { SUBJECT_GROUPS, type SubjectGroup } from '../data/types.ts';
import { DEFAULT_RUN } from './levers.ts';
import { bounded as leverNumber, docOf, type ScenarioV2 } from './schema-v2.ts';

const bounded = (path: string) => leverNumber(docOf(path));

function bySubject(path: string) {
  const shape = {} as Record<SubjectGroup, z.ZodOptional<ReturnType<typeof bounded>>>;
  for (const group of SUBJECT_GROUPS) shape[group] = bounded(path).optional();
  return z.strictObject(shape);
}

const phases = (lever: string) =>
  z.strictObject({
    primary: bounded(`${lever}.primary`).optional(),
    secondary: bounded(`${lever}.secondary`).optional(),
  });

export const scenarioV1Schema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  name: z.string({ error: 'must be text' }).regex(/\S/, { error: 'must not be empty' }),
  description: z.string({ error: 'must be text' }),
  parameters: z
    .strictObject({
      demandMode: z
        .enum(['elasticity', 'ptr'], { error: 'must be "elasticity" or "ptr"' })
        .optional(),
      elasticity: phases('elasticity').optional(),
      pupilTeacherRatio: phases('pupilTeacherRatio').optional(),
      inductionYears: bounded('inductionYears').optional(),
      ectTimetableReduction: z
        .strictObject({
          ect1: bounded('ectTimetableReduction.ect1').optional(),
          ect2: bounded('ectTimetableReduction.ect2').optional(),
        })
        .optional(),
      completionRate: bySubject('completionRate.<subject>').optional(),
      employmentRate: bySubject('employmentRate.<subject>').optional(),
    })
    .optional(),
});
export type ScenarioV1 = z.infer<typeof scenarioV1Schema>;

/** Version 1 to version 2: the parameters become the levers of the same name; run settings are the defaults. */
export function upgradeV1(v1: ScenarioV1): ScenarioV2 {
  const { parameters = {} } = v1;
  const levers: ScenarioV2['levers'] = {};
  if (parameters.demandMode !== undefined) levers.demandMode = parameters.demandMode;
  if (parameters.elasticity) levers.elasticity = { ...parameters.elasticity };
  if (parameters.pupilTeacherRatio) levers.pupilTeacherRatio = { ...parameters.pupilTeacherRatio };
  if (parameters.inductionYears !== undefined) levers.inductionYears = parameters.inductionYears;
  if (parameters.ectTimetableReduction) {
    levers.ectTimetableReduction = { ...parameters.ectTimetableReduction };
  }
  if (parameters.completionRate) levers.completionRate = { ...parameters.completionRate };
  if (parameters.employmentRate) levers.employmentRate = { ...parameters.employmentRate };
  return {
    schemaVersion: 2,
    name: v1.name,
    description: v1.description,
    levers,
    run: { ...DEFAULT_RUN },
  };
}
