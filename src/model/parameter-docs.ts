/**
 * Unit, source and provenance of each parameter's default, shown in the UI (Forecast page,
 * model inputs) and in the CLI's meta file. The fixed numbers quoted here are the named
 * constants of constants.ts.
 */
import type { Provenance } from '../data/types.ts';
import type { ModelParameters } from './parameter-types.ts';

/** How a parameter is documented. */
export interface ParameterDoc {
  unit: string;
  provenance: Provenance;
  source: string;
}

export const PARAMETER_DOCS: Record<keyof ModelParameters, ParameterDoc> = {
  planningEntryYears: {
    unit: 'ITT entry years',
    provenance: 'derived',
    source:
      "From today's date: the recruitment cycle open now (cycles open in October, eleven months before trainees start) and the two after it. Earlier entry years are recruited.",
  },
  projectionYears: {
    unit: 'years',
    provenance: 'derived',
    source:
      'From the base year (the latest with published teacher numbers) through the year the NQTs of the last planned entry year start work; years past the published inputs are extrapolated.',
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
      'Implied by TWM file 1 projections: (teacher FTE growth) / (pupil growth), base year to last projection year; with no projection (the backtest cuts the data at its base year) over the last five historic years.',
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
  subjectStockShares: {
    unit: 'fraction of secondary FTE',
    provenance: 'derived',
    source:
      "Each subject's steady-state stock from its TWM flows: mean yearly inflow (returners + new to sector + newly qualified entrants) / (mean total leaver rate + working-hour loss rate + secondary stock growth), over the last five historic years outside COVID (2019/20-2021/22), normalised to the secondary total. So every subject's flows per FTE are the published ones; teaching-hour shares split the change of demand only.",
  },
  stageShares: {
    unit: 'fraction of FTE stock',
    provenance: 'estimated',
    source:
      'ECT1 = TWM base-year newly qualified entrants / FTE; later stages follow the calibrated gross leaving by service length (see leaving rates); 55+ assumed 9% (MODEL_CONSTANTS); 6+ the rest.',
  },
  leaverRates: {
    unit: 'fraction of stage FTE per year',
    provenance: 'derived',
    source:
      'Gross leaving by length of service: the published early-career pattern (no longer in service after 1, 3 and 5 years: 11.3%, 25.9%, 32.5%) continued after year 5 at the years 4-5 rate, scaled so the stages reproduce the under-55 part of the TWM total leaver rate (which counts leavers who later return, so the scale is above 1). Leaving falls with service: 6+ never leaves faster than years 3-5. 55+ takes the 55+ part. The total rate (mean of projection years) sets the level; the under-55 and 55+ rates only split it, since rounded they need not add up to it.',
  },
  progressionRates: {
    unit: 'fraction of stage stayers per year',
    provenance: 'derived',
    source:
      'Years 3-5: share in year 5 under the calibrated leaving; 6+ to 55+: steady state of the 55+ stock.',
  },
  workingHourLossRate: {
    unit: 'fraction of FTE stock per year',
    provenance: 'estimated',
    source:
      'Estimated from the stock-flow identity of the TWM series (file 1 stock, flows of the latest publication): S(y-1) - S(y) - leavers + returners + new to sector + newly qualified entrants, as a share of S(y-1), averaged over the last five historic years outside COVID (2019/20-2021/22). About 0.5% of primary and 0.2% of secondary stock a year. A scenario may set its own figure (negative: staff adding hours).',
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
    provenance: 'derived',
    source:
      "Postgraduate NQEs of the cohorts already recruited (entry years before the planned ones): the TWM's all-route newly qualified entrants minus the undergraduate NQEs (entrants three years earlier, converted) and assessment-only NQEs. A recruited cohort not yet in a TWM publication (entry 2026/27 on 3 December 2026) holds the last figure (estimated). Planned years are blank: supply meets need.",
  },
  otherRoutes: {
    unit: 'FTE (national); undergraduate starts in heads',
    provenance: 'estimated',
    source:
      'Undergraduate ITT: census new entrants (all phases; 80% primary assumed, no phase split is published; secondary by subject stock shares), qualifying three years later at the subject completion and employment rates. Assessment only: TRA QTS awards, split like the stock, all taking posts (they already teach). Overseas and Scotland/Wales/NI recognitions: none by default (no published take-up rate; the international QTS lever adds them). Deferred NQTs are counted among new-to-sector entrants, as in the TWM. Years past the published figures hold the last one.',
  },
  ftePerHead: {
    unit: 'FTE per head',
    provenance: 'estimated',
    source: '1.0: the TWM FTE-per-head figure is not among the published files in data/.',
  },
  completionRate: {
    unit: 'fraction',
    provenance: 'estimated',
    source:
      'Published by subject only for primary (91%), mathematics (89%) and physics (84%) (ITT performance profiles 2023/24): those are published. No other subject rate is in data/, so every other subject takes the mean of the two published secondary subjects (86.5%), labelled estimated (conversion_provenance in the forecast file).',
  },
  employmentRate: {
    unit: 'fraction',
    provenance: 'estimated',
    source:
      'Published by subject only for primary (68%), mathematics (70%) and physics (64%) (ITT performance profiles 2023/24). Every other subject takes the mean of the two published secondary subjects (67%), labelled estimated.',
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
      "Leaver rates, returners, new-to-sector entrants and the recruited cohorts' newly qualified entrants: each has a shock shared by every subject of a phase and a subject's own shock, with SDs from the TWM's publication-to-publication errors (what the 2025 publication projected for 2024/25 against what the 2026 publication records; COVID years excluded), held over the horizon. Pupil projection error per year of horizon, by phase: estimated from DfE's national pupil projections of July 2021 and July 2022 against the TWM's pupil outturn (growth from each release's base year; the root mean square of the releases' errors per year), illustrative 1% a year when the dataset has no earlier projections. Elasticity, completion and employment spreads are illustrative.",
  },
};
