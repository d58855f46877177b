/**
 * Calibrations of the defaults to published series: the career-stage structure and its leaver
 * rates, and the spread of the uncertain inputs from the history of the TWM series.
 */
import type { AcademicYear, NationalFlow, NationalFlowType, Phase } from '../data/types.ts';
import type { RegionDataset } from '../data/types.ts';
import type { CareerStage } from './parameter-types.ts';
import { constant } from './constants.ts';

/**
 * Published early-career leaving: share of newly qualified teachers no longer in state-funded
 * service 1, 3 and 5 years after qualifying (MODEL_CONSTANTS for the source).
 */
export const EARLY_CAREER_LEAVING = {
  afterOneYear: constant('earlyCareerLeavingAfterOneYear'),
  afterThreeYears: constant('earlyCareerLeavingAfterThreeYears'),
  afterFiveYears: constant('earlyCareerLeavingAfterFiveYears'),
};

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
  const ect1 = Math.min(Math.max(ect1Share, 0), constant('ect1ShareCeiling'));
  const ect2 = ect1 * (1 - hazard.year1);
  const serviceYear3 = ect2 * (1 - hazard.years2to3);
  const serviceYear4 = serviceYear3 * (1 - hazard.years2to3);
  const serviceYear5 = serviceYear4 * (1 - hazard.years4to5);
  const years3to5 = serviceYear3 + serviceYear4 + serviceYear5;
  const over55 = constant('over55StockShare');
  const years6plus = 1 - ect1 - ect2 - years3to5 - over55;
  const years3to5Leavers =
    serviceYear3 * hazard.years2to3 + (serviceYear4 + serviceYear5) * hazard.years4to5;
  const years3to5Rate = years3to5 > 0 ? years3to5Leavers / years3to5 : hazard.years2to3;
  const earlyCareerLeavers = ect1 * hazard.year1 + ect2 * hazard.years2to3 + years3to5Leavers;
  const years6plusRate = Math.max(0, (under55Rate - earlyCareerLeavers) / years6plus);
  const over55Rate55 = Math.min(1, over55Rate / over55);
  const years3to5Stayers = years3to5 - years3to5Leavers;
  const years3to5ToYears6plus =
    years3to5Stayers > 0
      ? (serviceYear5 * (1 - hazard.years4to5)) / years3to5Stayers
      : constant('years3to5ProgressionFallback');
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

/**
 * Historic phase-level series of one flow type, in year order. Primary has a 'Total' series;
 * the TWM publishes secondary by subject only, so secondary counts are summed over subjects
 * and rates averaged with the teaching shares as weights.
 */
export function historicPhaseSeries(
  dataset: RegionDataset,
  phase: Phase,
  type: NationalFlowType,
): number[] {
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
export function logChangeSd(series: number[], fallback: number): number {
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
