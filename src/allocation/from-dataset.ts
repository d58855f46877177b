/**
 * The allocation problem from a region dataset (partnerships, illustrative plans) and the
 * supply model's NQT need. Assumptions made here are stated where they are made.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { PartnershipType, RegionDataset, SubjectGroup } from '../data/types.ts';
import {
  DEFAULT_CONVERSION_RATES,
  DEFAULT_COSTS,
  DEFAULT_FAIRNESS,
  DEFAULT_FILL,
  DEFAULT_STABILITY,
  type AllocationProblem,
  type ConversionRate,
  type NeedRecord,
  type PoolSettings,
  type RegionalCap,
  type TrainingRoute,
} from './problem.ts';

/** The main postgraduate route of each partnership type. */
export const ROUTE_OF_TYPE: Record<PartnershipType, TrainingRoute> = {
  HEI: 'HEI postgraduate',
  SCITT: 'SCITT',
  'School Direct': 'School Direct fee',
  'Teach First': 'Teach First',
  Apprenticeship: 'Apprenticeship',
};

/**
 * One definition of a place. The dataset's footprint spreads the NQTs of a partnership's
 * training in the region (its SCR sites; its activity elsewhere is what the in-region share
 * leaves out). The allocation counts all of a partnership's places, in-region share times
 * places against regional caps, so the footprint must cover all its NQTs: the in-region part
 * scaled by the in-region share, and every NQT trained elsewhere taken to start outside the
 * region. A place then counts in the region, and supplies its districts, by the same share.
 */
export function footprintOverAllNqts(
  regionalFootprint: Readonly<Record<string, number>>,
  inRegionShare: number,
): Record<string, number> {
  const footprint: Record<string, number> = {};
  let inRegion = 0;
  for (const [code, share] of Object.entries(regionalFootprint)) {
    if (code === 'outside') continue;
    footprint[code] = share * inRegionShare;
    inRegion += footprint[code];
  }
  footprint.outside = Math.max(0, 1 - inRegion);
  return footprint;
}

export interface DatasetAllocationInputs {
  need: NeedRecord[];
  entryYears: AcademicYear[];
  /** District cold-spot weights (src/indicators coldSpotWeights); 1 where absent. */
  coldSpotWeights?: Record<string, number>;
  /** Completion and employment per subject, e.g. the supply model's parameters. */
  conversionRates?: ConversionRate[];
  regionalCaps?: RegionalCap[];
  pool?: PoolSettings | null;
  /** Teach First places are fixed at last year's allocation (its national contract). */
  fixTeachFirst?: boolean;
}

export function problemFromDataset(
  dataset: RegionDataset,
  inputs: DatasetAllocationInputs,
): AllocationProblem {
  const partnershipTypes = new Map(dataset.partnerships.map((p) => [p.code, p.type]));
  const fixTeachFirst = inputs.fixTeachFirst ?? true;
  return {
    regionName: dataset.regionName,
    entryYears: inputs.entryYears,
    districts: dataset.districts.map((district) => ({
      code: district.code,
      name: district.name,
      coldSpotWeight: inputs.coldSpotWeights?.[district.code] ?? 1,
    })),
    need: inputs.need,
    partnerships: dataset.partnerships.map((partnership) => ({
      code: partnership.code,
      name: partnership.name,
      type: partnership.type,
      inRegionShare: partnership.inRegionShare,
      employmentFootprint: footprintOverAllNqts(
        partnership.employmentFootprint,
        partnership.inRegionShare,
      ),
      // No public source gives total or mentor capacity: not limited unless set.
      totalCapacity: null,
      mentorCapacity: null,
    })),
    // A plan with no capacity and no places last year cannot take places: left out.
    plans: dataset.partnershipPlans
      .filter((plan) => plan.capacity > 0 || plan.lastYearAllocation > 0)
      .map((plan) => {
        const type = partnershipTypes.get(plan.partnershipCode) ?? 'SCITT';
        const fixed = fixTeachFirst && type === 'Teach First';
        return {
          partnershipCode: plan.partnershipCode,
          subject: plan.subject,
          route: ROUTE_OF_TYPE[type],
          capacity: Math.max(plan.capacity, plan.lastYearAllocation),
          // Fixed places are set elsewhere (a national contract): no minimum cohort applies.
          minimumCohort: fixed ? 0 : plan.minimumCohort,
          lastYearAllocation: plan.lastYearAllocation,
          recentAllocated: plan.lastYearAllocation,
          recentRecruited: plan.lastYearRecruited,
          fixedPlaces: fixed ? plan.lastYearAllocation : null,
          conversionRate: null,
        };
      }),
    conversionRates: inputs.conversionRates ?? DEFAULT_CONVERSION_RATES,
    regionalCaps: inputs.regionalCaps ?? [],
    subjectWeights: {},
    pool: inputs.pool ?? null,
    stability: DEFAULT_STABILITY,
    fill: DEFAULT_FILL,
    fairness: DEFAULT_FAIRNESS,
    costs: DEFAULT_COSTS,
  };
}

/** Per-subject conversion rates from completion and employment tables. */
export function conversionRatesFrom(
  completion: Partial<Record<SubjectGroup, number>>,
  employment: Partial<Record<SubjectGroup, number>>,
): ConversionRate[] {
  const subjects = Object.keys(completion) as SubjectGroup[];
  return [
    ...subjects
      .filter((subject) => employment[subject] !== undefined)
      .map((subject) => ({
        route: '*' as const,
        subject,
        completionRate: completion[subject]!,
        employmentRate: employment[subject]!,
      })),
    DEFAULT_CONVERSION_RATES[DEFAULT_CONVERSION_RATES.length - 1]!,
  ];
}
