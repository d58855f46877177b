/**
 * Calibrations of the defaults to published series: the calibration years, working-hour
 * losses and flow-consistent subject stocks from the stock-flow identity, and the career-stage
 * structure and its leaver rates. The spreads of the uncertain inputs are calibrated in
 * spread-calibration.ts.
 */
import type {
  AcademicYear,
  NationalFlowType,
  SecondarySubject,
  SubjectGroup,
} from '../data/types.ts';
import { SECONDARY_SUBJECTS } from '../data/types.ts';
import { EARLIEST_START_YEAR, addYears, startYearOf } from '../data/academic-year.ts';
import type { CareerStage } from './parameter-types.ts';
import { constant } from './constants.ts';

/**
 * Years whose flows COVID-19 disturbed (leaving fell in 2020/21 and rebounded; returners and
 * entrants moved with school closures): no calibration uses them.
 */
export const COVID_YEARS: readonly string[] = ['2019/20', '2020/21', '2021/22'];

/** How many recent historic years the calibrations average over. */
export const CALIBRATION_YEAR_COUNT = 5;

/**
 * The years a calibration averages over: the last `count` years up to and including `lastYear`
 * that have a value (`has`), COVID years left out.
 */
export function calibrationYears(
  lastYear: AcademicYear,
  has: (year: AcademicYear) => boolean,
  count = CALIBRATION_YEAR_COUNT,
): AcademicYear[] {
  const years: AcademicYear[] = [];
  const steps = startYearOf(lastYear) - EARLIEST_START_YEAR;
  for (let step = 0; years.length < count && step <= steps; step++) {
    const year = addYears(lastYear, -step);
    if (!COVID_YEARS.includes(year) && has(year)) years.unshift(year);
  }
  return years;
}

/** A flow value by subject group, type and year (the latest publication's). */
export type FlowLookup = (
  group: SubjectGroup,
  type: NationalFlowType,
  year: AcademicYear,
) => number | undefined;

/** The flows that bring teachers into the stock. */
export const INFLOW_TYPES: readonly NationalFlowType[] = [
  'Returners',
  'New to state-funded sector entrants',
  'Newly qualified entrants',
];

/**
 * Working-hour losses of a phase estimated from the stock-flow identity of the TWM series:
 * whatever change of stock the published flows do not explain,
 *   loss(y) = S(y-1) - S(y) - r(y) S(y-1) + returners(y) + new to sector(y) + NQEs(y),
 * as a share of S(y-1), averaged over the calibration years. It holds every net FTE change
 * of teachers who stay (hours cut or added) and any difference of definitions between the
 * stock and the flows, so it is an estimate, labelled as one. `leaverRate` and `inflow` are
 * the phase's (stock-weighted rate; summed counts).
 */
export function identityResidualRate(
  years: readonly AcademicYear[],
  phaseStock: (year: AcademicYear) => number | undefined,
  leaverRate: (year: AcademicYear) => number | undefined,
  inflow: (year: AcademicYear) => number | undefined,
): number | undefined {
  const losses: number[] = [];
  for (const year of years) {
    const now = phaseStock(year);
    const before = phaseStock(addYears(year, -1));
    const rate = leaverRate(year);
    const entrants = inflow(year);
    if (now === undefined || before === undefined || rate === undefined) continue;
    if (entrants === undefined || !(before > 0)) continue;
    losses.push((before - now - rate * before + entrants) / before);
  }
  return losses.length > 0 ? losses.reduce((sum, v) => sum + v, 0) / losses.length : undefined;
}

/**
 * Secondary subject stock shares consistent with the subjects' flows. A subject holding share
 * x of the phase stock S satisfies, year by year, x S(y) = x S(y-1) (1 - r(y) - h) + I(y),
 * with r its leaver rate, h the working-hour loss rate and I its inflow (returners + new to
 * sector + newly qualified entrants). Summed over the calibration years:
 *   x = sum_y I(y) / sum_y [ (r(y) + h) S(y-1) + S(y) - S(y-1) ]
 * so the subject's flows per FTE over those years are the published ones. The shares are then
 * scaled to sum to 1 (the scale is common to every subject, close to 1 when h is the phase's
 * own residual). A subject with no flows keeps its teaching-hour share.
 */
