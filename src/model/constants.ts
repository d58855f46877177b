/**
 * Every fixed number the model's defaults use, named, with where it comes from: a published
 * figure (source given) or an assumption (said so, with the reason for the value). The
 * defaults (defaults.ts, calibration.ts) read these names, never bare literals, and the
 * parameter documentation quotes them.
 */

export interface ModelConstant {
  value: number;
  /** 'published': a figure from the source named; 'assumption': a judgement, stated as one. */
  basis: 'published' | 'assumption';
  source: string;
}

const published = (value: number, source: string): ModelConstant => ({
  value,
  basis: 'published',
  source,
});
const assumption = (value: number, source: string): ModelConstant => ({
  value,
  basis: 'assumption',
  source,
});

export const MODEL_CONSTANTS = {
  earlyCareerLeavingAfterOneYear: published(
    0.113,
    'DfE, School workforce in England: newly qualified teachers no longer in state-funded service one year after qualifying (quoted in the design).',
  ),
  earlyCareerLeavingAfterThreeYears: published(
    0.259,
    'DfE, School workforce in England: no longer in service three years after qualifying.',
  ),
  earlyCareerLeavingAfterFiveYears: published(
    0.325,
    'DfE, School workforce in England: no longer in service five years after qualifying.',
  ),
  over55StockShare: assumption(
    0.09,
    'Share of teacher FTE aged 55 and over; no School Workforce age table is in data/, so 9% is assumed.',
  ),
  ect1ShareFallback: assumption(
    0.04,
    'First-year share of FTE when a subject has no newly qualified entrant or FTE figure; the TWM 2024/25 figures give 3.3% (primary) and 4.2% (secondary).',
  ),
  ect1ShareCeiling: assumption(
    0.15,
    'Upper bound on the first-year share of FTE, so a tiny subject with many entrants keeps a plausible stage mix.',
  ),
  totalLeaverRateFallback: published(
    0.093,
    'TWM 2026 publication, primary total leaver rate trajectory 2025/26-2027/28 (0.0934, 0.0931, 0.0931), used when a subject has no rate.',
  ),
  under55ShareOfLeaving: published(
    0.82,
    'TWM 2026 publication, primary 2025/26: under-55 leaver rate 0.0762 of the total 0.0934; splits a total rate when a subject has no split.',
  ),
  years3to5ProgressionFallback: assumption(
    1 / 3,
    'Share of years 3-5 stayers moving to 6+ each year when it cannot be worked out: a three-year stage.',
  ),
  primaryElasticityFallback: published(
    0.8,
    'Pupil-teacher elasticity of primary implied by TWM 2026 publication file 1 (2025/26-2027/28), used when the dataset has no national projection.',
  ),
  secondaryElasticityFallback: published(
    0.05,
    'Pupil-teacher elasticity of secondary implied by TWM 2026 publication file 1 (2025/26-2027/28), used when the dataset has no national projection.',
  ),
  minimumPupilGrowthForElasticity: assumption(
    0.002,
    'Below 0.2% pupil change the ratio of teacher to pupil growth is noise, so the fallback elasticity is kept.',
  ),
  elasticityCeiling: assumption(
    1.5,
    'Upper bound on a derived elasticity: demand growing 1.5 times as fast as pupils is the most the method should follow.',
  ),
  leaverRateBetweenAreaSd: assumption(
    0.015,
    'Between-local-authority SD of true leaver rates (1.5 percentage points); sets how strongly local leaver counts are trusted.',
  ),
  relativeSdFallback: assumption(
    0.08,
    'Relative SD of a flow when its history is too short to measure one.',
  ),
  inductionYears: published(
    2,
    'Statutory induction lasts two years for teachers starting it from September 2021 (Early Career Framework).',
  ),
  ectTimetableReductionYear1: published(
    0.1,
    'Statutory induction guidance: an ECT has a 10% timetable reduction in the first year.',
  ),
  ectTimetableReductionYear2: published(
    0.05,
    'Statutory induction guidance: a 5% timetable reduction in the second year.',
  ),
  ftePerHead: assumption(
    1,
    'FTE per head of newly qualified entrants; the TWM figure is not among the published files in data/.',
  ),
  undergraduatePrimaryShare: assumption(
    0.8,
    'Share of undergraduate ITT new entrants training to teach primary. The ITT census publishes undergraduate entrants for all phases only (no phase split was found); undergraduate QTS degrees are mostly primary, with few secondary routes.',
  ),
  primaryCompletionRate: published(
    0.91,
    'ITT performance profiles 2023/24, primary completion rate (quoted in the design).',
  ),
  primaryEmploymentRate: published(
    0.68,
    'ITT performance profiles 2023/24, primary employment rate (quoted in the design).',
  ),
  mathematicsCompletionRate: published(0.89, 'ITT performance profiles 2023/24, mathematics.'),
  mathematicsEmploymentRate: published(0.7, 'ITT performance profiles 2023/24, mathematics.'),
  physicsCompletionRate: published(0.84, 'ITT performance profiles 2023/24, physics.'),
  physicsEmploymentRate: published(0.64, 'ITT performance profiles 2023/24, physics.'),
  elasticitySd: assumption(0.1, 'SD of the pupil-teacher elasticity (illustrative).'),
  pupilProjectionErrorSdPerYear: assumption(
    0.01,
    'Relative SD of a district pupil projection per year of horizon when the dataset has no earlier national projections to estimate it from (illustrative).',
  ),
  completionRateSd: assumption(0.02, 'SD of ITT completion rates, 2 percentage points.'),
  employmentRateSd: assumption(0.03, 'SD of employment rates of qualifiers, 3 percentage points.'),
} as const satisfies Record<string, ModelConstant>;

export type ModelConstantName = keyof typeof MODEL_CONSTANTS;

/** The value of a named constant. */
export function constant(name: ModelConstantName): number {
  return MODEL_CONSTANTS[name].value;
}
