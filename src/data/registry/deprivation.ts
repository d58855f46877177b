/** English Indices of Deprivation by LSOA, and 2015 aggregates by MSOA and district. */
import { z } from 'zod';
import { calendarYear, gssCode, optionalNumber, provenanceCell, text } from '../cells.ts';
import { OGL } from './citations.ts';
import { tableFile } from './entry.ts';

const IMD =
  'github.com/humaniverse/IMD @2f6c9050afee99a40041eb63b02b6b0c58850704 (data/*.rda converted with R)';
const IMD2015_SOURCE =
  'English Indices of Deprivation 2015 (DCLG, 30 Sep 2015), via humaniverse/IMD; OGL v3';
const IMD2019_SOURCE = 'English Indices of Deprivation 2019 (MHCLG), via humaniverse/IMD; OGL v3';
const IMD_DERIVED_SOURCE =
  'Derived, not official: IoD2015 LSOA scores aggregated by the humaniverse/IMD authors (population-weighted); OGL v3';

const rank = () => optionalNumber({ min: 1, max: 32844, integer: true });
const decile = () => optionalNumber({ min: 1, max: 10, integer: true });

const lsoaColumns = {
  time_period: calendarYear(),
  lad_code: gssCode(),
  lsoa_code: gssCode(),
  lsoa_name: text(),
};

/** Every LSOA belongs to a district, and every district has its LSOAs. */
const lsoaJoins = [
  { column: 'lad_code', in: 'districts' },
  { column: 'lad_code', covers: 'districts', what: 'LSOA' },
] as const;

export const imd2015Lsoa = tableFile({
  key: 'imd2015Lsoa',
  path: 'imd2015_lsoa.csv',
  title:
    'English Indices of Deprivation 2015 by LSOA: IMD score, rank, decile and education sub-domains',
  source: `DCLG IoD2015 (Files 1, 5, 7) via ${IMD}`,
  date: '30 September 2015',
  licence: `${OGL} (package MIT, data OGL v3)`,
  provenance: ['published'],
  notes: 'Rank 1 = most deprived of 32,844 LSOAs; higher score = more deprived.',
  table: {
    title: 'IMD 2015 (LSOA)',
    row: z.object({
      ...lsoaColumns,
      msoa_code: gssCode(),
      imd2015_score: optionalNumber({ min: 0, max: 100 }),
      imd2015_rank: rank(),
      imd2015_decile: decile(),
      imd2015_children_and_young_people_subdomain_score: optionalNumber(),
      imd2015_adult_skills_subdomain_score: optionalNumber(),
    }),
    key: ['lsoa_code'],
  },
  joins: lsoaJoins,
  indicators: {
    level: 'lsoa',
    area: 'lsoa_code',
    source: IMD2015_SOURCE,
    provenance: 'published',
    columns: [
      {
        id: 'imd2015_score',
        label: 'IMD 2015 score',
        higherIsWorse: true,
        unit: 'score',
        column: 'imd2015_score',
      },
      {
        id: 'imd2015_rank',
        label: 'IMD 2015 rank (1 = most deprived)',
        higherIsWorse: false,
        unit: 'rank',
        column: 'imd2015_rank',
      },
      {
        id: 'imd2015_decile',
        label: 'IMD 2015 decile (1 = most deprived 10%)',
        higherIsWorse: false,
        unit: 'decile',
        column: 'imd2015_decile',
      },
      {
        id: 'imd2015_cyp_education_score',
        label: 'IMD 2015 education: children and young people sub-domain score',
        higherIsWorse: true,
        unit: 'score',
        column: 'imd2015_children_and_young_people_subdomain_score',
      },
      {
        id: 'imd2015_adult_skills_score',
        label: 'IMD 2015 education: adult skills sub-domain score',
        higherIsWorse: true,
        unit: 'score',
        column: 'imd2015_adult_skills_subdomain_score',
      },
    ],
  },
});

