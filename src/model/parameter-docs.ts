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
