/**
 * Default parameters for a dataset, from its national Teacher Workforce Model (TWM) series
 * (`nationalFlows`, `nationalPupilTeacher`) and the named constants of constants.ts. Where the
 * dataset lacks a figure the named fallback is used, never a bare number.
 */
import type {
  AcademicYear,
  NationalFlow,
  NationalFlowType,
  NationalPupilTeacher,
  Phase,
  Provenance,
  RegionDataset,
  SecondarySubject,
  SubjectGroup,
} from '../data/types.ts';
import { SECONDARY_SUBJECTS } from '../data/types.ts';
import { ModelInputError } from './errors.ts';
import { addYears, consecutiveYears, planningEntryYears } from '../data/academic-year.ts';
import { planningDateProblem, projectionYearsFor } from './horizon.ts';
import { assessmentOnlyEntrants, postgraduatePipeline, undergraduateStarts } from './routes.ts';
import {
  perGroup,
  perPhase,
  phaseOfGroup,
  type ModelParameters,
  type YearValues,
} from './parameter-types.ts';
import {
  CALIBRATION_YEAR_COUNT,
  INFLOW_TYPES,
  calibrateStages,
  calibrationYears,
  flowConsistentStockShares,
  identityResidualRate,
  type FlowLookup,
} from './calibration.ts';
import { drawnFlowSpreads } from './spread-calibration.ts';
import { constant } from './constants.ts';
import { pupilProjectionError } from './pupil-projection-error.ts';

/** ITT completion and employment rates 2023/24 (ITT performance profiles; MODEL_CONSTANTS). */
const PUBLISHED_CONVERSION: Partial<
  Record<SubjectGroup, { completion: number; employment: number }>
> = {
  Primary: {
    completion: constant('primaryCompletionRate'),
    employment: constant('primaryEmploymentRate'),
  },
  Mathematics: {
    completion: constant('mathematicsCompletionRate'),
    employment: constant('mathematicsEmploymentRate'),
  },
  Physics: {
    completion: constant('physicsCompletionRate'),
    employment: constant('physicsEmploymentRate'),
  },
};

/** The default completion and employment rates of a group: published or estimated. */
function defaultConversion(group: SubjectGroup) {
  const published = PUBLISHED_CONVERSION[group];
  if (published) return { ...published, provenance: 'published' as const };
  const mean = (key: 'completion' | 'employment') =>
    (PUBLISHED_CONVERSION.Mathematics![key] + PUBLISHED_CONVERSION.Physics![key]) / 2;
  return {
    completion: mean('completion'),
    employment: mean('employment'),
    provenance: 'estimated' as const,
  };
}

/**
 * Provenance of a group's completion and employment rates: as the default's when they are the
 * default, 'imported' when a scenario set its own.
 */
export function conversionProvenanceOf(
  group: SubjectGroup,
  completion: number,
  employment: number,
): Provenance {
  const byDefault = defaultConversion(group);
  return completion === byDefault.completion && employment === byDefault.employment
    ? byDefault.provenance
    : 'imported';
}

/** Maps a dataset flow's phase/subject to the model's subject group. */
function flowGroup(flow: NationalFlow): SubjectGroup | null {
  if (flow.phase === 'primary') return flow.subject === 'Total' ? 'Primary' : null;
  return flow.subject === 'Total' || flow.subject === 'Primary' ? null : flow.subject;
}

/** Latest-publication value of each flow: group -> type -> year -> value. */
function indexFlows(flows: NationalFlow[]): FlowLookup {
  const best = new Map<string, NationalFlow>();
  for (const flow of flows) {
    const group = flowGroup(flow);
    if (group === null || !Number.isFinite(flow.value)) continue;
    const key = `${group}|${flow.type}|${flow.year}`;
    const seen = best.get(key);
    if (!seen || flow.publicationYear > seen.publicationYear) best.set(key, flow);
  }
  const byKey = (group: SubjectGroup, type: NationalFlowType, year: AcademicYear) =>
    best.get(`${group}|${type}|${year}`)?.value;
  return byKey;
}

