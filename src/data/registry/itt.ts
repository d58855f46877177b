/**
 * Initial teacher training: the partnerships working in the region, their training partners,
 * where their NQTs take first posts, their (illustrative) plans, and the illustrative in-year
 * allocation and returns the In-year page starts from.
 */
import { z } from 'zod';
import { PLACES } from './ranges.ts';
import {
  districtCodeOrOutside,
  geographicLevel,
  gssCode,
  numberCell,
  oneOf,
  optionalGssCode,
  optionalText,
  partnershipCode,
  provenanceCell,
  text,
} from '../cells.ts';
import { PARTNERSHIP_TYPES } from '../schemas.ts';
import { SUBJECT_GROUPS } from '../types.ts';
import {
  COMPENDIUM,
  GENERATED_DATE,
  ILLUSTRATIVE_LICENCE,
  OGL,
  REGISTER,
  REGISTER_LICENCE,
} from './citations.ts';
import { sharesSumToOne } from './checks.ts';
import { tableFile, type ListedFile } from './entry.ts';

export const trainingPartners = tableFile({
  key: 'trainingPartners',
  path: 'itt_training_partners.csv',
  title: 'Current training partners of each partnership',
  source: REGISTER,
  date: 'Register snapshot 21 August 2026',
  licence: REGISTER_LICENCE,
  provenance: ['published'],
  notes:
    "Links active in cycle 2025 or 2026; district from the register's location (z = outside the region). Some names keep the source's encoding faults.",
  table: {
    title: 'training partners',
    row: z.object({
      partnership_code: partnershipCode(),
      training_partner_code: text(),
      training_partner_name: text(),
      partner_lad_code: optionalGssCode(),
    }),
    key: ['partnership_code', 'training_partner_code'],
  },
  joins: [
    { column: 'partner_lad_code', in: 'districts' },
    { column: 'partnership_code', in: 'partnerships' },
  ],
});

export const employmentFootprints = tableFile({
  key: 'employmentFootprints',
  path: 'itt_employment_footprints.csv',
  title: "Share of each partnership's NQTs whose first post is in each district (or outside)",
  source: `${COMPENDIUM}; ${REGISTER}; district centroids from data/geo/scr_lad.topo.json; pupils from district_phase_baseline.csv`,
  date: 'NQTs graduating 2010-2015',
  licence: OGL,
  provenance: ['estimated'],
  notes:
    "ESTIMATED: within-25 km share stays in the training location's district, over-100 km share goes outside, half of the 25-100 km share goes outside (assumption) and the rest to the other districts by pupils x exp(-distance/40 km). Providers without their own compendium row use the Yorkshire and The Humber all-providers row (46% / 14%).",
  table: {
    title: 'employment footprints',
    row: z.object({
      partnership_code: partnershipCode(),
      destination_code: districtCodeOrOutside(),
      provenance: provenanceCell(),
      footprint_share: numberCell({ min: 0, max: 1 }),
    }),
    key: ['partnership_code', 'destination_code'],
    tableChecks: (rows) =>
      sharesSumToOne(
        rows,
        (r) => r.partnership_code,
        (r) => r.footprint_share,
        'footprint_share',
        (code) => `footprint shares of ${code}`,
      ),
  },
  joins: [
    { column: 'partnership_code', in: 'partnerships' },
    { column: 'destination_code', in: 'districts', orAlso: ['outside'] },
    { column: 'partnership_code', covers: 'partnerships', what: 'footprint' },
  ],
});

