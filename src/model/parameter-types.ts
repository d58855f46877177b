/**
 * The supply model's parameter set as types: every number the model uses that is not a
 * district figure of the dataset. Defaults are in defaults.ts (sources in parameter-docs.ts),
 * merging and validation in parameters.ts.
 */
import type { AcademicYear, Phase, SecondarySubject, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';

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

/** The uncertain flows drawn in the Monte Carlo, each with a phase-wide and a subject shock. */
export const DRAWN_FLOWS = ['leaverRate', 'returners', 'newToSector', 'pipeline'] as const;
export type DrawnFlow = (typeof DRAWN_FLOWS)[number];

/** Relative spread of one drawn flow: multiplier = 1 + phase x z_phase + subject x z_subject. */
export interface FlowSpread {
  /** SD of the shock every subject of a phase shares (drawn once per phase and draw). */
  phase: Record<Phase, number>;
  /** SD of each secondary subject's own shock (primary is one group: its shock is the phase's). */
  subject: number;
}

/** Spread of the uncertain inputs for the Monte Carlo (one standard deviation each). */
export interface UncertaintyParameters {
  /**
   * Leaver rates, returners, new-to-sector entrants and the recruited cohorts' newly qualified
   * entrants (the postgraduate pipeline): relative SDs, calibrated on publication-to-publication
   * errors of the TWM.
   */
  flows: Record<DrawnFlow, FlowSpread>;
  /** Absolute SD of the pupil-teacher elasticity. */
  elasticitySd: Record<Phase, number>;
  /**
   * Relative SD of a district's pupil projection error per year of horizon (error grows
   * linearly), by phase: estimated from DfE's national projections against the outturn
   * (pupil-projection-error.ts).
   */
  pupilProjectionErrorSdPerYear: Record<Phase, number>;
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
  /**
   * ITT entry years the plan covers (the recruitment cycle open today and the next two);
   * earlier entry years are recruited. Their NQT years must be projection years.
   */
  planningEntryYears: AcademicYear[];
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
  /**
   * Share of secondary teacher FTE in each subject (sums to 1): how the base stock is split.
   * Derived from each subject's flows, so its leavers, returners, new to sector and newly
   * qualified entrants per FTE are the published ones; teaching-hour shares (the dataset's
   * subjectShares) split the change of demand only.
   */
  subjectStockShares: Record<SecondarySubject, number>;
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

export function phaseOfGroup(group: SubjectGroup): Phase {
  return group === 'Primary' ? 'primary' : 'secondary';
}

/** A record with one value per phase. */
export function perPhase<T>(make: (phase: Phase) => T): Record<Phase, T> {
  return { primary: make('primary'), secondary: make('secondary') };
}

/** A record with one value per subject group. */
export function perGroup<T>(make: (group: SubjectGroup) => T): Record<SubjectGroup, T> {
  const record = {} as Record<SubjectGroup, T>;
  for (const group of SUBJECT_GROUPS) record[group] = make(group);
  return record;
}
