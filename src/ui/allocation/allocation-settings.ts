/**
 * What the manager can change on the Allocation page, kept as the text they typed, and how it
 * becomes an AllocationProblem: every value is checked first and each problem names the cell
 * ("University of Sheffield, Physics capacity must be ..."), so nothing is solved on bad input.
 */
import type { AllocationOptions } from '../../allocation/allocate.ts';
import type { AcademicYear } from '../../data/academic-year.ts';
import { problemFromDataset } from '../../allocation/from-dataset.ts';
import type {
  AllocationProblem,
  ConversionRate,
  NeedRecord,
  RegionalCap,
} from '../../allocation/problem.ts';
import {
  SUBJECT_GROUPS,
  type PartnershipSubjectPlan,
  type RegionDataset,
  type SubjectGroup,
} from '../../data/types.ts';
import type { RuleKey, RuleSettings } from '../../allocation/rule-settings.ts';
import { MAX_COLD_SPOT_PRIORITY, coldSpotWeights } from '../../indicators/cold-spot-index.ts';
import {
  DEFAULT_COLD_SPOT_THRESHOLD,
  defaultDistrictColdSpotSpec,
} from '../../indicators/default-spec.ts';
import {
  capacitiesBelowBand,
  defaultRuleTexts,
  readLimits,
  readRules,
  readTypedNumber,
  type LimitEdit,
  type PartnershipLimits,
} from './rule-fields.ts';

export interface PlanEdit {
  capacity: string;
  minimumCohort: string;
}

export interface AllocationSettings {
  /** Edited plans only, by `planKey`; others keep the dataset's figures. */
  plans: Record<string, PlanEdit>;
  /** Regional cap per subject, applied to each entry year; blank for none. */
  caps: Partial<Record<SubjectGroup, string>>;
  /** Rule settings as typed (rule-settings.ts); blank turns a rule off. */
  rules: Record<RuleKey, string>;
  /** Edited partnership limits only, by partnership code; others keep the dataset's. */
  limits: Record<string, LimitEdit>;
  /** How much more a cold spot's unmet teacher counts: weight = 1 + priority x index. */
  priority: string;
  /** District indicators of the cold-spot index (each weighted 1). */
  indicatorIds: string[];
  wholePlaces: boolean;
  minimumCohorts: boolean;
  timeLimitSeconds: string;
  gapPercent: string;
}

/** A problem with one input, and the id of the field to fix. */
export interface InputError {
  fieldId: string;
  text: string;
}

export const planKey = (partnershipCode: string, subject: SubjectGroup): string =>
  `${partnershipCode}|${subject}`;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Ids of the editable cells, so the error summary can link to them. */
export const fieldIds = {
  capacity: (code: string, subject: SubjectGroup) =>
    `alloc-capacity-${slug(code)}-${slug(subject)}`,
  minimumCohort: (code: string, subject: SubjectGroup) =>
    `alloc-minimum-${slug(code)}-${slug(subject)}`,
  cap: (subject: SubjectGroup) => `alloc-cap-${slug(subject)}`,
  rule: (key: RuleKey) => `alloc-rule-${slug(key)}`,
  totalCapacity: (code: string) => `alloc-total-${slug(code)}`,
  mentorCapacity: (code: string) => `alloc-mentor-${slug(code)}`,
  priority: 'alloc-priority',
  indicators: 'alloc-indicators',
  timeLimit: 'alloc-time-limit',
  gap: 'alloc-gap',
} as const;

export function defaultSettings(dataset: RegionDataset): AllocationSettings {
  const spec = defaultDistrictColdSpotSpec(dataset.indicators);
  return {
    plans: {},
    caps: defaultCaps(dataset),
    rules: defaultRuleTexts(dataset),
    limits: {},
    priority: '1',
    indicatorIds: spec ? spec.weights.map((weight) => weight.indicatorId) : [],
    wholePlaces: true,
    minimumCohorts: true,
    timeLimitSeconds: '20',
    gapPercent: '0.1',
  };
}

/** A subject's cap from the dataset's caps file when it sets the same cap in every year. */
function defaultCaps(dataset: RegionDataset): Partial<Record<SubjectGroup, string>> {
  const caps: Partial<Record<SubjectGroup, string>> = {};
  for (const subject of SUBJECT_GROUPS) {
    const places = new Set(
      (dataset.regionalCaps ?? []).filter((c) => c.subject === subject).map((c) => c.places),
    );
    if (places.size === 1) caps[subject] = String([...places][0]);
  }
  return caps;
}

export interface ReadSettings {
  plans: PartnershipSubjectPlan[];
  caps: { subject: SubjectGroup; places: number }[];
  rules: Partial<RuleSettings>;
  limits: PartnershipLimits;
  priority: number;
  options: Partial<AllocationOptions>;
}