export function flowConsistentStockShares(
  flow: FlowLookup,
  years: readonly AcademicYear[],
  phaseStock: (year: AcademicYear) => number | undefined,
  workingHourLossRate: number,
  hourShares: Readonly<Record<SecondarySubject, number>>,
): Record<SecondarySubject, number> {
  const raw = {} as Record<SecondarySubject, number>;
  const withFlows: SecondarySubject[] = [];
  for (const subject of SECONDARY_SUBJECTS) {
    let inflow = 0;
    let outflow = 0;
    for (const year of years) {
      const now = phaseStock(year);
      const before = phaseStock(addYears(year, -1));
      const rate = flow(subject, 'Total leaver rate', year);
      const parts = INFLOW_TYPES.map((type) => flow(subject, type, year));
      if (now === undefined || before === undefined || rate === undefined) continue;
      if (parts.some((value) => value === undefined)) continue;
      inflow += parts.reduce((sum: number, value) => sum + value!, 0);
      outflow += (rate + workingHourLossRate) * before + now - before;
    }
    if (inflow > 0 && outflow > 0) {
      raw[subject] = inflow / outflow;
      withFlows.push(subject);
    }
  }
  // Subjects without flows keep their hour share of the total; the rest share what is left.
  const hourShareWithFlows = withFlows.reduce((sum, s) => sum + hourShares[s], 0);
  const rawTotal = withFlows.reduce((sum, s) => sum + raw[s], 0);
  const shares = {} as Record<SecondarySubject, number>;
  for (const subject of SECONDARY_SUBJECTS) {
    shares[subject] = withFlows.includes(subject)
      ? (raw[subject] / rawTotal) * hourShareWithFlows
      : hourShares[subject];
  }
  const total = SECONDARY_SUBJECTS.reduce((sum, s) => sum + shares[s], 0);
  for (const subject of SECONDARY_SUBJECTS)
    shares[subject] = total > 0 ? shares[subject] / total : 0;
  return shares;
}

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

/** Stage shares and yearly leaving of the early-career cohorts for a hazard scale m. */
function cohortStructure(ect1: number, over55: number, m: number) {
  const hazard = earlyCareerHazards();
  const h1 = Math.min(1, m * hazard.year1);
  const h23 = Math.min(1, m * hazard.years2to3);
  const h45 = Math.min(1, m * hazard.years4to5);
  const ect2 = ect1 * (1 - h1);
  const serviceYear3 = ect2 * (1 - h23);
  const serviceYear4 = serviceYear3 * (1 - h23);
  const serviceYear5 = serviceYear4 * (1 - h45);
  const years3to5 = serviceYear3 + serviceYear4 + serviceYear5;
  const years6plus = 1 - ect1 - ect2 - years3to5 - over55;
  const years3to5Leavers = serviceYear3 * h23 + (serviceYear4 + serviceYear5) * h45;
  const years3to5Rate = years3to5 > 0 ? years3to5Leavers / years3to5 : h23;
  const under55Leavers = ect1 * h1 + ect2 * h23 + years3to5Leavers + Math.max(0, years6plus) * h45;
  return {
    h1,
    h23,
    h45,
    ect2,
    serviceYear5,
    years3to5,
    years6plus,
    years3to5Leavers,
    years3to5Rate,
    under55Leavers,
  };
}

/**
 * Stage structure of one subject group calibrated to gross leaving by length of service:
 * - ect1Share = newly qualified entrants / FTE in the base year;
 * - the shape of leaving by service length is the published early-career pattern (hazards of
 *   years 1, 2-3 and 4-5), continued after year 5 at the years 4-5 hazard, so leaving falls
 *   with service and 6+ never leaves faster than years 3-5;
 * - its level is one scale m, set so the stock-weighted leaving of the under-55 stages is the
 *   TWM under-55 leaver rate. The TWM rate counts every leaver, including those who return
 *   later (returners come back in), so m is above 1: the published early-career figures are
 *   net of returns (no longer in service n years on);
 * - the stage shares follow the same scaled hazards, so the base stock is the one the
 *   model's own dynamics keep; 55+ is assumed (MODEL_CONSTANTS.over55StockShare), its leaver
 *   rate set from the TWM 55+ rate, and 6+ -> 55+ ageing keeps the 55+ stock steady.
 */
export function calibrateStages(ect1Share: number, under55Rate: number, over55Rate: number) {
  const ect1 = Math.min(Math.max(ect1Share, 0), constant('ect1ShareCeiling'));
  const over55 = constant('over55StockShare');
  // Under-55 leaving grows with m (every hazard scales), so bisection finds the level.
  let low = 0;
  let high = 1 / earlyCareerHazards().year1;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (cohortStructure(ect1, over55, middle).under55Leavers < under55Rate) low = middle;
    else high = middle;
  }
  const scale = (low + high) / 2;
  const c = cohortStructure(ect1, over55, scale);
  const over55Rate55 = Math.min(1, over55Rate / over55);
  const years3to5Stayers = c.years3to5 - c.years3to5Leavers;
  const years3to5ToYears6plus =
    years3to5Stayers > 0
      ? (c.serviceYear5 * (1 - c.h45)) / years3to5Stayers
      : constant('years3to5ProgressionFallback');
  const years6plusToOver55 =
    c.years6plus > 0 ? Math.min(1, (over55Rate55 * over55) / (c.years6plus * (1 - c.h45))) : 0;
  return {
    /** The scale of gross over published (net) early-career leaving. */
    scale,
    shares: {
      ect1,
      ect2: c.ect2,
      years3to5: c.years3to5,
      years6plus: Math.max(0, c.years6plus),
      over55,
    } satisfies Record<CareerStage, number>,
    rates: {
      ect1: c.h1,
      ect2: c.h23,
      years3to5: c.years3to5Rate,
      years6plus: c.h45,
      over55: over55Rate55,
    } satisfies Record<CareerStage, number>,
    progression: { years3to5ToYears6plus, years6plusToOver55 },
  };
}
