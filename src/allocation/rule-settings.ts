/**
 * The allocation's rule settings a manager sets (DESIGN section 2): what each one means, its
 * unit, allowed range, default and where the default comes from. The rules data file
 * (data/illustrative_allocation_rules.csv), the scenario's `allocation` section, the Allocation page's form
 * and their error messages all read their ranges from here, so they cannot drift apart.
 * Adding a rule setting is one entry here and one in `applyRuleSettings`.
 */
import type { Provenance } from '../data/types.ts';
import {
  DEFAULT_FAIRNESS,
  DEFAULT_FILL,
  DEFAULT_STABILITY,
  type AllocationProblem,
} from './problem.ts';

export const RULE_KEYS = [
  'poolShare',
  'stabilityBand',
  'stabilityMinimumPlaces',
  'trackRecordThreshold',
  'trackRecordBonus',
  'fairnessWeightPerPlace',
  'fillCredibilityPlaces',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export interface RuleDoc {
  key: RuleKey;
  /** Column of the rules data file. */
  column: string;
  label: string;
  /** What it does, in a sentence (the form's hint). */
  hint: string;
  unit: string;
  min: number;
  /** Inclusive unless `maxExclusive`. */
  max: number;
  maxExclusive?: boolean;
  integer?: boolean;
  /** The value when nothing sets it. */
  defaultValue: number;
  /** What "not set" means (an EES `z` in the data file, blank on the page). */
  offMeans: string;
  source: string;
  provenance: Provenance;
}

const POLICY =
  'A policy setting of the regional allocation, not data: set it to the region’s rule.';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    key: 'poolShare',
    column: 'pool_share',
    label: 'Pool share for schools not engaged with any partnership',
    hint: 'Share of each subject’s places in each year held back for schools not engaged with any partnership (0.05 = 5%).',
    unit: 'share of places',
    min: 0,
    max: 1,
    maxExclusive: true,
    defaultValue: 0,
    offMeans: 'no pool',
    source: POLICY,
    provenance: 'illustrative',
  },
  {
    key: 'stabilityBand',
    column: 'stability_band',
    label: 'Stability band',
    hint: 'Most a plan may change from one year to the next, as a share of last year’s places (0.2 = 20%).',
    unit: 'share of last year’s places',
    min: 0,
    max: 1,
    defaultValue: DEFAULT_STABILITY.band,
    offMeans: 'no stability rule',
    source: POLICY,
    provenance: 'illustrative',
  },
  {
    key: 'stabilityMinimumPlaces',
    column: 'stability_minimum_places',
    label: 'Smallest stability band',
    hint: 'A plan may always change by at least this many places, however small it was.',
    unit: 'places',
    min: 0,
    max: 1000,
    integer: true,
    defaultValue: DEFAULT_STABILITY.minimumBandPlaces,
    offMeans: 'the default',
    source: POLICY,
    provenance: 'illustrative',
  },
  {
    key: 'trackRecordThreshold',
    column: 'track_record_threshold',
    label: 'Track record that widens the band',
    hint: 'Recruited / allocated above which a plan may grow by more than the band (0.8 = 80% filled).',
    unit: 'share of places filled',
    min: 0,
    max: 1,
    defaultValue: DEFAULT_STABILITY.trackRecordThreshold,
    offMeans: 'the default',
    source: POLICY,
    provenance: 'illustrative',
  },
  {
    key: 'trackRecordBonus',
    column: 'track_record_bonus',
    label: 'Extra growth for a full track record',
    hint: 'How much wider the upward band is for a plan that filled all its places (0.3 = 30% of last year’s places).',
    unit: 'share of last year’s places',
    min: 0,
    max: 1,
    defaultValue: DEFAULT_STABILITY.trackRecordBonus,
    offMeans: 'the default',
    source: POLICY,
    provenance: 'illustrative',
  },
  {
    key: 'fairnessWeightPerPlace',
    column: 'fairness_weight_per_place',
    label: 'Fairness weight',
    hint: 'Each place a partnership has more than half a place above or below the common change in a subject counts as much as this many unmet teachers.',
    unit: 'unmet teachers per place',
    min: 0,
    max: 100,
    defaultValue: DEFAULT_FAIRNESS.weightPerPlace,
    offMeans: 'no fairness rule: need alone decides',
    source: POLICY,
    provenance: 'illustrative',
  },
  {
    key: 'fillCredibilityPlaces',
    column: 'fill_credibility_places',
    label: 'Credibility of a track record',
    hint: 'Expected fill = (recruited + k × the region’s rate) / (allocated + k): a record of k places counts half.',
    unit: 'places (k)',
    min: 0,
    max: 10_000,
    defaultValue: DEFAULT_FILL.credibilityPlaces,
    offMeans: 'every place assumed filled',
    source: 'Credibility weighting (Bühlmann): an assumption, stated; set to the region’s choice.',
    provenance: 'illustrative',
  },
];

/** A value for each rule: a number, or null for "not set" (offMeans). */
export type RuleSettings = Record<RuleKey, number | null>;

export function ruleDoc(key: RuleKey): RuleDoc {
  return RULE_DOCS.find((doc) => doc.key === key)!;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = Object.fromEntries(
  RULE_DOCS.map((doc) => [doc.key, doc.defaultValue]),
) as RuleSettings;

/** Why a value is outside its rule's range, in words; null when it is fine. */
export function ruleValueProblem(doc: RuleDoc, value: number): string | null {
  const range = `${doc.integer ? 'a whole number ' : ''}from ${doc.min} to ${doc.maxExclusive ? 'below ' : ''}${doc.max}`;
  if (!Number.isFinite(value)) return `must be a number ${range}`;
  if (doc.integer && !Number.isInteger(value)) return `must be ${range}`;
  if (value < doc.min || value > doc.max || (doc.maxExclusive && value >= doc.max)) {
    return `must be ${range} (${doc.unit})`;
  }
  return null;
}

/** The problem with the rule settings applied (null: the rule's "off" meaning). */
export function applyRuleSettings(
  problem: AllocationProblem,
  settings: Partial<RuleSettings>,
): AllocationProblem {
  const value = (key: RuleKey) => (key in settings ? settings[key]! : DEFAULT_RULE_SETTINGS[key]);
  const pool = value('poolShare');
  const band = value('stabilityBand');
  const fairness = value('fairnessWeightPerPlace');
  const credibility = value('fillCredibilityPlaces');
  return {
    ...problem,
    pool:
      pool === null || pool === 0
        ? null
        : { share: pool, districtShares: null, conversionRate: null },
    stability:
      band === null
        ? null
        : {
            band,
            minimumBandPlaces:
              value('stabilityMinimumPlaces') ?? DEFAULT_STABILITY.minimumBandPlaces,
            trackRecordThreshold:
              value('trackRecordThreshold') ?? DEFAULT_STABILITY.trackRecordThreshold,
            trackRecordBonus: value('trackRecordBonus') ?? DEFAULT_STABILITY.trackRecordBonus,
          },
    fairness: fairness === null || fairness === 0 ? null : { weightPerPlace: fairness },
    fill: credibility === null ? null : { credibilityPlaces: credibility },
  };
}