/** Checks every setting; returns the figures to solve with, or the problems found. */
export function readSettings(
  dataset: RegionDataset,
  settings: AllocationSettings,
): { errors: InputError[]; read: ReadSettings | null } {
  const errors: InputError[] = [];
  const names = new Map(dataset.partnerships.map((p) => [p.code, p.name]));
  const wholeNumber = (text: string, fieldId: string, what: string): number => {
    const value = readTypedNumber(text);
    if (value === null || !Number.isInteger(value) || value < 0) {
      errors.push({ fieldId, text: `${what} must be a whole number of 0 or more` });
      return Number.NaN;
    }
    return value;
  };

  const plans = dataset.partnershipPlans.map((plan) => {
    const edit = settings.plans[planKey(plan.partnershipCode, plan.subject)];
    if (!edit) return plan;
    const who = `${names.get(plan.partnershipCode) ?? plan.partnershipCode}, ${plan.subject}`;
    const capacity = wholeNumber(
      edit.capacity,
      fieldIds.capacity(plan.partnershipCode, plan.subject),
      `${who} capacity`,
    );
    const minimumCohort = wholeNumber(
      edit.minimumCohort,
      fieldIds.minimumCohort(plan.partnershipCode, plan.subject),
      `${who} minimum cohort`,
    );
    if (minimumCohort > capacity && capacity > 0) {
      errors.push({
        fieldId: fieldIds.minimumCohort(plan.partnershipCode, plan.subject),
        text: `${who} minimum cohort (${minimumCohort}) must not be more than its capacity (${capacity})`,
      });
    }
    return { ...plan, capacity, minimumCohort, provenance: 'imported' as const };
  });

  const rules = readRules(settings.rules, errors);
  const limits = readLimits(dataset, settings.limits, errors);
  capacitiesBelowBand(dataset, plans, rules, errors);

  const caps: ReadSettings['caps'] = [];
  for (const subject of SUBJECT_GROUPS) {
    const text = settings.caps[subject] ?? '';
    if (text.trim() === '') continue;
    const places = wholeNumber(text, fieldIds.cap(subject), `The regional cap for ${subject}`);
    if (Number.isFinite(places)) caps.push({ subject, places });
  }

  const priority = readTypedNumber(settings.priority);
  if (
    priority === null ||
    !Number.isFinite(priority) ||
    priority < 0 ||
    priority > MAX_COLD_SPOT_PRIORITY
  ) {
    errors.push({
      fieldId: fieldIds.priority,
      text: `The cold-spot priority must be a number from 0 to ${MAX_COLD_SPOT_PRIORITY}`,
    });
  }
  if (settings.indicatorIds.length === 0 && (priority ?? 0) > 0) {
    errors.push({
      fieldId: fieldIds.indicators,
      text: 'Choose at least one indicator for the cold-spot index, or set the priority to 0',
    });
  }
  const timeLimit = readTypedNumber(settings.timeLimitSeconds);
  if (timeLimit === null || !Number.isFinite(timeLimit) || timeLimit < 1 || timeLimit > 300) {
    errors.push({
      fieldId: fieldIds.timeLimit,
      text: 'The time limit must be a number of seconds from 1 to 300',
    });
  }
  const gap = readTypedNumber(settings.gapPercent);
  if (gap === null || !Number.isFinite(gap) || gap < 0 || gap > 50) {
    errors.push({ fieldId: fieldIds.gap, text: 'The gap must be a percentage from 0 to 50' });
  }
  if (errors.length > 0) return { errors, read: null };
  return {
    errors,
    read: {
      plans,
      caps,
      rules,
      limits,
      priority: priority!,
      options: {
        wholePlaces: settings.wholePlaces,
        minimumCohorts: settings.minimumCohorts,
        timeLimitSeconds: timeLimit!,
        relativeGap: gap! / 100,
        // The diagnosis gets its own budget, no longer than the solve's.
        diagnosisSeconds: Math.min(20, timeLimit!),
      },
    },
  };
}

/** District weights w[a] = 1 + priority x max(0, index), as the maps show the index. */
export function districtWeights(
  dataset: RegionDataset,
  indicatorIds: readonly string[],
  priority: number,
): Record<string, number> {
  const codes = dataset.districts.map((district) => district.code);
  if (indicatorIds.length === 0 || priority === 0)
    return Object.fromEntries(codes.map((code) => [code, 1]));
  return coldSpotWeights(
    dataset.indicators,
    {
      weights: indicatorIds.map((indicatorId) => ({ indicatorId, weight: 1 })),
      threshold: DEFAULT_COLD_SPOT_THRESHOLD,
      missing: 'exclude-area',
    },
    codes,
    priority,
  );
}

/** The problem to solve: the model's need, the edited plans, caps on every entry year. */
export function allocationProblem(
  dataset: RegionDataset,
  read: ReadSettings,
  weights: Record<string, number>,
  model: { need: NeedRecord[]; entryYears: AcademicYear[]; conversionRates: ConversionRate[] },
): AllocationProblem {
  const regionalCaps: RegionalCap[] = read.caps.flatMap(({ subject, places }) =>
    model.entryYears.map((entryYear) => ({ subject, entryYear, places })),
  );
  return problemFromDataset(
    { ...dataset, partnershipPlans: read.plans },
    {
      need: model.need,
      entryYears: model.entryYears,
      coldSpotWeights: weights,
      conversionRates: model.conversionRates,
      regionalCaps,
      rules: read.rules,
      partnershipLimits: read.limits,
    },
  );
}