/** The dataset's base year; a dataset whose baseline file did not load has none. */
export function baseYearOf(dataset: RegionDataset): AcademicYear {
  if (dataset.baseYear === null) {
    throw new ModelInputError(
      'baseYear',
      'the district baseline file did not load, so there is no base year',
    );
  }
  return dataset.baseYear;
}

/** A phase's inflow of one year (returners + new to sector + newly qualified entrants). */
function inflowOf(flow: FlowLookup, groups: readonly SubjectGroup[], year: AcademicYear) {
  let total = 0;
  for (const group of groups) {
    for (const type of INFLOW_TYPES) {
      const value = flow(group, type, year);
      if (value === undefined) return undefined;
      total += value;
    }
  }
  return total;
}

/**
 * The calibrations that use the stock-flow identity: working-hour loss rates of each phase
 * (identityResidualRate) and the flow-consistent secondary stock shares
 * (flowConsistentStockShares), over the calibration years up to the base year with the stock
 * of TWM file 1. Secondary leaving is weighted by the stock shares, which depend on the loss
 * rate, so the two are solved together by a few rounds of substitution (they settle in two).
 */
function identityCalibration(dataset: RegionDataset, flow: FlowLookup, baseYear: AcademicYear) {
  const hourShares = {} as Record<SecondarySubject, number>;
  for (const subject of SECONDARY_SUBJECTS) {
    hourShares[subject] = dataset.subjectShares.find((s) => s.subject === subject)?.share ?? 0;
  }
  const stockOf = (phase: Phase) => (year: AcademicYear) =>
    dataset.nationalPupilTeacher.find((row) => row.phase === phase && row.year === year)
      ?.teacherFte;
  const years = (groups: readonly SubjectGroup[]) =>
    calibrationYears(baseYear, (year) =>
      groups.some((group) => flow(group, 'Total leaver rate', year) !== undefined),
    );
  const primaryLoss = identityResidualRate(
    years(['Primary']),
    stockOf('primary'),
    (year) => flow('Primary', 'Total leaver rate', year),
    (year) => inflowOf(flow, ['Primary'], year),
  );
  const secondaryYears = years(SECONDARY_SUBJECTS);
  let secondaryLoss = 0;
  let shares = flowConsistentStockShares(flow, secondaryYears, stockOf('secondary'), 0, hourShares);
  for (let round = 0; round < 4; round++) {
    const weighted = (year: AcademicYear) => {
      let rate = 0;
      for (const subject of SECONDARY_SUBJECTS) {
        const value = flow(subject, 'Total leaver rate', year);
        if (value === undefined) return undefined;
        rate += shares[subject] * value;
      }
      return rate;
    };
    secondaryLoss =
      identityResidualRate(secondaryYears, stockOf('secondary'), weighted, (year) =>
        inflowOf(flow, SECONDARY_SUBJECTS, year),
      ) ?? 0;
    shares = flowConsistentStockShares(
      flow,
      secondaryYears,
      stockOf('secondary'),
      secondaryLoss,
      hourShares,
    );
  }
  return {
    subjectStockShares: shares,
    workingHourLossRate: { primary: primaryLoss ?? 0, secondary: secondaryLoss },
  };
}

const FALLBACK_ELASTICITY: Record<Phase, number> = {
  primary: constant('primaryElasticityFallback'),
  secondary: constant('secondaryElasticityFallback'),
};

/**
 * Default parameters for a dataset on a date, from its national TWM series. The plan covers
 * the next three ITT entry years from `today` (horizon.ts). Figures missing from the dataset
 * fall back to the named constants (MODEL_CONSTANTS).
 */
