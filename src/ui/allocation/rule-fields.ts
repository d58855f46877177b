/**
 * The rule settings and partnership limits a manager types on the Allocation page, read and
 * checked: each problem names its field, in the words of the rule catalogue
 * (src/allocation/rule-settings.ts). A capacity below what the stability rule keeps of last
 * year's places is an error at that capacity (never silently raised), saying what would fix it.
 */
import { datasetRuleSettings } from '../../allocation/from-dataset.ts';
import {
  RULE_DOCS,
  ruleValueProblem,
  type RuleKey,
  type RuleSettings,
} from '../../allocation/rule-settings.ts';
import { stabilityBand } from '../../allocation/rules.ts';
import { MAX_COUNT } from '../../allocation/problem-schema.ts';
import type { PartnershipSubjectPlan, RegionDataset } from '../../data/types.ts';
import { fieldIds, type InputError } from './allocation-settings.ts';

export interface LimitEdit {
  totalCapacity: string;
  mentorCapacity: string;
}

export type PartnershipLimits = Record<
  string,
  { totalCapacity: number | null; mentorCapacity: number | null }
>;

/** A number typed by a person: commas and spaces allowed, blank is null, junk is NaN. */
export function readTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '');
  return cleaned === '' ? null : Number(cleaned);
}

/** The dataset's rule settings as the form shows them (blank: the rule is off). */
export function defaultRuleTexts(dataset: RegionDataset): Record<RuleKey, string> {
  const fromData = datasetRuleSettings(dataset);
  return Object.fromEntries(
    RULE_DOCS.map((doc) => {
      const value = doc.key in fromData ? fromData[doc.key] : doc.defaultValue;
      return [doc.key, value === null || value === undefined ? '' : String(value)];
    }),
  ) as Record<RuleKey, string>;
}

/** Each typed rule setting, or null where blank (the rule's "off"); errors name the field. */
export function readRules(
  texts: Record<RuleKey, string>,
  errors: InputError[],
): Partial<RuleSettings> {
  const rules: Partial<RuleSettings> = {};
  for (const doc of RULE_DOCS) {
    const value = readTypedNumber(texts[doc.key] ?? '');
    if (value === null) {
      rules[doc.key] = null;
      continue;
    }
    const problem = ruleValueProblem(doc, value);
    if (problem) errors.push({ fieldId: fieldIds.rule(doc.key), text: `${doc.label} ${problem}` });
    else rules[doc.key] = value;
  }
  return rules;
}

/** Edited total and mentor capacities; the others keep the dataset's. */
export function readLimits(
  dataset: RegionDataset,
  edits: Record<string, LimitEdit>,
  errors: InputError[],
): PartnershipLimits {
  const limits: PartnershipLimits = {};
  for (const partnership of dataset.partnerships) {
    const edit = edits[partnership.code];
    if (!edit) continue;
    const read = (text: string, fieldId: string, what: string): number | null => {
      const value = readTypedNumber(text);
      if (value === null) return null;
      if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
        errors.push({
          fieldId,
          text: `${partnership.name} ${what} must be a whole number from 0 to ${MAX_COUNT.toLocaleString('en-GB')}, or blank for no limit`,
        });
      }
      return value;
    };
    limits[partnership.code] = {
      totalCapacity: read(
        edit.totalCapacity,
        fieldIds.totalCapacity(partnership.code),
        'total capacity',
      ),
      mentorCapacity: read(
        edit.mentorCapacity,
        fieldIds.mentorCapacity(partnership.code),
        'mentor capacity',
      ),
    };
  }
  return limits;
}

/** What the form shows for a partnership's limits: its edit, else the dataset's figures. */
export function limitTexts(dataset: RegionDataset, code: string, edit?: LimitEdit): LimitEdit {
  if (edit) return edit;
  const limit = dataset.partnershipLimits?.find((l) => l.partnershipCode === code);
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    totalCapacity: text(limit?.totalCapacity),
    mentorCapacity: text(limit?.mentorCapacity),
  };
}

/**
 * An error at each capacity below the places the stability rule keeps: last year's allocation
 * less the most it may shrink. Places fixed outside the allocation (Teach First) have no band.
 */
export function capacitiesBelowBand(
  dataset: RegionDataset,
  plans: readonly PartnershipSubjectPlan[],
  rules: Partial<RuleSettings>,
  errors: InputError[],
): void {
  const band = rules.stabilityBand;
  if (band === null || band === undefined) return;
  const settings = {
    band,
    minimumBandPlaces: rules.stabilityMinimumPlaces ?? 0,
    trackRecordThreshold: rules.trackRecordThreshold ?? 1,
    trackRecordBonus: rules.trackRecordBonus ?? 0,
  };
  const partnerships = new Map(dataset.partnerships.map((p) => [p.code, p]));
  for (const plan of plans) {
    const partnership = partnerships.get(plan.partnershipCode);
    if (!partnership || partnership.type === 'Teach First' || plan.lastYearAllocation === 0) {
      continue;
    }
    const { decrease } = stabilityBand(
      {
        partnershipCode: plan.partnershipCode,
        subject: plan.subject,
        route: 'SCITT',
        capacity: plan.capacity,
        minimumCohort: plan.minimumCohort,
        lastYearAllocation: plan.lastYearAllocation,
        recentAllocated: plan.lastYearAllocation,
        recentRecruited: plan.lastYearRecruited,
        fixedPlaces: null,
        conversionRate: null,
      },
      settings,
    );
    const kept = plan.lastYearAllocation - decrease;
    if (Number.isFinite(plan.capacity) && plan.capacity < kept) {
      errors.push({
        fieldId: fieldIds.capacity(plan.partnershipCode, plan.subject),
        text: `${partnership.name}, ${plan.subject} capacity (${plan.capacity}) is below the ${kept} places the stability rule keeps (last year's ${plan.lastYearAllocation}, at most ${decrease} fewer): type at least ${kept}, or widen the stability band`,
      });
    }
  }
}
