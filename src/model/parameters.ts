/**
 * Merging scenario overrides into the default parameters, and validating a parameter set:
 * every error names the value the way a scenario file spells it.
 */
import type { SubjectGroup } from '../data/types.ts';
import { SECONDARY_SUBJECTS, SUBJECT_GROUPS } from '../data/types.ts';
import { ModelInputError } from './errors.ts';
import { MAX_PROJECTION_YEARS } from './horizon.ts';
import {
  CAREER_STAGES,
  DRAWN_FLOWS,
  PHASES,
  type CareerStage,
  type ModelParameters,
  type ParameterOverrides,
} from './parameter-types.ts';

const YEAR_KEY = /^\d{4}\/\d{2}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge: objects key by key, anything else replaces. Unknown keys are errors. */
function mergeInto(base: unknown, override: unknown, path: string): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(override) || !isPlainObject(base)) return override;
  const baseKeys = Object.keys(base);
  // Year-keyed maps (possibly empty) are the only open-ended objects in the parameter set.
  const isYearMap = baseKeys.every((key) => YEAR_KEY.test(key));
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!(key in base) && !(isYearMap && YEAR_KEY.test(key))) {
      throw new ModelInputError(childPath, 'is not a model parameter');
    }
    merged[key] = mergeInto(base[key], value, childPath);
  }
  return merged;
}

/** Applies scenario overrides to defaults and validates the result. */
export function resolveParameters(
  defaults: ModelParameters,
  overrides: ParameterOverrides = {},
): ModelParameters {
  const merged = mergeInto(defaults, overrides, '') as ModelParameters;
  validateParameters(merged);
  return merged;
}

function checkNumber(path: string, value: unknown, min: number, max: number, what: string) {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ModelInputError(path, `must be a number (got ${JSON.stringify(value) ?? 'nothing'})`);
  }
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ModelInputError(path, `must be ${what} (got ${value})`);
  }
}

const checkFraction = (path: string, value: unknown) =>
  checkNumber(path, value, 0, 1, 'a fraction between 0 and 1');
const checkCount = (path: string, value: unknown) =>
  checkNumber(path, value, 0, Number.MAX_VALUE, 'a non-negative count');
const checkSd = (path: string, value: unknown) =>
  checkNumber(path, value, 0, 10, 'a non-negative standard deviation');

function checkYearMap(path: string, values: unknown, allowNull: boolean) {
  if (!isPlainObject(values)) throw new ModelInputError(path, 'must be an object of year: value');
  for (const [year, value] of Object.entries(values)) {
    if (!YEAR_KEY.test(year))
      throw new ModelInputError(`${path}.${year}`, 'is not a year like 2025/26');
    if (allowNull && value === null) continue;
    checkCount(`${path}.${year}`, value);
  }
}

function checkGroupMap<T>(path: string, record: unknown, checkValue: (p: string, v: T) => void) {
  if (!isPlainObject(record))
    throw new ModelInputError(path, 'must be an object keyed by subject group');
  for (const group of SUBJECT_GROUPS) {
    if (!(group in record)) throw new ModelInputError(`${path}.${group}`, 'is missing');
    checkValue(`${path}.${group}`, record[group] as T);
  }
}

function checkPhaseMap(path: string, record: unknown, check: (p: string, v: unknown) => void) {
  if (!isPlainObject(record)) throw new ModelInputError(path, 'must be an object keyed by phase');
  for (const phase of PHASES) check(`${path}.${phase}`, record[phase]);
}

/**
 * Throws ModelInputError naming the first invalid value. District codes in `localLeavers` and
 * `netMovers` are checked against the dataset in buildModelInputs.
 */