export function defaultParameters(dataset: RegionDataset, today: Date): ModelParameters {
  const flow = indexFlows(dataset.nationalFlows);
  const baseYear = baseYearOf(dataset);
  const dateProblem = planningDateProblem(baseYear, today);
  if (dateProblem) throw new ModelInputError('today', dateProblem);
  const entryYears = planningEntryYears(today);
  const projectionYears = projectionYearsFor(baseYear, entryYears);
  const years = consecutiveYears(addYears(baseYear, 1), projectionYears);
  const national = (phase: Phase, year: AcademicYear) =>
    dataset.nationalPupilTeacher.find((row) => row.phase === phase && row.year === year);
  const nationalYears = (phase: Phase) =>
    dataset.nationalPupilTeacher
      .filter((row) => row.phase === phase)
      .sort((a, b) => a.year.localeCompare(b.year));

  /** Teacher growth over pupil growth between two years of file 1, when pupils moved enough. */
  const impliedElasticity = (from: NationalPupilTeacher, to: NationalPupilTeacher) => {
    const pupilGrowth = to.pupils / from.pupils - 1;
    const teacherGrowth = to.teacherFte / from.teacherFte - 1;
    if (Math.abs(pupilGrowth) < constant('minimumPupilGrowthForElasticity')) return undefined;
    return Math.min(Math.max(teacherGrowth / pupilGrowth, 0), constant('elasticityCeiling'));
  };
  // The TWM's projection from the base year to its last year; with no projection (a dataset
  // cut at its base year, as the backtest's are) the last five historic years.
  const elasticity = perPhase((phase) => {
    const base = national(phase, baseYear);
    const rows = nationalYears(phase);
    const last = rows.at(-1);
    if (!base || !last) return FALLBACK_ELASTICITY[phase];
    const [start, end] =
      last.year > base.year
        ? [base, last]
        : [rows.find((row) => row.year >= addYears(baseYear, -CALIBRATION_YEAR_COUNT)), base];
    const implied = start && start !== end ? impliedElasticity(start, end) : undefined;
    return implied ?? FALLBACK_ELASTICITY[phase];
  });

  const { subjectStockShares, workingHourLossRate } = identityCalibration(dataset, flow, baseYear);
  const nationalFte = (group: SubjectGroup): number => {
    const phase = phaseOfGroup(group);
    const total = national(phase, baseYear)?.teacherFte ?? 0;
    return phase === 'primary' ? total : total * subjectStockShares[group as SecondarySubject];
  };

  const meanOverYears = (group: SubjectGroup, type: NationalFlowType) => {
    const values = years.map((y) => flow(group, type, y)).filter((v) => v !== undefined);
    if (values.length > 0) return values.reduce((sum, v) => sum + v, 0) / values.length;
    return flow(group, type, baseYear);
  };

  const calibrations = perGroup((group) => {
    const fte = nationalFte(group);
    const newlyQualified = flow(group, 'Newly qualified entrants', baseYear);
    const ect1Share =
      fte > 0 && newlyQualified !== undefined
        ? newlyQualified / fte
        : constant('ect1ShareFallback');
    const under55 = meanOverYears(group, 'Under 55 leaver rate');
    const over55 = meanOverYears(group, '55+ leaver rate');
    const parts =
      under55 !== undefined && over55 !== undefined && under55 + over55 > 0
        ? under55 + over55
        : undefined;
    // The total rate sets the level: it is the rate the working-hour loss estimate and the
    // backtest read leaving against. The under-55 and 55+ rates only split it, because rounded
    // to three decimals (the 2025 TWM file) they can add up to 0.1 points more or less.
    const total =
      meanOverYears(group, 'Total leaver rate') ?? parts ?? constant('totalLeaverRateFallback');
    const under55Share = parts !== undefined ? under55! / parts : constant('under55ShareOfLeaving');
    return calibrateStages(ect1Share, total * under55Share, total * (1 - under55Share));
  });

  /** A national count by projection year; years after the TWM trajectory hold its last value. */
  const yearSeries = (group: SubjectGroup, type: NationalFlowType, carryForward: boolean) => {
    const values: YearValues = {};
    let last = flow(group, type, baseYear);
    for (const year of years) {
      const value = flow(group, type, year);
      if (value !== undefined) last = value;
      const used = value ?? (carryForward ? last : undefined);
      if (used !== undefined) values[year] = used;
    }
    return values;
  };

  const ftePerHead = () => constant('ftePerHead');
  const conversionOf = (group: SubjectGroup) =>
    ftePerHead() * defaultConversion(group).completion * defaultConversion(group).employment;
  const undergraduate = undergraduateStarts(dataset, subjectStockShares, years);
  const primaryFte = national('primary', baseYear)?.teacherFte ?? 0;
  const secondaryFte = national('secondary', baseYear)?.teacherFte ?? 0;
  const assessmentOnly = assessmentOnlyEntrants(
    dataset,
    subjectStockShares,
    primaryFte / Math.max(1, primaryFte + secondaryFte),
    ftePerHead,
    years,
  );

  return {
    planningEntryYears: entryYears,
    projectionYears,
    demandMode: 'elasticity',
    elasticity,
    pupilTeacherRatio: perPhase((phase) => {
      const regional = dataset.baselines.filter((row) => row.phase === phase);
      const regionalPupils = regional.reduce((sum, row) => sum + row.pupils, 0);
      const regionalFte = regional.reduce((sum, row) => sum + row.teacherFte, 0);
      if (regionalPupils > 0 && regionalFte > 0) return regionalPupils / regionalFte;
      const base = national(phase, baseYear);
      if (!base || base.teacherFte <= 0 || base.pupils <= 0) {
        throw new ModelInputError(
          `nationalPupilTeacher.${phase}.${baseYear}`,
          'national pupils and teacher FTE of the base year are missing',
        );
      }
      return base.pupils / base.teacherFte;
    }),
    baseShortfallRate: perPhase(() => 0),
    inductionYears: constant('inductionYears'),
    ectTimetableReduction: {
      ect1: constant('ectTimetableReductionYear1'),
      ect2: constant('ectTimetableReductionYear2'),
    },
    subjectStockShares,
    stageShares: perGroup((group) => calibrations[group].shares),
    leaverRates: perGroup((group) => calibrations[group].rates),
    progressionRates: perGroup((group) => calibrations[group].progression),
    workingHourLossRate,
    returners: perGroup((group) => yearSeries(group, 'Returners', true)),
    newToSector: perGroup((group) =>
      yearSeries(group, 'New to state-funded sector entrants', true),
    ),
    postgraduatePipeline: perGroup((group) =>
      postgraduatePipeline(
        yearSeries(group, 'Newly qualified entrants', true),
        (year) =>
          (undergraduate[group][addYears(year, -3)] ?? 0) * conversionOf(group) +
          (assessmentOnly[group][year] ?? 0),
        years,
        entryYears,
      ),
    ),
    otherRoutes: {
      assessmentOnly,
      apprenticeship: perGroup(() => ({})),
      international: perGroup(() => ({})),
      undergraduateStarts: undergraduate,
    },
    ftePerHead: perPhase(() => constant('ftePerHead')),
    completionRate: perGroup((group) => defaultConversion(group).completion),
    employmentRate: perGroup((group) => defaultConversion(group).employment),
    localLeavers: [],
    leaverRateBetweenAreaSd: constant('leaverRateBetweenAreaSd'),
    netMovers: [],
    uncertainty: {
      flows: drawnFlowSpreads(dataset, subjectStockShares),
      elasticitySd: perPhase(() => constant('elasticitySd')),
      pupilProjectionErrorSdPerYear: perPhase(
        (phase) =>
          pupilProjectionError(
            dataset.nationalPupilProjections ?? [],
            dataset.nationalPupilTeacher,
            phase,
          ).sdPerYear ?? constant('pupilProjectionErrorSdPerYear'),
      ),
      completionRateSd: constant('completionRateSd'),
      employmentRateSd: constant('employmentRateSd'),
    },
  };
}