export const partnerships = tableFile({
  key: 'partnerships',
  path: 'itt_partnerships.csv',
  title: 'ITT provider partnerships working in the region',
  source: REGISTER,
  date: 'Register snapshot 21 August 2026 (recruitment cycles 2025 and 2026)',
  licence: REGISTER_LICENCE,
  provenance: ['published', 'estimated'],
  notes:
    'Accredited providers with a training partner in SCR active in cycle 2025 or 2026. Type: hei -> HEI, scitt -> SCITT, Teach First by name; no accredited provider here is a School Direct lead or an apprenticeship provider. e-Qualitas (E69) and Tes Institute (H40) are registered in Sheffield but their partners are all outside SCR, so they are left out; Doncaster ITT Partnership (D51) is no longer accredited and has no current accredited link. in_region_share is ESTIMATED (method column).',
  table: {
    title: 'partnerships',
    row: z.object({
      provider_name: text(),
      partnership_code: partnershipCode(),
      partnership_type: oneOf(PARTNERSHIP_TYPES, 'partnership type'),
      home_lad_code: optionalGssCode(),
      in_region_share_provenance: provenanceCell(),
      footprint_provenance: provenanceCell(),
      footprint_method: text(),
      in_region_share: numberCell({ min: 0, max: 1 }),
    }),
    key: ['partnership_code'],
  },
  joins: [{ column: 'home_lad_code', in: 'districts' }],
  codes: {
    name: 'partnerships',
    description: 'a partnership in itt_partnerships.csv',
    column: 'partnership_code',
    inDataset: (dataset) => dataset.partnerships,
  },
  dataset: {
    fields: ['partnerships'],
    alsoReads: [trainingPartners, employmentFootprints],
    build: ({ rows, rowsOf }) => ({
      partnerships: rows.map(({ value: r }) => ({
        code: r.partnership_code,
        name: r.provider_name,
        type: r.partnership_type,
        homeDistrictCode: r.home_lad_code,
        trainingPartners: rowsOf(trainingPartners)
          .filter(({ value: p }) => p.partnership_code === r.partnership_code)
          .map(({ value: p }) => ({
            code: p.training_partner_code,
            name: p.training_partner_name,
            districtCode: p.partner_lad_code,
          })),
        inRegionShare: r.in_region_share,
        inRegionShareProvenance: r.in_region_share_provenance,
        employmentFootprint: Object.fromEntries(
          rowsOf(employmentFootprints)
            .filter(({ value: f }) => f.partnership_code === r.partnership_code)
            .map(({ value: f }) => [f.destination_code, f.footprint_share]),
        ),
        footprintProvenance: r.footprint_provenance,
        footprintMethod: r.footprint_method,
      })),
    }),
  },
});

export const nqtFirstPostDistances = tableFile({
  key: 'nqtFirstPostDistances',
  path: 'itt_nqt_first_post_distance.csv',
  title:
    "% of an ITT provider's NQTs whose first post was within 25 km or over 100 km of it, by provider and region",
  source: `${COMPENDIUM}, provider pages itt_graduates/*.html; source copy data/source/stats/nqt_first_post_distance_by_itt_provider.csv`,
  date: 'February 2018 (NQTs graduating 2010 to 2015)',
  licence: OGL,
  provenance: ['published'],
  notes:
    'Providers in the 2017/18 ITT census with more than 50 graduates found in the School Workforce Census; distance from the provider to the first NQT school. Regional "All providers" rows for East Midlands, North East, North West, South West, West Midlands and Yorkshire and The Humber (the other regions\' pages are empty in the source). partnership_code links a provider to the partnership of the same name in the region (z = none); the employment footprints use these rows.',
  table: {
    title: 'NQT first-post distances',
    row: z.object({
      geographic_level: geographicLevel(['Regional', 'Provider'] as const),
      region_code: gssCode(),
      provider_name: optionalText(),
      partnership_code: optionalText(),
      first_post_within_25km_percent: numberCell({ min: 0, max: 100 }),
      first_post_over_100km_percent: numberCell({ min: 0, max: 100 }),
    }),
    key: ['geographic_level', 'region_code', 'provider_name'],
    tableChecks: (rows) =>
      rows.flatMap(({ line, value }) =>
        value.first_post_within_25km_percent + value.first_post_over_100km_percent > 100
          ? [
              {
                line,
                column: 'first_post_over_100km_percent',
                reason: 'with the within-25 km share, is over 100%',
              },
            ]
          : [],
      ),
  },
  joins: [{ column: 'partnership_code', in: 'partnerships' }],
});

