/**
 * The allocation problem as JSON (`allocate --problem problem.json`): a strict zod schema, so
 * a file of the wrong shape, an unknown field, a number that is not one or is absurdly large
 * (a capacity of 1e300) is refused with the field's path and the reason before anything is
 * built. Years are written as EES likes them, '2027/28' or '202728'. Cross-references (a plan
 * for an unknown partnership, footprints that do not sum to 1) are checked afterwards by
 * validate.ts, as for a problem built in code.
 */
import { z } from 'zod';
import { parseAcademicYear, type AcademicYear } from '../data/academic-year.ts';
import { PARTNERSHIP_TYPES } from '../data/schemas.ts';
import { SUBJECT_GROUPS, type SubjectGroup } from '../data/types.ts';
import { TRAINING_ROUTES, type AllocationProblem } from './problem.ts';

/** More places, teachers or placements than any region has: a slip, not a figure. */
export const MAX_COUNT = 100_000;
/** A cost or weight this large would drown every other term of the objective. */
export const MAX_WEIGHT = 10_000;

const count = () =>
  z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be 0 or more' })
    .max(MAX_COUNT, { error: `must be at most ${MAX_COUNT.toLocaleString('en-GB')}` });
const share = () =>
  z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be between 0 and 1' })
    .max(1, { error: 'must be between 0 and 1' });
const weight = () =>
  z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be 0 or more' })
    .max(MAX_WEIGHT, { error: `must be at most ${MAX_WEIGHT}` });
const code = () =>
  z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }).max(64);

const year = () =>
  z.string({ error: "must be an academic year like '2027/28'" }).transform((text, ctx) => {
    const parsed = parseAcademicYear(text);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not an academic year like 2027/28` });
      return z.NEVER;
    }
    return parsed;
  });

const subject = () =>
  z.enum(SUBJECT_GROUPS as unknown as [SubjectGroup, ...SubjectGroup[]], {
    error: 'must be Primary or a TWM secondary subject group',
  });
const route = () =>
  z.enum(TRAINING_ROUTES as unknown as [string, ...string[]], {
    error: `must be one of: ${TRAINING_ROUTES.join(', ')}`,
  });

export const problemSchema = z.strictObject({
  regionName: z.string({ error: 'must be text' }).max(200),
  entryYears: z.array(year()).min(1, { error: 'must list at least one entry year' }).max(10),
  districts: z
    .array(
      z.strictObject({
        code: code(),
        name: z.string({ error: 'must be text' }).max(200),
        coldSpotWeight: weight(),
      }),
    )
    .min(1, { error: 'must list at least one district' }),
  need: z.array(
    z.strictObject({
      districtCode: code(),
      subject: subject(),
      nqtYear: year(),
      teachers: z
        .number({ error: 'must be a number' })
        .min(-MAX_COUNT, { error: `must be at least -${MAX_COUNT}` })
        .max(MAX_COUNT, { error: `must be at most ${MAX_COUNT}` }),
    }),
  ),
  partnerships: z.array(
    z.strictObject({
      code: code(),
      name: z.string({ error: 'must be text' }).max(200),
      type: z.enum(PARTNERSHIP_TYPES as unknown as [string, ...string[]], {
        error: `must be one of: ${PARTNERSHIP_TYPES.join(', ')}`,
      }),
      inRegionShare: share(),
      employmentFootprint: z.record(z.string(), share()),
      totalCapacity: count().nullable(),
      mentorCapacity: count().nullable(),
    }),
  ),
  plans: z.array(
    z.strictObject({
      partnershipCode: code(),
      subject: subject(),
      route: route(),
      capacity: count(),
      minimumCohort: count(),
      lastYearAllocation: count(),
      recentAllocated: count(),
      recentRecruited: count(),
      fixedPlaces: count().nullable(),
      conversionRate: share().nullable(),
    }),
  ),
  conversionRates: z.array(
    z.strictObject({
      route: z.union([route(), z.literal('*')]),
      subject: z.union([subject(), z.literal('*')]),
      completionRate: share(),
      employmentRate: share(),
    }),
  ),
  regionalCaps: z.array(z.strictObject({ subject: subject(), entryYear: year(), places: count() })),
  subjectWeights: z.partialRecord(subject(), weight()),
  pool: z
    .strictObject({
      share: share(),
      districtShares: z.record(z.string(), share()).nullable(),
      conversionRate: share().nullable(),
    })
    .nullable(),
  stability: z
    .strictObject({
      band: share(),
      minimumBandPlaces: count(),
      trackRecordThreshold: share(),
      trackRecordBonus: share(),
    })
    .nullable(),
  fill: z.strictObject({ credibilityPlaces: count() }).nullable(),
  fairness: z.strictObject({ weightPerPlace: weight() }).nullable(),
  costs: z.strictObject({
    surplusPerTeacher: weight(),
    changePerPlace: weight(),
    perPlace: weight(),
  }),
});

export interface ProblemFieldIssue {
  /** Where, e.g. 'plans[3].capacity'. */
  field: string;
  message: string;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
}

/** The problem in a parsed JSON value, or every field that is wrong (path and reason). */
export function parseProblem(
  json: unknown,
): { ok: true; problem: AllocationProblem } | { ok: false; issues: ProblemFieldIssue[] } {
  const result = problemSchema.safeParse(json);
  if (result.success) {
    return { ok: true, problem: result.data as AllocationProblem & { entryYears: AcademicYear[] } };
  }
  return {
    ok: false,
    issues: result.error.issues.slice(0, 50).map((issue) => ({
      field: fieldPath(issue.path) || '(the whole file)',
      message:
        issue.code === 'unrecognized_keys'
          ? `${issue.keys.map((key) => `"${key}"`).join(', ')} is not a field of an allocation problem`
          : issue.message,
    })),
  };
}
