/**
 * The allocation problem from a region dataset (partnerships, illustrative plans) and the
 * supply model's NQT need. Assumptions made here are stated where they are made.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { PartnershipType, RegionDataset, SubjectGroup } from '../data/types.ts';
import {
  DEFAULT_CONVERSION_RATES,
  DEFAULT_COSTS,
  type AllocationProblem,
  type ConversionRate,
  type NeedRecord,
  type RegionalCap,
  type TrainingRoute,
} from './problem.ts';
import { applyRuleSettings, RULE_DOCS, type RuleSettings } from './rule-settings.ts';

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
  /** Caps instead of the dataset's (data/illustrative_regional_caps.csv). */
  regionalCaps?: RegionalCap[];
  /** Total and mentor capacity by partnership instead of the dataset's; null: not limited. */
  partnershipLimits?: Record<
    string,
    { totalCapacity: number | null; mentorCapacity: number | null }
  >;
  /** Rule settings over the dataset's (data/illustrative_allocation_rules.csv); null turns a rule off. */
  rules?: Partial<RuleSettings>;
  /** Teach First places are fixed at last year's allocation (its national contract). */
  fixTeachFirst?: boolean;
}

/** The dataset's rule settings (illustrative_allocation_rules.csv) by rule key; absent when it has none. */
export function datasetRuleSettings(dataset: RegionDataset): Partial<RuleSettings> {
  const values = dataset.allocationRules?.values;
  if (!values) return {};
  return Object.fromEntries(
    RULE_DOCS.filter((doc) => doc.column in values).map((doc) => [doc.key, values[doc.column]]),
  ) as Partial<RuleSettings>;
}

export function problemFromDataset(
  dataset: RegionDataset,
  inputs: DatasetAllocationInputs,
): AllocationProblem {
  const partnershipTypes = new Map(dataset.partnerships.map((p) => [p.code, p.type]));
  const fixTeachFirst = inputs.fixTeachFirst ?? true;
  // Total and mentor capacity: as given, else the dataset's limits file, else not limited.
  const datasetLimits = new Map(
    (dataset.partnershipLimits ?? []).map((l) => [l.partnershipCode, l]),
  );
  const limitOf = (code: string) => {
    const limit = inputs.partnershipLimits?.[code] ?? datasetLimits.get(code);
    return {
      totalCapacity: limit?.totalCapacity ?? null,
      mentorCapacity: limit?.mentorCapacity ?? null,
    };
  };
  const problem: AllocationProblem = {
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
      ...limitOf(partnership.code),
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
          // As given: a capacity below the stability rule's floor is a clash the diagnosis
          // names (the page stops it at the field), never silently raised.
          capacity: plan.capacity,
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
    regionalCaps:
      inputs.regionalCaps ??
      (dataset.regionalCaps ?? [])
        .filter((cap) => inputs.entryYears.includes(cap.entryYear))
        .map(({ subject, entryYear, places }) => ({ subject, entryYear, places })),
    subjectWeights: {},
    pool: null,
    stability: null,
    fill: null,
    fairness: null,
    costs: DEFAULT_COSTS,
  };
  return applyRuleSettings(problem, { ...datasetRuleSettings(dataset), ...inputs.rules });
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