export const partnershipPlans = tableFile({
  key: 'partnershipPlans',
  path: 'illustrative_partnership_subject_plans.csv',
  title:
    'ILLUSTRATIVE capacity, minimum cohort, last allocation and recruitment per partnership and subject',
  source:
    'Generated by scripts/build-data/plans.ts (seed 20260423) from partnership type and size and the subject shares',
  date: GENERATED_DATE,
  licence: ILLUSTRATIVE_LICENCE,
  provenance: ['illustrative'],
  notes:
    'No official trainee numbers per provider were found. Every figure here is ILLUSTRATIVE and must be replaced by real planning figures before use.',
  table: {
    title: 'partnership plans',
    row: z.object({
      partnership_code: partnershipCode(),
      subject: oneOf(SUBJECT_GROUPS, 'subject group'),
      provenance: provenanceCell(),
      capacity: numberCell(PLACES),
      minimum_cohort: numberCell(PLACES),
      last_year_allocation: numberCell(PLACES),
      last_year_recruited: numberCell(PLACES),
    }),
    key: ['partnership_code', 'subject'],
    tableChecks: (rows) =>
      rows.flatMap(({ line, value }) =>
        value.capacity > 0 && value.minimum_cohort > value.capacity
          ? [
              {
                line,
                column: 'minimum_cohort',
                reason: `${value.minimum_cohort} exceeds the capacity ${value.capacity}`,
              },
            ]
          : [],
      ),
  },
  joins: [{ column: 'partnership_code', in: 'partnerships' }],
  dataset: {
    fields: ['partnershipPlans'],
    build: ({ rows }) => ({
      partnershipPlans: rows.map(({ value: r }) => ({
        partnershipCode: r.partnership_code,
        subject: r.subject,
        capacity: r.capacity,
        minimumCohort: r.minimum_cohort,
        lastYearAllocation: r.last_year_allocation,
        lastYearRecruited: r.last_year_recruited,
        provenance: r.provenance,
      })),
    }),
  },
});

const IN_YEAR_SOURCE = 'Generated by test/fixtures/returns/make-illustrative-returns.ts';

/** Read by the In-year page (src/redistribution validates them), not by the region loader. */
export const inYearFiles: readonly ListedFile[] = [
  {
    role: 'listed',
    key: 'illustrativeAllocation',
    path: 'illustrative_allocation_202526.csv',
    title:
      'ILLUSTRATIVE allocation of ITT places 2025/26 per partnership and subject, with capacity and need weight',
    source: `${IN_YEAR_SOURCE} from illustrative_partnership_subject_plans.csv (last allocation, capacity)`,
    date: GENERATED_DATE,
    licence: ILLUSTRATIVE_LICENCE,
    provenance: ['illustrative'],
    notes:
      'The starting allocation of the In-year page. No official allocation by provider and subject is published: every figure is ILLUSTRATIVE. Need weights are all 1 (average) except where the file says otherwise.',
  },
  ...(['202425', '202526'] as const).map((period): ListedFile => ({
    role: 'listed',
    key: `illustrativeReturns${period}`,
    path: `illustrative_recruitment_returns_${period}.csv`,
    title: `ILLUSTRATIVE monthly recruitment returns ${period.slice(0, 4)}/${period.slice(4)} per partnership and subject`,
    source: `${IN_YEAR_SOURCE} (d3-random randomLcg(20250331)) from the illustrative partnership plans`,
    date: GENERATED_DATE,
    licence: ILLUSTRATIVE_LICENCE,
    provenance: ['illustrative'],
    notes: `Applications, offers, recruited and withdrawn by month of the October-September cycle${period === '202425' ? ' (a complete past cycle: the In-year page fits its recruitment curve from it)' : ' (October to March: the current cycle the In-year page tracks)'}. No monthly ITT returns by provider are public: every figure is ILLUSTRATIVE.`,
  })),
];

/** In the order the Data sources page lists them (the loader reads partnerships before the files that join to them). */
export const ittFiles = [
  partnerships,
  trainingPartners,
  employmentFootprints,
  nqtFirstPostDistances,
  partnershipPlans,
  ...inYearFiles,
] as const;