export const imd2019Lsoa = tableFile({
  key: 'imd2019Lsoa',
  path: 'imd2019_lsoa.csv',
  title: 'English Indices of Deprivation 2019 by LSOA: IMD and domain ranks and deciles',
  source: `MHCLG IoD2019 via ${IMD}`,
  date: '26 September 2019',
  licence: OGL,
  provenance: ['published'],
  notes: 'No scores and no IDACI in this source. Rank 1 / decile 1 = most deprived.',
  table: {
    title: 'IMD 2019 (LSOA)',
    row: z.object({
      ...lsoaColumns,
      imd2019_imd_rank: rank(),
      imd2019_imd_decile: decile(),
      imd2019_education_rank: rank(),
      imd2019_education_decile: decile(),
    }),
    key: ['lsoa_code'],
  },
  joins: lsoaJoins,
  indicators: {
    level: 'lsoa',
    area: 'lsoa_code',
    source: IMD2019_SOURCE,
    provenance: 'published',
    columns: [
      {
        id: 'imd2019_rank',
        label: 'IMD 2019 rank (1 = most deprived)',
        higherIsWorse: false,
        unit: 'rank',
        column: 'imd2019_imd_rank',
      },
      {
        id: 'imd2019_decile',
        label: 'IMD 2019 decile (1 = most deprived 10%)',
        higherIsWorse: false,
        unit: 'decile',
        column: 'imd2019_imd_decile',
      },
      {
        id: 'imd2019_education_rank',
        label: 'IMD 2019 education, skills and training rank (1 = most deprived)',
        higherIsWorse: false,
        unit: 'rank',
        column: 'imd2019_education_rank',
      },
      {
        id: 'imd2019_education_decile',
        label: 'IMD 2019 education, skills and training decile (1 = most deprived 10%)',
        higherIsWorse: false,
        unit: 'decile',
        column: 'imd2019_education_decile',
      },
    ],
  },
});

const derivedColumns = {
  provenance: provenanceCell(),
  imd2015_popweighted_score: optionalNumber({ min: 0, max: 100 }),
  imd2015_proportion_lsoas_most_deprived_10pc: optionalNumber({ min: 0, max: 1 }),
  imd2015_extent: optionalNumber({ min: 0, max: 1 }),
};

export const imd2015Msoa = tableFile({
  key: 'imd2015Msoa',
  path: 'imd2015_msoa_derived.csv',
  title: 'IMD 2015 aggregated to MSOA (derived, not official)',
  source: `${IMD} data/imd2015_england_msoa11.rda`,
  date: '2015 indices; package 2025',
  licence: OGL,
  provenance: ['derived'],
  notes:
    'Population-weighted LSOA scores, share of LSOAs in the most deprived 10% and extent, computed by the package authors.',
  table: {
    title: 'IMD 2015 (MSOA, derived)',
    row: z.object({
      lad_code: gssCode(),
      msoa_code: gssCode(),
      msoa_name: text(),
      ...derivedColumns,
    }),
    key: ['msoa_code'],
  },
  joins: [{ column: 'lad_code', in: 'districts' }],
  indicators: {
    level: 'msoa',
    area: 'msoa_code',
    source: IMD_DERIVED_SOURCE,
    provenance: 'derived',
    columns: [
      {
        id: 'imd2015_msoa_score',
        label: 'IMD 2015 population-weighted score (MSOA, derived)',
        higherIsWorse: true,
        unit: 'score',
        column: 'imd2015_popweighted_score',
      },
      {
        id: 'imd2015_msoa_most_deprived_share',
        label: 'Share of LSOAs in the most deprived 10% (MSOA, derived)',
        higherIsWorse: true,
        unit: 'proportion',
        column: 'imd2015_proportion_lsoas_most_deprived_10pc',
      },
      {
        id: 'imd2015_msoa_extent',
        label: 'IMD 2015 extent (MSOA, derived)',
        higherIsWorse: true,
        unit: 'proportion',
        column: 'imd2015_extent',
      },
    ],
  },
});

export const imd2015Lad = tableFile({
  key: 'imd2015Lad',
  path: 'imd2015_lad_derived.csv',
  title: 'IMD 2015 aggregated to district (derived, not the official LA summaries)',
  source: `${IMD} data/imd2015_england_ltla21.rda`,
  date: '2015 indices; package 2025',
  licence: OGL,
  provenance: ['derived'],
  notes: 'The proportion column matches the LSOA deciles for all nine districts.',
  table: {
    title: 'IMD 2015 (district, derived)',
    row: z.object({ lad_code: gssCode(), lad_name: text(), ...derivedColumns }),
    key: ['lad_code'],
  },
  joins: [{ column: 'lad_code', in: 'districts' }],
  indicators: {
    level: 'district',
    area: 'lad_code',
    source: IMD_DERIVED_SOURCE,
    provenance: 'derived',
    columns: [
      {
        id: 'imd2015_district_score',
        label: 'IMD 2015 population-weighted score (district, derived)',
        higherIsWorse: true,
        unit: 'score',
        column: 'imd2015_popweighted_score',
      },
      {
        id: 'imd2015_district_most_deprived_share',
        label: 'Share of LSOAs in the most deprived 10% (district, derived)',
        higherIsWorse: true,
        unit: 'proportion',
        column: 'imd2015_proportion_lsoas_most_deprived_10pc',
      },
      {
        id: 'imd2015_district_extent',
        label: 'IMD 2015 extent (district, derived)',
        higherIsWorse: true,
        unit: 'proportion',
        column: 'imd2015_extent',
      },
    ],
  },
});

/** In the order the Data sources page lists them. */
export const deprivationFiles = [imd2015Lsoa, imd2019Lsoa, imd2015Msoa, imd2015Lad] as const;
