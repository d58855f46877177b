/**
 * Turns a RegionDataset and a parameter set into ModelInputs: flat typed arrays the draw loop
 * reads without allocating, and which structured-clone cheaply into workers.
 *
 * Layouts (A districts, G subject groups, Y projection years, K = 5 career stages):
 * - cell (district a, group g, year t): `(a * G + g) * Y + t`  (see cellIndex)
 * - area cell (a, g): `a * G + g`;  stage values: `(a * G + g) * K + k`
 * - district pupils: `(a * 2 + phaseIndex) * Y + t`, base pupils `a * 2 + phaseIndex`
 */
import type {
  AcademicYear,
  Phase,
  Provenance,
  RegionDataset,
  SubjectGroup,
} from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import { ModelInputError } from './errors.ts';
import {
  CAREER_STAGES,
  DRAWN_FLOWS,
  PHASES,
  phaseOfGroup,
  type ModelParameters,
} from './parameter-types.ts';
import { baseYearOf, conversionProvenanceOf } from './defaults.ts';
import { validateParameters } from './parameters.ts';
import { academicYear, addYears, consecutiveYears } from '../data/academic-year.ts';
import { constant } from './constants.ts';
import { countedPupilYears, districtPupils, phaseIndex, requireFinite } from './pupils.ts';
import { inputYearStatus, lastPublishedYear, nqtYearOfEntry } from './horizon.ts';
import { applyLocalLeavers } from './local-leavers.ts';

export const STAGE_COUNT = CAREER_STAGES.length;

export interface ModelInputs {
  regionName: string;
  baseYear: AcademicYear;
  /** Projection years, in order (the base year is not among them). */
  years: AcademicYear[];
  /** ITT entry years the plan covers; earlier ones are recruited (horizon.ts). */
  planningEntryYears: AcademicYear[];
  /** Per projection year: inputs published ('forecast') or extended ('extrapolated'). */
  yearStatus: ('forecast' | 'extrapolated')[];
  /** 1 where a district's pupils in a year are extrapolated: `(a * 2 + phaseIndex) * Y + t`. */
  pupilsExtrapolated: Uint8Array;
  /** Years since the last census count of the district's pupils, 0 if counted; as above. */
  pupilYearsSinceCount: Uint8Array;
  /** Years (base year included) whose pupils are census counts in every district, by phase. */
  countedPupilYears: Record<Phase, AcademicYear[]>;
  districts: { code: string; name: string; laNumber: string; laCode: string; laName: string }[];
  /** Provenance of each district's base-year teacher FTE: `a * 2 + phaseIndex`. */
  teacherFteProvenance: Provenance[];
  /** Provenance of each group's completion and employment rates (published or estimated). */
  conversionProvenance: Provenance[];
  groups: readonly SubjectGroup[];
  districtCount: number;
  groupCount: number;
  yearCount: number;
  /** districtCount x groupCount x yearCount. */
  cellCount: number;
  /** 0 primary, 1 secondary, per group. */
  groupPhase: Uint8Array;
  basePupils: Float64Array;
  pupils: Float64Array;
  /** Base-year FTE by career stage. */
  baseStock: Float64Array;
  /** Annual leaver rate by career stage (after local shrinkage). */
  leaverRates: Float64Array;
  progressYears3to5: Float64Array;
  progressYears6plus: Float64Array;
  /** Teaching capacity per FTE of each stage (ECT timetable reductions). */
  stageCapacity: Float64Array;
  /** Secondary teaching-hour share per group (1 for primary): splits the change of demand. */
  subjectShare: Float64Array;
  /** Secondary stock share per group (1 for primary): splits the base stock (flow-consistent). */
  stockShare: Float64Array;
  /** Base-year teacher FTE of each district and phase: `a * 2 + phaseIndex`. */
  phaseBaseStock: Float64Array;
  /**
   * Teaching capacity per FTE of each stage under the induction rules in force in the base
   * year: what the base-year stock delivered, so base demand does not move with a scenario's
   * induction policy (which acts from the first projection year).
   */
  baseStageCapacity: Float64Array;
  /** Base-year teaching capacity of each district and phase, under the base year's rules. */
  phaseBaseCapacity: Float64Array;
  /** District's share of national FTE of the group: apportions national counts. */
  nationalShare: Float64Array;
  returners: Float64Array;
  newToSector: Float64Array;
  /** Assessment only + apprenticeship + international newly qualified entrants, FTE. */
  otherRouteEntrants: Float64Array;
  /** Undergraduate starts three entry years before each year (heads). */
  undergraduateStarts: Float64Array;
  /** Expected postgraduate newly qualified entrants; NaN where not yet recruited (planned). */
  pipeline: Float64Array;
  netMovers: Float64Array;
  demandMode: 0 | 1;
  elasticity: Float64Array;
  pupilTeacherRatio: Float64Array;
  baseShortfallRate: Float64Array;
  workingHourLossRate: Float64Array;
  ftePerHead: Float64Array;
  completionRate: Float64Array;
  employmentRate: Float64Array;
  uncertainty: {
    /** Per drawn flow (DRAWN_FLOWS order): SD of the phase shock by phase index. */
    flowPhaseSd: Float64Array[];
    /** Per drawn flow: SD of a secondary subject's own shock. */
    flowSubjectSd: Float64Array;
    elasticitySd: Float64Array;
    /** By phase index. */
    pupilProjectionErrorSdPerYear: Float64Array;
    completionRateSd: number;
    employmentRateSd: number;
  };
}

