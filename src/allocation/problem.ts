/**
 * The input of the ITT place allocation (DESIGN section 2), independent of where the figures
 * come from: the CLI and the app build it from the dataset and the supply model, tests build
 * it by hand. Years are academic years ('2027/28') from src/data/academic-year.ts.
 */
import type { AcademicYear } from '../data/academic-year.ts';
import type { PartnershipType, SubjectGroup } from '../data/types.ts';

export type TrainingRoute =
  | 'HEI postgraduate'
  | 'SCITT'
  | 'School Direct fee'
  | 'School Direct salaried'
  | 'Teach First'
  | 'Apprenticeship'
  | 'Undergraduate'
  | 'Assessment only';

export const TRAINING_ROUTES: readonly TrainingRoute[] = [
  'HEI postgraduate',
  'SCITT',
  'School Direct fee',
  'School Direct salaried',
  'Teach First',
  'Apprenticeship',
  'Undergraduate',
  'Assessment only',
];

/** NQT need of one district, subject group and NQT year, from the supply model. */
export interface NeedRecord {
  districtCode: string;
  subject: SubjectGroup;
  /** Academic year in which the NQTs take up their first post. */
  nqtYear: AcademicYear;
  /** Teachers (FTE) needed as newly qualified entrants. */
  teachers: number;
}

export interface AllocationDistrict {
  code: string;
  name: string;
  /**
   * Priority weight from the cold-spot index (1 = ordinary; higher = colder spot). It
   * multiplies the cost of each unmet teacher in the district.
   */
  coldSpotWeight: number;
}

export interface AllocationPartnership {
  code: string;
  name: string;
  type: PartnershipType;
  /**
   * Share of the partnership's activity inside the region: a partnership across the boundary
   * counts only this share of its places against regional caps and regional totals.
   */
  inRegionShare: number;
  /**
   * Share of ALL its NQTs (wherever they trained) whose first post is in each district;
   * 'outside' for outside the region; sums to 1. For a partnership across the boundary, its
   * in-region share is already in it (from-dataset.ts footprintOverAllNqts), so a place
   * supplies the region's districts by the same share that counts it against regional caps.
   */
  employmentFootprint: Record<string, number>;
  /** Trainees it can train in one entry year across all subjects; null when not limited. */
  totalCapacity: number | null;
  /**
   * School placements (trained mentors) available in a year across all subjects; trainees on
   * multi-year routes occupy a placement in each year of training. Null when not limited.
   */
  mentorCapacity: number | null;
}

/** One partnership, subject and route: the unit that receives places each entry year. */
export interface AllocationPlan {
  partnershipCode: string;
  subject: SubjectGroup;
  route: TrainingRoute;
  /** Most trainees it can take in one entry year. */
  capacity: number;
  /** Minimum viable cohort: the plan runs with 0 or at least this many places. */
  minimumCohort: number;
  lastYearAllocation: number;
  /** Track record: places allocated and trainees recruited in recent years (summed). */
  recentAllocated: number;
  recentRecruited: number;
  /** Places fixed outside this allocation (e.g. Teach First's national contract), or null. */
  fixedPlaces: number | null;
  /** Overrides the route x subject conversion rate when known for this partnership. */
  conversionRate: number | null;
}

/** Completion x employment for a route and subject; '*' matches any. */
export interface ConversionRate {
  route: TrainingRoute | '*';
  subject: SubjectGroup | '*';
  completionRate: number;
  employmentRate: number;
}

export interface RegionalCap {
  subject: SubjectGroup;
  entryYear: AcademicYear;
  /** Most places in the region (in-region shares of cross-boundary partnerships). */
  places: number;
}

/**
 * A pool of places held for schools not engaged with any partnership: `share` of each
 * subject's places each year (rounded up to a whole place) go to the pool, which is not a
 * free source of supply; its NQTs go to districts in proportion
 * to `districtShares` (by default, each district's share of the subject's need).
 */
export interface PoolSettings {
  share: number;
  districtShares: Record<string, number> | null;
  /** Conversion of a pool place; by default the subject's HEI postgraduate rate. */
  conversionRate: number | null;
}

