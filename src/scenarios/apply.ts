/**
 * From a scenario's levers to the model's inputs, for one dataset.
 *
 * Most levers are parameter overrides (ParameterOverrides). Three act outside the model, as
 * documented adjustments, because the model has no parameter for them:
 * - pupil growth adjustment: scales the district pupil projections in the model inputs,
 *   compounding year by year: P'(t) = P(t) x (1 + g(1)) x ... x (1 + g(t));
 * - recruitment share: fixes the postgraduate entrants of years not yet recruited at
 *   share x the central NQT need (see recruitment.ts);
 * - mentor capacity: compared with the ECTs the run produces and flagged (see mentors.ts).
 * Formula levers are evaluated for each projection year (year = first calendar year of the
 * academic year, t = years after the base year) and checked against the lever's range.
 */
import type { AcademicYear, Phase, RegionDataset, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import {
  CAREER_STAGES,
  ModelInputError,
  baseYearOf,
  buildModelInputs,
  defaultParameters,
  phaseOfGroup,
  resolveParameters,
  type ModelInputs,
  type ModelParameters,
  type ParameterOverrides,
  type YearValues,
} from '../model/index.ts';
import { compileFormula, FormulaError, prepareFormulas } from './formula.ts';
import { DEFAULT_RUN, leverDoc, rangeText } from './levers.ts';
import type { ScenarioIssue } from './load.ts';
import type { LeverValue, RunSettings, Scenario } from './schema-v2.ts';
import { addYears, consecutiveYears, startYearOf } from '../data/academic-year.ts';

export interface ScenarioSetup {
  scenario: Scenario;
  parameters: ModelParameters;
  /** Model inputs with the pupil adjustment applied (recruitment shares are applied at run time). */
  inputs: ModelInputs;
  /** Recruitment share by subject group index and projection year, only for groups the scenario sets. */
  recruitmentShares: Map<number, Float64Array>;
  /** Mentor places (mentors x ECTs per mentor) by projection year, or null for no limit. */
  mentorPlaces: Float64Array | null;
  run: RunSettings;
}

export type PrepareResult =
  { ok: true; setup: ScenarioSetup } | { ok: false; issues: ScenarioIssue[] };

class LeverIssue extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** A lever's value in each projection year, checked against its range. */
export function leverSeries(
  value: LeverValue,
  path: string,
  years: readonly AcademicYear[],
): Float64Array {
  const doc = leverDoc(path);
  if (!doc) throw new Error(`no lever documented at ${path}`);
  if (typeof value === 'number') return new Float64Array(years.length).fill(value);
  let formula;
  try {
    formula = compileFormula(value.formula);
  } catch (error) {
    if (error instanceof FormulaError)
      throw new LeverIssue(`levers.${path}.formula`, error.message);
    throw error;
  }
  return Float64Array.from(years, (year, i) => {
    let result;
    try {
      result = formula.evaluate({ year: startYearOf(year), t: i + 1 });
    } catch (error) {
      if (error instanceof FormulaError)
        throw new LeverIssue(`levers.${path}.formula`, error.message);
      throw error;
    }
    if (result < doc.min || result > doc.max) {
      throw new LeverIssue(
        `levers.${path}.formula`,
        `gives ${Number(result.toPrecision(6))} in ${year}; it must be ${rangeText(doc)}`,
      );
    }
    return result;
  });
}

const phaseIndex = (phase: Phase) => (phase === 'primary' ? 0 : 1);

/** Base-year teacher FTE of the region and of England, by phase. */
function teacherFte(dataset: RegionDataset) {
  const region = [0, 0];
  for (const baseline of dataset.baselines)
    region[phaseIndex(baseline.phase)]! += baseline.teacherFte;
  const national = (['primary', 'secondary'] as const).map(
    (phase) =>
      dataset.nationalPupilTeacher.find(
        (row) => row.phase === phase && row.year === dataset.baseYear,
      )?.teacherFte ?? Number.NaN,
  );
  return { region, national };
}

/**
 * iQTS holders gaining QTS who come to the region, as the model's national international
 * entrants by subject group and year. The model apportions a national figure to a district
 * by the district's share of national FTE of the phase, so the regional arrivals of a group
 * are divided by the region's share of the phase before they go in.
 */
function internationalEntrants(
  dataset: RegionDataset,
  parameters: ModelParameters,
  qts: NonNullable<Scenario['levers']['internationalQts']>,
  years: readonly AcademicYear[],
): Record<SubjectGroup, YearValues> {
  const completers = leverSeries(qts.completers, 'internationalQts.completers', years);
  const fte = teacherFte(dataset);
  const regionShareOfEngland =
    qts.shareComingToRegion ??
    (fte.region[0]! + fte.region[1]!) / (fte.national[0]! + fte.national[1]!);
  const chosen = new Set<SubjectGroup>(qts.subjects ?? SUBJECT_GROUPS);
  const nationalGroupFte = (group: SubjectGroup) =>
    group === 'Primary'
      ? fte.national[0]!
      : fte.national[1]! * parameters.subjectStockShares[group];
  const weightTotal = SUBJECT_GROUPS.filter((g) => chosen.has(g)).reduce(
    (sum, g) => sum + nationalGroupFte(g),
    0,
  );
  const result = {} as Record<SubjectGroup, YearValues>;
  for (const group of SUBJECT_GROUPS) {
    const ph = phaseIndex(phaseOfGroup(group));
    const regionShareOfPhase = fte.region[ph]! / fte.national[ph]!;
    const weight = chosen.has(group) && weightTotal > 0 ? nationalGroupFte(group) / weightTotal : 0;
    const values: YearValues = {};
    years.forEach((year, t) => {
      const regionalHeads = completers[t]! * qts.shareGainingQts * regionShareOfEngland * weight;
      const regionalFte = regionalHeads * parameters.ftePerHead[phaseOfGroup(group)];
      values[year] = regionShareOfPhase > 0 ? regionalFte / regionShareOfPhase : 0;
    });
    result[group] = values;
  }
  return result;
}

function scaledSeries(
  defaults: Record<SubjectGroup, YearValues>,
  multiplier: Float64Array,
  years: readonly AcademicYear[],
): Record<SubjectGroup, YearValues> {
  const result = {} as Record<SubjectGroup, YearValues>;
  for (const group of SUBJECT_GROUPS) {
    const values: YearValues = { ...defaults[group] };
    years.forEach((year, t) => {
      const base = defaults[group][year];
      if (base !== undefined) values[year] = base * multiplier[t]!;
    });
    result[group] = values;
  }
  return result;
}

/** The parameter overrides of a scenario's levers (given the dataset's defaults). */
export function scenarioOverrides(
  scenario: Scenario,
  dataset: RegionDataset,
  defaults: ModelParameters,
  years: readonly AcademicYear[],
): ParameterOverrides {
  const levers = scenario.levers;
  const overrides: ParameterOverrides = {};
  if (levers.demandMode) overrides.demandMode = levers.demandMode;
  if (levers.elasticity) overrides.elasticity = { ...levers.elasticity };
  if (levers.pupilTeacherRatio) overrides.pupilTeacherRatio = { ...levers.pupilTeacherRatio };
  if (levers.workingHourLossRate) overrides.workingHourLossRate = { ...levers.workingHourLossRate };
  if (levers.inductionYears !== undefined) overrides.inductionYears = levers.inductionYears;
  if (levers.ectTimetableReduction)
    overrides.ectTimetableReduction = { ...levers.ectTimetableReduction };
  if (levers.completionRate) overrides.completionRate = { ...levers.completionRate };
  if (levers.employmentRate) overrides.employmentRate = { ...levers.employmentRate };
  const multipliers = levers.leaverRateMultipliers;
  if (multipliers) {
    const leaverRates: ParameterOverrides['leaverRates'] = {};
    for (const group of SUBJECT_GROUPS) {
      const rates: Partial<Record<(typeof CAREER_STAGES)[number], number>> = {};
      for (const stage of CAREER_STAGES) {
        // A rate cannot pass 1: everyone leaves.
        rates[stage] = Math.min(1, defaults.leaverRates[group][stage] * (multipliers[stage] ?? 1));
      }
      leaverRates[group] = rates;
    }
    overrides.leaverRates = leaverRates;
  }
  if (levers.returnerMultiplier !== undefined) {
    const multiplier = leverSeries(levers.returnerMultiplier, 'returnerMultiplier', years);
    overrides.returners = scaledSeries(defaults.returners, multiplier, years);
  }
  if (levers.newToSectorMultiplier !== undefined) {
    const multiplier = leverSeries(levers.newToSectorMultiplier, 'newToSectorMultiplier', years);
    overrides.newToSector = scaledSeries(defaults.newToSector, multiplier, years);
  }
  if (levers.internationalQts) {
    overrides.otherRoutes = {
      international: internationalEntrants(dataset, defaults, levers.internationalQts, years),
    };
  }
  return overrides;
}

function adjustPupils(inputs: ModelInputs, scenario: Scenario): ModelInputs {
  const adjustment = scenario.levers.pupilGrowthAdjustment;
  if (!adjustment) return inputs;
  const pupils = inputs.pupils.slice();
  const Y = inputs.yearCount;
  (['primary', 'secondary'] as const).forEach((phase, ph) => {
    const value = adjustment[phase];
    if (value === undefined) return;
    const growth = leverSeries(value, `pupilGrowthAdjustment.${phase}`, inputs.years);
    for (let a = 0; a < inputs.districtCount; a++) {
      let factor = 1;
      for (let t = 0; t < Y; t++) {
        factor *= 1 + growth[t]!;
        pupils[(a * 2 + ph) * Y + t]! *= factor;
      }
    }
  });
  return { ...inputs, pupils };
}

/**
 * Checks a scenario against a dataset and builds what a run needs; issues name the lever path.
 * Async because formula levers need the formula parser, loaded on first use. The plan covers
 * the next three entry years from `today`.
 */
export async function prepareScenario(
  scenario: Scenario,
  dataset: RegionDataset,
  today: Date,
): Promise<PrepareResult> {
  const parserProblem = await prepareFormulas(scenario.levers);
  if (parserProblem) return { ok: false, issues: [{ path: 'levers', message: parserProblem }] };
  try {
    const defaults = defaultParameters(dataset, today);
    const years = consecutiveYears(addYears(baseYearOf(dataset), 1), defaults.projectionYears);
    const parameters = resolveParameters(
      defaults,
      scenarioOverrides(scenario, dataset, defaults, years),
    );
    const inputs = adjustPupils(buildModelInputs(dataset, parameters), scenario);
    const recruitmentShares = new Map<number, Float64Array>();
    for (const [group, value] of Object.entries(scenario.levers.recruitmentShare ?? {})) {
      if (value === undefined) continue;
      const series = leverSeries(value, `recruitmentShare.${group}`, years);
      if (series.some((share) => share !== 1)) {
        recruitmentShares.set(SUBJECT_GROUPS.indexOf(group as SubjectGroup), series);
      }
    }
    const mentors = scenario.levers.mentorCapacity;
    let mentorPlaces: Float64Array | null = null;
    if (mentors) {
      const count = leverSeries(mentors.trainedMentors, 'mentorCapacity.trainedMentors', years);
      mentorPlaces = count.map((mentorCount) => mentorCount * (mentors.ectsPerMentor ?? 1));
    }
    return {
      ok: true,
      setup: {
        scenario,
        parameters,
        inputs,
        recruitmentShares,
        mentorPlaces,
        run: scenario.run ?? { ...DEFAULT_RUN },
      },
    };
  } catch (error) {
    if (error instanceof LeverIssue)
      return { ok: false, issues: [{ path: error.path, message: error.message }] };
    if (error instanceof ModelInputError) {
      return {
        ok: false,
        issues: [{ path: error.path, message: error.message.slice(error.path.length + 2) }],
      };
    }
    throw error;
  }
}