/** The first academic year of two-year statutory induction (the Early Career Framework). */
const TWO_YEAR_INDUCTION_FROM = academicYear('2021/22');

/**
 * Capacity per FTE of each stage under the statutory induction rules of `year`: two years
 * (10% then 5% timetable reduction) from September 2021, one year (10%) before.
 */
export function stageCapacityInForce(year: AcademicYear): Float64Array {
  const ect1 = 1 - constant('ectTimetableReductionYear1');
  const ect2 = year >= TWO_YEAR_INDUCTION_FROM ? 1 - constant('ectTimetableReductionYear2') : 1;
  return Float64Array.of(ect1, ect2, 1, 1, 1);
}

/** Offset of (district, group, projection year) in every per-cell output array. */
export function cellIndex(
  inputs: Pick<ModelInputs, 'groupCount' | 'yearCount'>,
  district: number,
  group: number,
  year: number,
): number {
  return (district * inputs.groupCount + group) * inputs.yearCount + year;
}

/**
 * Builds the model inputs. Throws ModelInputError (with the dataset or parameter path) when a
 * district has no baseline or pupil projection, a subject share is missing, or a parameter is
 * invalid.
 */
export function buildModelInputs(dataset: RegionDataset, parameters: ModelParameters): ModelInputs {
  validateParameters(parameters);
  const p = parameters;
  const A = dataset.districts.length;
  const G = SUBJECT_GROUPS.length;
  const Y = p.projectionYears;
  const K = STAGE_COUNT;
  if (A === 0) throw new ModelInputError('districts', 'the dataset has no districts');
  const baseYear = baseYearOf(dataset);
  const years = consecutiveYears(addYears(baseYear, 1), Y);
  const districtIndex = new Map(dataset.districts.map((d, i) => [d.code, i]));
  const groupIndex = new Map(SUBJECT_GROUPS.map((g, i) => [g, i]));

  const groupPhase = new Uint8Array(G);
  const subjectShare = new Float64Array(G);
  const stockShare = new Float64Array(G);
  let shareSum = 0;
  SUBJECT_GROUPS.forEach((group, g) => {
    groupPhase[g] = phaseIndex(phaseOfGroup(group));
    if (group === 'Primary') {
      subjectShare[g] = 1;
      stockShare[g] = 1;
      return;
    }
    stockShare[g] = p.subjectStockShares[group];
    const share = dataset.subjectShares.find((s) => s.subject === group);
    if (!share) throw new ModelInputError(`subjectShares.${group}`, 'is missing');
    requireFinite(`subjectShares.${group}`, share.share, 'a fraction between 0 and 1');
    subjectShare[g] = share.share;
    shareSum += share.share;
  });
  if (Math.abs(shareSum - 1) > 0.01) {
    throw new ModelInputError(
      'subjectShares',
      `secondary subject shares must sum to 1 (got ${shareSum.toFixed(4)})`,
    );
  }
  // Validation allows a sum within 1%; the stock must add up to the phase's FTE exactly.
  const stockShareSum = SUBJECT_GROUPS.reduce(
    (sum, group, g) => (group === 'Primary' ? sum : sum + stockShare[g]!),
    0,
  );
  SUBJECT_GROUPS.forEach((group, g) => {
    if (group !== 'Primary') stockShare[g]! /= stockShareSum;
  });

  const { basePupils, baseFte, pupils, extrapolated, yearsSinceCount } = districtPupils(
    dataset,
    years,
  );
  p.planningEntryYears.forEach((entry, i) => {
    if (!years.includes(nqtYearOfEntry(entry))) {
      throw new ModelInputError(
        `planningEntryYears[${i}]`,
        `the NQTs of entry year ${entry} start work in ${nqtYearOfEntry(entry)}, which is not a projection year (${years[0]} to ${years.at(-1)})`,
      );
    }
  });
  // Extrapolated pupils make a year extrapolated even when the national inputs reach it.
  const published = lastPublishedYear(dataset);
  const yearStatus = inputYearStatus(years, published).map((status, t) =>
    PHASES.some((_, ph) =>
      dataset.districts.some((__, a) => extrapolated[(a * 2 + ph) * Y + t] === 1),
    )
      ? 'extrapolated'
      : status,
  );

  const nationalBaseFte = PHASES.map((phase) => {
    const row = dataset.nationalPupilTeacher.find((r) => r.phase === phase && r.year === baseYear);
    if (!row || !(row.teacherFte > 0)) {
      throw new ModelInputError(
        `nationalPupilTeacher.${phase}.${baseYear}`,
        'national teacher FTE of the base year is missing',
      );
    }
    return row.teacherFte;
  });

  const baseStock = new Float64Array(A * G * K);
  const leaverRates = new Float64Array(A * G * K);
  const nationalShare = new Float64Array(A * G);
  const progressYears3to5 = new Float64Array(G);
  const progressYears6plus = new Float64Array(G);
  SUBJECT_GROUPS.forEach((group, g) => {
    progressYears3to5[g] = p.progressionRates[group].years3to5ToYears6plus;
    progressYears6plus[g] = p.progressionRates[group].years6plusToOver55;
  });
  for (let a = 0; a < A; a++) {
    SUBJECT_GROUPS.forEach((group, g) => {
      const ph = groupPhase[g]!;
      const cellFte = baseFte[a * 2 + ph]! * stockShare[g]!;
      // District and national FTE of the group share the subject split, so the ratio is the phase ratio.
      nationalShare[a * G + g] = baseFte[a * 2 + ph]! / nationalBaseFte[ph]!;
      CAREER_STAGES.forEach((stage, k) => {
        baseStock[(a * G + g) * K + k] = cellFte * p.stageShares[group][stage];
        leaverRates[(a * G + g) * K + k] = p.leaverRates[group][stage];
      });
    });
  }
  applyLocalLeavers(p, districtIndex, groupIndex, baseStock, leaverRates, G);
  const capacityEct1 = p.inductionYears >= 1 ? 1 - p.ectTimetableReduction.ect1 : 1;
  const capacityEct2 = p.inductionYears >= 2 ? 1 - p.ectTimetableReduction.ect2 : 1;
  const stageCapacity = Float64Array.of(capacityEct1, capacityEct2, 1, 1, 1);
  const baseStageCapacity = stageCapacityInForce(baseYear);
  const phaseBaseCapacity = new Float64Array(A * 2);
  for (let a = 0; a < A; a++) {
    for (let g = 0; g < G; g++) {
      for (let k = 0; k < K; k++) {
        phaseBaseCapacity[a * 2 + groupPhase[g]!]! +=
          baseStageCapacity[k]! * baseStock[(a * G + g) * K + k]!;
      }
    }
  }

  const perCellYear = () => new Float64Array(A * G * Y);
  const returners = perCellYear();
  const newToSector = perCellYear();
  const otherRouteEntrants = perCellYear();
  const undergraduateStarts = perCellYear();
  const pipeline = perCellYear();
  const netMovers = perCellYear();
  for (let a = 0; a < A; a++) {
    SUBJECT_GROUPS.forEach((group, g) => {
      const share = nationalShare[a * G + g]!;
      years.forEach((year, t) => {
        const i = (a * G + g) * Y + t;
        returners[i] = share * (p.returners[group][year] ?? 0);
        newToSector[i] = share * (p.newToSector[group][year] ?? 0);
        otherRouteEntrants[i] =
          share *
          ((p.otherRoutes.assessmentOnly[group][year] ?? 0) +
            (p.otherRoutes.apprenticeship[group][year] ?? 0) +
            (p.otherRoutes.international[group][year] ?? 0));
        // An undergraduate starting in entry year y qualifies and enters teaching in y + 3.
        undergraduateStarts[i] =
          share * (p.otherRoutes.undergraduateStarts[group][addYears(year, -3)] ?? 0);
        const expected = p.postgraduatePipeline[group][year];
        pipeline[i] = expected === undefined || expected === null ? Number.NaN : share * expected;
      });
    });
  }
  p.netMovers.forEach((flow, i) => {
    const a = districtIndex.get(flow.districtCode);
    if (a === undefined) {
      throw new ModelInputError(
        `netMovers[${i}].districtCode`,
        `"${flow.districtCode}" is not a district of ${dataset.regionName}`,
      );
    }
    const t = years.indexOf(flow.year);
    if (t < 0)
      throw new ModelInputError(
        `netMovers[${i}].year`,
        `${flow.year} is not a projection year (${years.join(', ')})`,
      );
    netMovers[(a * G + groupIndex.get(flow.subject)!) * Y + t]! += flow.fte;
  });

  const perPhase = (value: (phase: Phase) => number) => Float64Array.from(PHASES, value);

  return {
    regionName: dataset.regionName,
    baseYear: baseYear,
    years,
    planningEntryYears: [...p.planningEntryYears],
    yearStatus,
    pupilsExtrapolated: extrapolated,
    pupilYearsSinceCount: yearsSinceCount,
    countedPupilYears: {
      primary: countedPupilYears(dataset, 'primary'),
      secondary: countedPupilYears(dataset, 'secondary'),
    },
    districts: dataset.districts.map((d) => ({
      code: d.code,
      name: d.name,
      laNumber: String(d.educationLaNumber),
      laCode: d.educationLaCode,
      laName: d.educationLaName,
    })),
    teacherFteProvenance: dataset.districts.flatMap((d) =>
      PHASES.map(
        (phase) =>
          dataset.baselines.find((b) => b.districtCode === d.code && b.phase === phase)!
            .teacherFteProvenance,
      ),
    ),
    conversionProvenance: SUBJECT_GROUPS.map((group) =>
      conversionProvenanceOf(group, p.completionRate[group], p.employmentRate[group]),
    ),
    groups: SUBJECT_GROUPS,
    districtCount: A,
    groupCount: G,
    yearCount: Y,
    cellCount: A * G * Y,
    groupPhase,
    basePupils,
    pupils,
    baseStock,
    leaverRates,
    progressYears3to5,
    progressYears6plus,
    stageCapacity,
    baseStageCapacity,
    subjectShare,
    stockShare,
    phaseBaseStock: baseFte,
    phaseBaseCapacity,
    nationalShare,
    returners,
    newToSector,
    otherRouteEntrants,
    undergraduateStarts,
    pipeline,
    netMovers,
    demandMode: p.demandMode === 'elasticity' ? 0 : 1,
    elasticity: perPhase((phase) => p.elasticity[phase]),
    pupilTeacherRatio: perPhase((phase) => p.pupilTeacherRatio[phase]),
    baseShortfallRate: perPhase((phase) => p.baseShortfallRate[phase]),
    workingHourLossRate: perPhase((phase) => p.workingHourLossRate[phase]),
    ftePerHead: perPhase((phase) => p.ftePerHead[phase]),
    completionRate: Float64Array.from(SUBJECT_GROUPS, (group) => p.completionRate[group]),
    employmentRate: Float64Array.from(SUBJECT_GROUPS, (group) => p.employmentRate[group]),
    uncertainty: {
      flowPhaseSd: DRAWN_FLOWS.map((flow) =>
        perPhase((phase) => p.uncertainty.flows[flow].phase[phase]),
      ),
      flowSubjectSd: Float64Array.from(DRAWN_FLOWS, (flow) => p.uncertainty.flows[flow].subject),
      elasticitySd: perPhase((phase) => p.uncertainty.elasticitySd[phase]),
      pupilProjectionErrorSdPerYear: perPhase(
        (phase) => p.uncertainty.pupilProjectionErrorSdPerYear[phase],
      ),
      completionRateSd: p.uncertainty.completionRateSd,
      employmentRateSd: p.uncertainty.employmentRateSd,
    },
  };
}