/**
 * Stability: the change in a plan's places from one year to the next is bounded. The bound
 * is `band x last year's allocation` (at least `minimumBandPlaces`), and the upward band is
 * widened for a good track record: recruited / allocated above `trackRecordThreshold` adds
 * up to `trackRecordBonus` (reached at a full record).
 */
export interface StabilitySettings {
  band: number;
  minimumBandPlaces: number;
  trackRecordThreshold: number;
  trackRecordBonus: number;
}

/**
 * Expected fill from track record: a place is filled, on average, at the plan's own rate
 * (trainees recruited / places allocated in recent years) shrunk toward the region's rate for
 * the subject, with credibility Z = allocated / (allocated + credibilityPlaces):
 *   fill = Z x recruited / allocated + (1 - Z) x regional rate
 *        = (recruited + credibilityPlaces x regional rate) / (allocated + credibilityPlaces),
 * at most 1 (a place takes one trainee). A plan with no record gets the regional rate; the
 * regional rate is recruited / allocated over every plan of the subject (over all subjects when
 * the subject has no record, 1 when no plan has one).
 */
export interface FillSettings {
  credibilityPlaces: number;
}

/**
 * Fairness: no partnership is advantaged. In each subject and entry year the partnerships'
 * places should change in proportion: each plan by a common factor g[s,y] times its reference
 * places (last year's allocation, or its capacity when lower, since a partnership that offers
 * fewer places is not being cut), g chosen by the model. Every place a plan gets above or below
 * that common change costs `weightPerPlace`, in the units of the objective (unmet teachers of
 * weight 1), so need moves places between partnerships only where it repays the difference.
 * Places fixed outside the allocation (Teach First) and plans with no reference places are
 * left out.
 */
export interface FairnessSettings {
  weightPerPlace: number;
}

export interface AllocationCosts {
  /** Cost of one surplus NQT in a district (relative to 1 for one unmet teacher). */
  surplusPerTeacher: number;
  /** lambda: cost of each place changed from the year before. */
  changePerPlace: number;
  /** Tie-break cost of a place, so a place that helps no one is not allocated. */
  perPlace: number;
}

export interface AllocationProblem {
  regionName: string;
  /** Consecutive entry years to allocate, e.g. 2027/28, 2028/29 and 2029/30. */
  entryYears: AcademicYear[];
  districts: AllocationDistrict[];
  need: NeedRecord[];
  partnerships: AllocationPartnership[];
  plans: AllocationPlan[];
  conversionRates: ConversionRate[];
  regionalCaps: RegionalCap[];
  /** Relative priority of unmet need by subject (default 1). */
  subjectWeights: Partial<Record<SubjectGroup, number>>;
  pool: PoolSettings | null;
  stability: StabilitySettings | null;
  /** Expected fill from track record; null assumes every place is filled. */
  fill: FillSettings | null;
  fairness: FairnessSettings | null;
  costs: AllocationCosts;
}

export const DEFAULT_COSTS: AllocationCosts = {
  surplusPerTeacher: 0.1,
  changePerPlace: 0.02,
  perPlace: 0.001,
};

export const DEFAULT_FAIRNESS: FairnessSettings = { weightPerPlace: 1 };

/** A record of 20 places allocated counts half, the region's rate the other half. */
export const DEFAULT_FILL: FillSettings = { credibilityPlaces: 20 };

export const DEFAULT_STABILITY: StabilitySettings = {
  band: 0.2,
  minimumBandPlaces: 5,
  trackRecordThreshold: 0.8,
  trackRecordBonus: 0.3,
};

/**
 * National 2023/24 completion and employment rates quoted in DESIGN section 1 (primary
 * 91%/68%, mathematics 89%/70%, physics 84%/64%). Other subjects fall back to the mathematics
 * pair, a stated assumption shown as such, until the data layer supplies subject rates.
 */
export const DEFAULT_CONVERSION_RATES: ConversionRate[] = [
  { route: '*', subject: 'Primary', completionRate: 0.91, employmentRate: 0.68 },
  { route: '*', subject: 'Mathematics', completionRate: 0.89, employmentRate: 0.7 },
  { route: '*', subject: 'Physics', completionRate: 0.84, employmentRate: 0.64 },
  { route: '*', subject: '*', completionRate: 0.89, employmentRate: 0.7 },
];