export function validateParameters(parameters: ModelParameters): void {
  const p = parameters;
  if (!Array.isArray(p.planningEntryYears) || p.planningEntryYears.length === 0) {
    throw new ModelInputError('planningEntryYears', 'must be a list of entry years like 2027/28');
  }
  p.planningEntryYears.forEach((year, i) => {
    if (typeof year !== 'string' || !YEAR_KEY.test(year)) {
      throw new ModelInputError(`planningEntryYears[${i}]`, `"${year}" is not a year like 2027/28`);
    }
  });
  checkNumber(
    'projectionYears',
    p.projectionYears,
    1,
    MAX_PROJECTION_YEARS,
    `a whole number of years from 1 to ${MAX_PROJECTION_YEARS}`,
  );
  if (!Number.isInteger(p.projectionYears)) {
    throw new ModelInputError(
      'projectionYears',
      `must be a whole number (got ${p.projectionYears})`,
    );
  }
  if (p.demandMode !== 'elasticity' && p.demandMode !== 'ptr') {
    throw new ModelInputError(
      'demandMode',
      `must be "elasticity" or "ptr" (got ${JSON.stringify(p.demandMode)})`,
    );
  }
  checkPhaseMap('elasticity', p.elasticity, (path, v) =>
    checkNumber(path, v, 0, 3, 'an elasticity between 0 and 3'),
  );
  checkPhaseMap('pupilTeacherRatio', p.pupilTeacherRatio, (path, v) =>
    checkNumber(path, v, 1, 200, 'a pupil:teacher ratio between 1 and 200'),
  );
  checkPhaseMap('baseShortfallRate', p.baseShortfallRate, checkFraction);
  checkNumber('inductionYears', p.inductionYears, 0, 2, '0, 1 or 2');
  if (!Number.isInteger(p.inductionYears)) {
    throw new ModelInputError('inductionYears', `must be 0, 1 or 2 (got ${p.inductionYears})`);
  }
  checkNumber(
    'ectTimetableReduction.ect1',
    p.ectTimetableReduction?.ect1,
    0,
    0.5,
    'between 0 and 0.5',
  );
  checkNumber(
    'ectTimetableReduction.ect2',
    p.ectTimetableReduction?.ect2,
    0,
    0.5,
    'between 0 and 0.5',
  );
  if (!isPlainObject(p.subjectStockShares)) {
    throw new ModelInputError('subjectStockShares', 'must be an object keyed by secondary subject');
  }
  let stockShareSum = 0;
  for (const subject of SECONDARY_SUBJECTS) {
    checkFraction(`subjectStockShares.${subject}`, p.subjectStockShares[subject]);
    stockShareSum += p.subjectStockShares[subject];
  }
  if (Math.abs(stockShareSum - 1) > 0.01) {
    throw new ModelInputError(
      'subjectStockShares',
      `secondary stock shares must sum to 1 (got ${stockShareSum.toFixed(4)})`,
    );
  }
  checkGroupMap<Record<CareerStage, number>>('stageShares', p.stageShares, (path, shares) => {
    let sum = 0;
    for (const stage of CAREER_STAGES) {
      checkFraction(`${path}.${stage}`, shares?.[stage]);
      sum += shares[stage];
    }
    if (Math.abs(sum - 1) > 1e-6)
      throw new ModelInputError(path, `stage shares must sum to 1 (got ${sum})`);
  });
  checkGroupMap<Record<CareerStage, number>>('leaverRates', p.leaverRates, (path, rates) => {
    for (const stage of CAREER_STAGES) checkFraction(`${path}.${stage}`, rates?.[stage]);
  });
  checkGroupMap<ModelParameters['progressionRates'][SubjectGroup]>(
    'progressionRates',
    p.progressionRates,
    (path, rates) => {
      checkFraction(`${path}.years3to5ToYears6plus`, rates?.years3to5ToYears6plus);
      checkFraction(`${path}.years6plusToOver55`, rates?.years6plusToOver55);
    },
  );
  // Negative: teachers who stay add hours on balance (the residual can go either way).
  checkPhaseMap('workingHourLossRate', p.workingHourLossRate, (path, v) =>
    checkNumber(path, v, -0.1, 0.5, 'a fraction of stock between -0.1 and 0.5'),
  );
  checkGroupMap('returners', p.returners, (path, v) => checkYearMap(path, v, false));
  checkGroupMap('newToSector', p.newToSector, (path, v) => checkYearMap(path, v, false));
  checkGroupMap('postgraduatePipeline', p.postgraduatePipeline, (path, v) =>
    checkYearMap(path, v, true),
  );
  for (const route of [
    'assessmentOnly',
    'apprenticeship',
    'international',
    'undergraduateStarts',
  ] as const) {
    checkGroupMap(`otherRoutes.${route}`, p.otherRoutes?.[route], (path, v) =>
      checkYearMap(path, v, false),
    );
  }
  checkPhaseMap('ftePerHead', p.ftePerHead, (path, v) =>
    checkNumber(path, v, 0.01, 1, 'an FTE per head above 0 and at most 1'),
  );
  checkGroupMap('completionRate', p.completionRate, (path, v) =>
    checkNumber(path, v, 0.01, 1, 'a fraction above 0 and at most 1'),
  );
  checkGroupMap('employmentRate', p.employmentRate, (path, v) =>
    checkNumber(path, v, 0.01, 1, 'a fraction above 0 and at most 1'),
  );
  if (!Array.isArray(p.localLeavers)) throw new ModelInputError('localLeavers', 'must be a list');
  p.localLeavers.forEach((row, i) => {
    const path = `localLeavers[${i}]`;
    if (!SUBJECT_GROUPS.includes(row?.subject)) {
      throw new ModelInputError(`${path}.subject`, `"${row?.subject}" is not a subject group`);
    }
    checkCount(`${path}.stockFte`, row.stockFte);
    checkNumber(`${path}.leaversFte`, row.leaversFte, 0, row.stockFte, 'between 0 and stockFte');
  });
  checkNumber(
    'leaverRateBetweenAreaSd',
    p.leaverRateBetweenAreaSd,
    1e-6,
    0.5,
    'between 0 and 0.5 (exclusive of 0)',
  );
  if (!Array.isArray(p.netMovers)) throw new ModelInputError('netMovers', 'must be a list');
  p.netMovers.forEach((row, i) => {
    const path = `netMovers[${i}]`;
    if (!SUBJECT_GROUPS.includes(row?.subject)) {
      throw new ModelInputError(`${path}.subject`, `"${row?.subject}" is not a subject group`);
    }
    if (!YEAR_KEY.test(row.year))
      throw new ModelInputError(`${path}.year`, `"${row.year}" is not a year like 2025/26`);
    checkNumber(`${path}.fte`, row.fte, -1e9, 1e9, 'a number of FTE');
  });
  const u = p.uncertainty;
  for (const flow of DRAWN_FLOWS) {
    const path = `uncertainty.flows.${flow}`;
    if (!isPlainObject(u?.flows?.[flow])) throw new ModelInputError(path, 'is missing');
    checkPhaseMap(`${path}.phase`, u.flows[flow].phase, checkSd);
    checkSd(`${path}.subject`, u.flows[flow].subject);
  }
  checkPhaseMap('uncertainty.elasticitySd', u?.elasticitySd, checkSd);
  checkPhaseMap(
    'uncertainty.pupilProjectionErrorSdPerYear',
    u?.pupilProjectionErrorSdPerYear,
    checkSd,
  );
  checkSd('uncertainty.completionRateSd', u?.completionRateSd);
  checkSd('uncertainty.employmentRateSd', u?.employmentRateSd);
}
