/**
 * The allocation's settings files, built from the illustrative plans:
 *
 * - illustrative_partnership_limits.csv, ILLUSTRATIVE: total capacity = 90% of the sum of the
 *   partnership's subject capacities, at least last year's places; mentor capacity = placements
 *   for 10% more trainees than last year's, rounded up (every route here takes one year).
 * - illustrative_regional_caps.csv: no caps (z) for every subject in the entry years planned in
 *   December 2026; a region's own caps replace them.
 * - illustrative_allocation_rules.csv, ILLUSTRATIVE: the defaults of src/allocation/rule-settings.ts, with a
 *   pool of 5% for schools not engaged with any partnership.
 */
import { DEFAULT_RULE_SETTINGS, RULE_DOCS } from '../../src/allocation/rule-settings.ts';
import { planningEntryYears, toTimePeriod } from '../../src/data/academic-year.ts';
import { fixedClock } from '../../src/data/clock.ts';
import { ACADEMIC_YEAR, ENGLAND, type EesRow } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import { SUBJECT_GROUPS } from '../../src/data/types.ts';
import { builtFile, type BuiltFile } from './tables.ts';

/** The files describe the plan made on this date (the entry years it plans). */
const PLANNED_ON = fixedClock('2026-12-03');
const REGION = 'Sheffield City Region';
const ILLUSTRATIVE_POOL_SHARE = 0.05;

const regional = (timePeriod: string): EesRow => ({
  time_period: timePeriod,
  time_identifier: ACADEMIC_YEAR,
  geographic_level: 'Regional',
  ...ENGLAND,
  region_name: REGION,
});
const header = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
];
const firstEntryYear = toTimePeriod(planningEntryYears(PLANNED_ON())[0]!);

/** Each partnership's total and mentor capacity, from the rows of the illustrative plans. */
export function buildPartnershipLimits(plans: readonly EesRow[]): BuiltFile {
  const byPartnership = new Map<string, { capacity: number; last: number; row: EesRow }>();
  for (const row of plans) {
    const code = String(row.partnership_code);
    const sums = byPartnership.get(code) ?? { capacity: 0, last: 0, row };
    sums.capacity += Number(row.capacity);
    sums.last += Number(row.last_year_allocation);
    byPartnership.set(code, sums);
  }
  return builtFile(DATA_FILES.partnershipLimits, {
    columns: [
      ...header,
      'provider_ukprn',
      'provider_name',
      'partnership_code',
      'provenance',
      'total_capacity',
      'mentor_capacity',
    ],
    meta: [
      { name: 'partnership_code', type: 'Filter', label: 'Accredited provider code' },
      {
        name: 'provenance',
        type: 'Filter',
        label: 'Provenance: illustrative (made up for demonstration)',
      },
      {
        name: 'total_capacity',
        type: 'Indicator',
        label:
          'Trainees the partnership can take in an entry year, all subjects (ILLUSTRATIVE; z = not limited)',
        dp: 0,
      },
      {
        name: 'mentor_capacity',
        type: 'Indicator',
        label: 'School placements (trained mentors) in a year (ILLUSTRATIVE; z = not limited)',
        dp: 0,
      },
    ],
    rows: [...byPartnership].map(([code, { capacity, last, row }]) => ({
      time_period: firstEntryYear,
      time_identifier: ACADEMIC_YEAR,
      geographic_level: 'Provider',
      ...ENGLAND,
      provider_ukprn: row.provider_ukprn!,
      provider_name: row.provider_name!,
      partnership_code: code,
      provenance: 'illustrative',
      total_capacity: Math.max(last, Math.round(0.9 * capacity)),
      mentor_capacity: Math.ceil(1.1 * last),
    })),
  });
}

/** No regional caps (z) in the entry years planned in December 2026. */
export function buildRegionalCaps(): BuiltFile {
  return builtFile(DATA_FILES.regionalCaps, {
    columns: [...header, 'region_name', 'subject', 'provenance', 'places'],
    meta: [
      {
        name: 'subject',
        type: 'Filter',
        label: 'Subject group (Primary or a TWM secondary subject)',
      },
      { name: 'provenance', type: 'Filter', label: 'Provenance' },
      {
        name: 'places',
        type: 'Indicator',
        label:
          'Most places in the subject across the region in the entry year, in-region shares (z = no cap)',
        dp: 0,
      },
    ],
    rows: planningEntryYears(PLANNED_ON()).flatMap((year) =>
      SUBJECT_GROUPS.map((subject) => ({
        ...regional(toTimePeriod(year)),
        subject,
        provenance: 'illustrative',
        places: 'z',
      })),
    ),
  });
}

/** The allocation's rule settings: the defaults, with an illustrative pool share. */
export function buildAllocationRules(): BuiltFile {
  const value = (key: (typeof RULE_DOCS)[number]['key']) =>
    key === 'poolShare' ? ILLUSTRATIVE_POOL_SHARE : (DEFAULT_RULE_SETTINGS[key] ?? 'z');
  return builtFile(DATA_FILES.allocationRules, {
    columns: [...header, 'region_name', 'provenance', ...RULE_DOCS.map((doc) => doc.column)],
    meta: [
      {
        name: 'provenance',
        type: 'Filter',
        label: 'Provenance: illustrative (policy settings to replace)',
      },
      ...RULE_DOCS.map((doc) => ({
        name: doc.column,
        type: 'Indicator' as const,
        label: `${doc.label} (${doc.unit}; z = ${doc.offMeans})`,
        dp: doc.integer ? 0 : 2,
      })),
    ],
    rows: [
      {
        ...regional(firstEntryYear),
        provenance: 'illustrative',
        ...Object.fromEntries(RULE_DOCS.map((doc) => [doc.column, value(doc.key)])),
      },
    ],
  });
}
