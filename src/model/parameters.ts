/**
 * The supply model's parameter set: every number the model uses that is not a district figure
 * of the dataset, with its unit, default and the source of the default (PARAMETER_DOCS).
 *
 * Defaults come from the national Teacher Workforce Model (TWM) series in the dataset
 * (`nationalFlows`, `nationalPupilTeacher`) and from the published figures quoted in
 * DESIGN.md. A scenario overrides any part of it with `ParameterOverrides` (a deep partial:
 * objects merge key by key, arrays replace). `resolveParameters` merges and validates.
 */
import type {
  AcademicYear,
  NationalFlow,
  NationalFlowType,
  Phase,
  Provenance,
  RegionDataset,
  SubjectGroup,
} from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import { ModelInputError } from './errors.ts';
import { addYears, consecutiveYears } from '../data/academic-year.ts';

/** Career stages of the stock. ECT1/ECT2 are the two induction years (Early Career Framework). */
export const CAREER_STAGES = ['ect1', 'ect2', 'years3to5', 'years6plus', 'over55'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

export const PHASES: readonly Phase[] = ['primary', 'secondary'];

export type DemandMode = 'elasticity' | 'ptr';

/** Values by academic year label, e.g. `{ "2025/26": 7944.9 }`. */
export type YearValues = Record<AcademicYear, number>;

/** Expected newly qualified entrants from trainees already recruited; null = not yet recruited. */
export type PipelineValues = Record<AcademicYear, number | null>;

/** Locally observed leavers for one district and subject group (e.g. from a local workforce census). */
export interface LocalLeaverObservation {
  districtCode: string;
  subject: SubjectGroup;
  /** Leavers in a year, FTE. */
  leaversFte: number;
  /** Stock the leavers came from, FTE (the exposure that sets the credibility weight). */
  stockFte: number;
}

/** Net movers into a district from other areas (negative: net outflow), FTE. */
export interface NetMoverFlow {
  districtCode: string;
  subject: SubjectGroup;
  year: AcademicYear;
  fte: number;
}

/** Spread of the uncertain inputs for the Monte Carlo (one standard deviation each). */
export interface UncertaintyParameters {
  /** Relative SD of the leaver-rate level of a subject group (0.1 = rates x N(1, 0.1)). */
  leaverRateRelativeSd: Record<Phase, number>;
  /** Relative SD of returner numbers of a subject group. */
  returnerRelativeSd: Record<Phase, number>;
  /** Absolute SD of the pupil-teacher elasticity. */
  elasticitySd: Record<Phase, number>;
  /** Relative SD of a district's pupil projection error per year of horizon (error grows linearly). */
  pupilProjectionErrorSdPerYear: number;
  /** Absolute SD of ITT completion rates. */
  completionRateSd: number;
  /** Absolute SD of employment rates of qualifiers. */
  employmentRateSd: number;
}

export interface OtherRouteParameters {
  /** Newly qualified entrants from assessment-only routes, national FTE by year of entry to teaching. */
  assessmentOnly: Record<SubjectGroup, YearValues>;
  /** Newly qualified entrants from apprenticeships counted outside postgraduate ITT, national FTE. */
  apprenticeship: Record<SubjectGroup, YearValues>;
  /** International teachers gaining QTS (incl. iQTS holders), national FTE. */
  international: Record<SubjectGroup, YearValues>;
  /** Undergraduate ITT starts (heads) by entry year; they qualify three years later. */
  undergraduateStarts: Record<SubjectGroup, YearValues>;
}

export interface ModelParameters {
  /** Number of projection years after the base year. */
  projectionYears: number;
  demandMode: DemandMode;
  /** Pupil-teacher elasticity e: demand grows by e x pupil growth. */
  elasticity: Record<Phase, number>;
  /**
   * Pupils per teacher FTE (as published), used when demandMode = 'ptr': demand D = P / PTR,
   * converted to teaching capacity with the cell's base-year capacity per FTE.
   */
  pupilTeacherRatio: Record<Phase, number>;
  /** Base-year unfilled demand as a fraction of base stock (vacancies, pre-existing shortage). */
  baseShortfallRate: Record<Phase, number>;
  /** Length of statutory induction in years (2 since September 2021). */
  inductionYears: number;
  /** Timetable reduction of ECTs in each induction year (fraction of an FTE). */
  ectTimetableReduction: { ect1: number; ect2: number };
  /** Base-year stock share of each career stage, per subject group (sums to 1). */
  stageShares: Record<SubjectGroup, Record<CareerStage, number>>;
  /** Annual leaver rate of each career stage, fraction of that stage's FTE. */
  leaverRates: Record<SubjectGroup, Record<CareerStage, number>>;
  /** Annual fraction of a stage's stayers moving to the next non-induction stage. */
  progressionRates: Record<
    SubjectGroup,
    { years3to5ToYears6plus: number; years6plusToOver55: number }
  >;
  /** FTE lost each year by teachers reducing their hours, fraction of stock. */
  workingHourLossRate: Record<Phase, number>;
  /** National returners to teaching, FTE by year (apportioned to districts by FTE share). */
  returners: Record<SubjectGroup, YearValues>;
  /** National entrants new to the state-funded sector, FTE by year (apportioned by FTE share). */
  newToSector: Record<SubjectGroup, YearValues>;
  /** National newly qualified entrants expected from postgraduate trainees already recruited. */
  postgraduatePipeline: Record<SubjectGroup, PipelineValues>;
  otherRoutes: OtherRouteParameters;
  /** FTE per head of newly qualified entrants. */
  ftePerHead: Record<Phase, number>;
  /** Share of trainees who complete ITT and gain QTS. */
  completionRate: Record<SubjectGroup, number>;
  /** Share of qualifiers who take a post in a state-funded school the next year. */
  employmentRate: Record<SubjectGroup, number>;
  /** Local leaver observations; each shrinks that district's rates toward the national rate. */
  localLeavers: LocalLeaverObservation[];
  /** Between-area SD of true total leaver rates, sets the credibility constant of localLeavers. */
  leaverRateBetweenAreaSd: number;
  netMovers: NetMoverFlow[];
  uncertainty: UncertaintyParameters;
}

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What a scenario may override: any part of the parameter set. Arrays replace wholesale. */
export type ParameterOverrides = DeepPartial<ModelParameters>;

/**
 * Published early-career leaving (DESIGN.md; DfE School Workforce in England): share of
 * newly qualified teachers no longer in state-funded service 1, 3 and 5 years after qualifying.
 */
export const EARLY_CAREER_LEAVING = {
  afterOneYear: 0.113,
  afterThreeYears: 0.259,
  afterFiveYears: 0.325,
};

/** ITT completion and employment rates 2023/24 quoted in DESIGN.md (ITT performance profiles). */
const PUBLISHED_CONVERSION: Partial<
  Record<SubjectGroup, { completion: number; employment: number }>
> = {
  Primary: { completion: 0.91, employment: 0.68 },
  Mathematics: { completion: 0.89, employment: 0.7 },
  Physics: { completion: 0.84, employment: 0.64 },
};

/** Assumed share of the stock aged 55+ (no School Workforce age table is in data/). */
const ASSUMED_OVER55_SHARE = 0.09;

/** Unit, source and provenance of each parameter's default, shown in the UI and the CLI meta file. */
export interface ParameterDoc {
  unit: string;
  provenance: Provenance;
  source: string;
}

export const PARAMETER_DOCS: Record<keyof ModelParameters, ParameterDoc> = {
  projectionYears: {
    unit: 'years',
    provenance: 'derived',
    source: 'Years after the base year with pupil projections for every district, at most 5.',
  },
  demandMode: {
    unit: 'elasticity | ptr',
    provenance: 'published',
    source: 'TWM method: demand follows pupils through an elasticity of the pupil:teacher ratio.',
  },
  elasticity: {
    unit: 'ratio',
    provenance: 'derived',
    source:
      'Implied by TWM file 1 projections: (teacher FTE growth) / (pupil growth), base year to last projection year.',
  },
  pupilTeacherRatio: {
    unit: 'pupils per teacher FTE',
    provenance: 'derived',
    source:
      "The region's base-year pupils / teacher FTE of the phase (dataset baselines), so PTR mode starts from the same stock as elasticity mode; national TWM file 1 ratio when the region has none. The TWM counts nursery and sixth-form pupils that the district pupil figures (SCAP, reception-Y11) do not, so its national ratio would understate district demand.",
  },
  baseShortfallRate: {
    unit: 'fraction of base stock',
    provenance: 'estimated',
    source: 'Zero: the TWM assumes base-year stock meets base-year demand.',
  },
  inductionYears: {
    unit: 'years',
    provenance: 'published',
    source: 'Two-year induction under the Early Career Framework since September 2021.',
  },
  ectTimetableReduction: {
    unit: 'fraction of FTE',
    provenance: 'published',
    source: 'Statutory induction guidance: 10% reduction in year 1, 5% in year 2.',
  },
  stageShares: {
    unit: 'fraction of FTE stock',
    provenance: 'estimated',
    source:
      'ECT1 = TWM base-year newly qualified entrants / FTE; later early-career stages follow published early-career leaving; 55+ assumed 9%; 6+ the rest.',
  },
  leaverRates: {
    unit: 'fraction of stage FTE per year',
    provenance: 'derived',
    source:
      'Early-career stages from published leaving after 1, 3 and 5 years; 6+ and 55+ calibrated so the base-year total matches the TWM under-55 and 55+ leaver rates (mean of projection years).',
  },
  progressionRates: {
    unit: 'fraction of stage stayers per year',
    provenance: 'derived',
    source:
      'Years 3-5: share in year 5 under published early-career leaving; 6+ to 55+: steady state of the 55+ stock.',
  },
  workingHourLossRate: {
    unit: 'fraction of FTE stock per year',
    provenance: 'estimated',
    source: 'Zero: the TWM working-hour series is not among the published files in data/.',
  },
  returners: {
    unit: 'FTE (national)',
    provenance: 'published',
    source:
      'TWM flow trajectories (latest publication), "Returners"; years after the trajectory hold its last value.',
  },
  newToSector: {
    unit: 'FTE (national)',
    provenance: 'published',
    source:
      'TWM flow trajectories (latest publication), "New to state-funded sector entrants"; years after the trajectory hold its last value.',
  },
  postgraduatePipeline: {
    unit: 'FTE (national)',
    provenance: 'published',
    source:
      'TWM "Newly qualified entrants" trajectory for years already recruited; blank years (e.g. 2027/28) are planned, so supply meets need.',
  },
  otherRoutes: {
    unit: 'FTE (national); undergraduate starts in heads',
    provenance: 'estimated',
    source:
      'Zero: no published split of newly qualified entrants by route is in data/, so need covers all routes until a scenario sets them.',
  },
  ftePerHead: {
    unit: 'FTE per head',
    provenance: 'estimated',
    source: '1.0: the TWM FTE-per-head figure is not among the published files in data/.',
  },
  completionRate: {
    unit: 'fraction',
    provenance: 'published',
    source:
      'ITT performance profiles 2023/24 (DESIGN.md): primary 91%, maths 89%, physics 84%; other subjects estimated as the mean of maths and physics.',
  },
  employmentRate: {
    unit: 'fraction',
    provenance: 'published',
    source:
      'ITT performance profiles 2023/24 (DESIGN.md): primary 68%, maths 70%, physics 64%; other subjects estimated as the mean of maths and physics.',
  },
  localLeavers: {
    unit: 'FTE',
    provenance: 'imported',
    source: 'None by default; supplied by a scenario from local workforce data.',
  },
  leaverRateBetweenAreaSd: {
    unit: 'fraction',
    provenance: 'illustrative',
    source: 'Assumed 0.015 (1.5 percentage points) between local authorities.',
  },
  netMovers: {
    unit: 'FTE',
    provenance: 'estimated',
    source: 'None by default: no public district-to-district teacher flows.',
  },
  uncertainty: {
    unit: 'standard deviations',
    provenance: 'estimated',
    source:
      'Leaver and returner spread from year-on-year changes of the historic TWM series; elasticity, pupil error, completion and employment spreads illustrative.',
  },
};

/** Maps a dataset flow's phase/subject to the model's subject group. */
function flowGroup(flow: NationalFlow): SubjectGroup | null {
  if (flow.phase === 'primary') return flow.subject === 'Total' ? 'Primary' : null;
  return flow.subject === 'Total' || flow.subject === 'Primary' ? null : flow.subject;
}

/** Latest-publication value of each flow: group -> type -> year -> value. */
function indexFlows(flows: NationalFlow[]) {
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

/**
 * Historic phase-level series of one flow type, in year order. Primary has a 'Total' series;
 * the TWM publishes secondary by subject only, so secondary counts are summed over subjects
 * and rates averaged with the teaching shares as weights.
 */
function historicPhaseSeries(dataset: RegionDataset, phase: Phase, type: NationalFlowType) {
  const best = new Map<string, NationalFlow>();
  for (const flow of dataset.nationalFlows) {
    if (flow.phase !== phase || flow.type !== type || !flow.historic) continue;
    if (phase === 'primary' && flow.subject !== 'Total') continue;
    if (phase === 'secondary' && (flow.subject === 'Total' || flow.subject === 'Primary')) continue;
    if (!Number.isFinite(flow.value)) continue;
    const key = `${flow.subject}|${flow.year}`;
    const seen = best.get(key);
    if (!seen || flow.publicationYear > seen.publicationYear) best.set(key, flow);
  }
  const isRate = type.endsWith('rate');
  const weight = (subject: string) =>
    phase === 'primary' || !isRate
      ? 1
      : (dataset.subjectShares.find((s) => s.subject === subject)?.share ?? 0);
  const byYear = new Map<AcademicYear, { sum: number; weights: number }>();
  for (const flow of best.values()) {
    const entry = byYear.get(flow.year) ?? { sum: 0, weights: 0 };
    entry.sum += weight(flow.subject) * flow.value;
    entry.weights += weight(flow.subject);
    byYear.set(flow.year, entry);
  }
  return [...byYear.keys()].sort().map((year) => {
    const { sum, weights } = byYear.get(year)!;
    return isRate ? (weights > 0 ? sum / weights : 0) : sum;
  });
}

/** SD of the year-on-year log change of a series: how much a one-year-ahead level can move. */
function logChangeSd(series: number[], fallback: number): number {
  const changes: number[] = [];
  for (let i = 1; i < series.length; i++) {
    const previous = series[i - 1]!;
    const current = series[i]!;
    if (previous > 0 && current > 0) changes.push(Math.log(current / previous));
  }
  if (changes.length < 3) return fallback;
  const mean = changes.reduce((sum, value) => sum + value, 0) / changes.length;
  const variance =
    changes.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (changes.length - 1);
  return Math.sqrt(variance);
}

export function phaseOfGroup(group: SubjectGroup): Phase {
  return group === 'Primary' ? 'primary' : 'secondary';
}

function perPhase<T>(make: (phase: Phase) => T): Record<Phase, T> {
  return { primary: make('primary'), secondary: make('secondary') };
}

function perGroup<T>(make: (group: SubjectGroup) => T): Record<SubjectGroup, T> {
  const record = {} as Record<SubjectGroup, T>;
  for (const group of SUBJECT_GROUPS) record[group] = make(group);
  return record;
}

/**
 * Early-career annual leaving hazards from the published cumulative leaving: year 1 from the
 * 1-year figure; years 2-3 share the hazard that takes survival from 1 to 3 years; years 4-5
 * likewise from 3 to 5 years.
 */
export function earlyCareerHazards(leaving = EARLY_CAREER_LEAVING) {
  const year1 = leaving.afterOneYear;
  const years2to3 = 1 - Math.sqrt((1 - leaving.afterThreeYears) / (1 - leaving.afterOneYear));
  const years4to5 = 1 - Math.sqrt((1 - leaving.afterFiveYears) / (1 - leaving.afterThreeYears));
  return { year1, years2to3, years4to5 };
}

/**
 * Stage structure of one subject group calibrated to national rates:
 * ect1Share = newly qualified entrants / FTE in the base year; service years 2-5 follow the
 * early-career hazards; 55+ is assumed; 6+ takes the rest. The 6+ and 55+ leaver rates are
 * then set so the stage-weighted total reproduces the TWM under-55 and 55+ rates (both are
 * fractions of the whole stock), and 6+ -> 55+ ageing keeps the 55+ stock steady.
 */
export function calibrateStages(ect1Share: number, under55Rate: number, over55Rate: number) {
  const hazard = earlyCareerHazards();
  const ect1 = Math.min(Math.max(ect1Share, 0), 0.15);
  const ect2 = ect1 * (1 - hazard.year1);
  const serviceYear3 = ect2 * (1 - hazard.years2to3);
  const serviceYear4 = serviceYear3 * (1 - hazard.years2to3);
  const serviceYear5 = serviceYear4 * (1 - hazard.years4to5);
  const years3to5 = serviceYear3 + serviceYear4 + serviceYear5;
  const over55 = ASSUMED_OVER55_SHARE;
  const years6plus = 1 - ect1 - ect2 - years3to5 - over55;
  const years3to5Leavers =
    serviceYear3 * hazard.years2to3 + (serviceYear4 + serviceYear5) * hazard.years4to5;
  const years3to5Rate = years3to5 > 0 ? years3to5Leavers / years3to5 : hazard.years2to3;
  const earlyCareerLeavers = ect1 * hazard.year1 + ect2 * hazard.years2to3 + years3to5Leavers;
  const years6plusRate = Math.max(0, (under55Rate - earlyCareerLeavers) / years6plus);
  const over55Rate55 = Math.min(1, over55Rate / over55);
  const years3to5Stayers = years3to5 - years3to5Leavers;
  const years3to5ToYears6plus =
    years3to5Stayers > 0 ? (serviceYear5 * (1 - hazard.years4to5)) / years3to5Stayers : 1 / 3;
  const years6plusToOver55 = Math.min(
    1,
    (over55Rate55 * over55) / (years6plus * (1 - years6plusRate)),
  );
  return {
    shares: { ect1, ect2, years3to5, years6plus, over55 } satisfies Record<CareerStage, number>,
    rates: {
      ect1: hazard.year1,
      ect2: hazard.years2to3,
      years3to5: years3to5Rate,
      years6plus: years6plusRate,
      over55: over55Rate55,
    } satisfies Record<CareerStage, number>,
    progression: { years3to5ToYears6plus, years6plusToOver55 },
  };
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

/** Projection years of the dataset: after the base year, with pupils for every district, at most 5. */
function defaultProjectionYears(dataset: RegionDataset): number {
  const baseYear = baseYearOf(dataset);
  let years = 0;
  for (let step = 1; step <= 5; step++) {
    const year = addYears(baseYear, step);
    const covered = dataset.districts.every((district) =>
      PHASES.every((phase) =>
        dataset.pupilProjections.some(
          (p) => p.districtCode === district.code && p.phase === phase && p.year === year,
        ),
      ),
    );
    if (!covered) break;
    years = step;
  }
  return Math.max(years, 1);
}

/**
 * Default parameters for a dataset, from its national TWM series. Figures missing from the
 * dataset fall back to the DESIGN.md values (elasticity 0.80 / 0.05).
 */
export function defaultParameters(dataset: RegionDataset): ModelParameters {
  const flow = indexFlows(dataset.nationalFlows);
  const baseYear = baseYearOf(dataset);
  const projectionYears = defaultProjectionYears(dataset);
  const years = consecutiveYears(addYears(baseYear, 1), projectionYears);
  const national = (phase: Phase, year: AcademicYear) =>
    dataset.nationalPupilTeacher.find((row) => row.phase === phase && row.year === year);
  const nationalYears = (phase: Phase) =>
    dataset.nationalPupilTeacher
      .filter((row) => row.phase === phase)
      .sort((a, b) => a.year.localeCompare(b.year));

  const designElasticity: Record<Phase, number> = { primary: 0.8, secondary: 0.05 };
  const elasticity = perPhase((phase) => {
    const base = national(phase, baseYear);
    const last = nationalYears(phase).at(-1);
    if (!base || !last || last.year <= base.year) return designElasticity[phase];
    const pupilGrowth = last.pupils / base.pupils - 1;
    const teacherGrowth = last.teacherFte / base.teacherFte - 1;
    // A tiny pupil change makes the ratio meaningless; keep the published figure then.
    if (Math.abs(pupilGrowth) < 0.002) return designElasticity[phase];
    return Math.min(Math.max(teacherGrowth / pupilGrowth, 0), 1.5);
  });

  const nationalFte = (group: SubjectGroup): number => {
    const phase = phaseOfGroup(group);
    const total = national(phase, baseYear)?.teacherFte ?? 0;
    if (phase === 'primary') return total;
    return total * (dataset.subjectShares.find((s) => s.subject === group)?.share ?? 0);
  };

  const meanOverYears = (group: SubjectGroup, type: NationalFlowType) => {
    const values = years.map((y) => flow(group, type, y)).filter((v) => v !== undefined);
    if (values.length > 0) return values.reduce((sum, v) => sum + v, 0) / values.length;
    return flow(group, type, baseYear);
  };

  const calibrations = perGroup((group) => {
    const fte = nationalFte(group);
    const newlyQualified = flow(group, 'Newly qualified entrants', baseYear);
    const ect1Share = fte > 0 && newlyQualified !== undefined ? newlyQualified / fte : 0.04;
    const under55 = meanOverYears(group, 'Under 55 leaver rate');
    const over55 = meanOverYears(group, '55+ leaver rate');
    const total = meanOverYears(group, 'Total leaver rate') ?? 0.093;
    // Missing split: assume the primary national split of the total rate.
    return calibrateStages(ect1Share, under55 ?? total * 0.82, over55 ?? total * 0.18);
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

  const mathsPhysicsMean = (key: 'completion' | 'employment') =>
    (PUBLISHED_CONVERSION.Mathematics![key] + PUBLISHED_CONVERSION.Physics![key]) / 2;

  return {
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
    inductionYears: 2,
    ectTimetableReduction: { ect1: 0.1, ect2: 0.05 },
    stageShares: perGroup((group) => calibrations[group].shares),
    leaverRates: perGroup((group) => calibrations[group].rates),
    progressionRates: perGroup((group) => calibrations[group].progression),
    workingHourLossRate: perPhase(() => 0),
    returners: perGroup((group) => yearSeries(group, 'Returners', true)),
    newToSector: perGroup((group) =>
      yearSeries(group, 'New to state-funded sector entrants', true),
    ),
    postgraduatePipeline: perGroup((group) => yearSeries(group, 'Newly qualified entrants', false)),
    otherRoutes: {
      assessmentOnly: perGroup(() => ({})),
      apprenticeship: perGroup(() => ({})),
      international: perGroup(() => ({})),
      undergraduateStarts: perGroup(() => ({})),
    },
    ftePerHead: perPhase(() => 1),
    completionRate: perGroup(
      (group) => PUBLISHED_CONVERSION[group]?.completion ?? mathsPhysicsMean('completion'),
    ),
    employmentRate: perGroup(
      (group) => PUBLISHED_CONVERSION[group]?.employment ?? mathsPhysicsMean('employment'),
    ),
    localLeavers: [],
    leaverRateBetweenAreaSd: 0.015,
    netMovers: [],
    uncertainty: {
      leaverRateRelativeSd: perPhase((phase) =>
        logChangeSd(historicPhaseSeries(dataset, phase, 'Total leaver rate'), 0.08),
      ),
      returnerRelativeSd: perPhase((phase) =>
        logChangeSd(historicPhaseSeries(dataset, phase, 'Returners'), 0.08),
      ),
      elasticitySd: { primary: 0.1, secondary: 0.1 },
      pupilProjectionErrorSdPerYear: 0.01,
      completionRateSd: 0.02,
      employmentRateSd: 0.03,
    },
  };
}

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
  checkNumber('projectionYears', p.projectionYears, 1, 30, 'a whole number of years from 1 to 30');
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
  checkPhaseMap('workingHourLossRate', p.workingHourLossRate, checkFraction);
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
  checkPhaseMap('uncertainty.leaverRateRelativeSd', u?.leaverRateRelativeSd, checkSd);
  checkPhaseMap('uncertainty.returnerRelativeSd', u?.returnerRelativeSd, checkSd);
  checkPhaseMap('uncertainty.elasticitySd', u?.elasticitySd, checkSd);
  checkSd('uncertainty.pupilProjectionErrorSdPerYear', u?.pupilProjectionErrorSdPerYear);
  checkSd('uncertainty.completionRateSd', u?.completionRateSd);
  checkSd('uncertainty.employmentRateSd', u?.employmentRateSd);
}
