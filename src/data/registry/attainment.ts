/**
 * Attainment and free school meals by education LA, shown by district on the maps (county
 * figures for shire districts).
 */
import { z } from 'zod';
import {
  academicYear,
  geographicLevel,
  optionalGssCode,
  optionalNumber,
  optionalText,
} from '../cells.ts';
import { COUNTY_CAVEAT, OGL } from './citations.ts';
import { tableFile } from './entry.ts';

const laLevelColumns = {
  time_period: academicYear(),
  geographic_level: geographicLevel(['National', 'Regional', 'Local authority'] as const),
  new_la_code: optionalGssCode(),
  la_name: optionalText(),
};

const LAIT_FILE = {
  source:
    'DfE Local Authority Interactive Tool, github.com/dfe-analytical-services/local-authority-interactive-tool 01_data/02_prod/bds_long_0.parquet @2e30e3959a6ab8b2d22941b84764da41a40ac91b',
  date: '8 April 2026',
  licence: `${OGL} (repository code MIT)`,
};
/** LAIT rows are LAs, England and regions; the maps show each district its LA's latest year. */
const laitColumns = { ...laLevelColumns, region_code: optionalGssCode() };
const LAIT_KEY = ['time_period', 'geographic_level', 'region_code', 'new_la_code'] as const;
const LAIT_BY_DISTRICT = {
  level: 'district',
  area: 'new_la_code',
  fromEducationLa: true,
  provenance: 'published',
  source:
    'DfE Local Authority Interactive Tool (LAIT), dfe-analytical-services/local-authority-interactive-tool @2e30e39; OGL v3',
} as const;

export const laitKs4 = tableFile({
  key: 'laitKs4',
  path: 'lait_la_attainment.csv',
  title: 'KS4 and KS2 attainment by LA, region and England, 2015/16-2024/25 (LAIT)',
  ...LAIT_FILE,
  provenance: ['published'],
  notes: `Academic-year measures only (free school meals in lait_la_free_school_meals.csv; NEET left out). LAIT '-' (not published, e.g. Progress 8 in 2019/20 and 2020/21) -> x. Attainment 8 series start 2015/16; 9-4 and 9-5 start 2016/17. The maps show the latest year by district: ${COUNTY_CAVEAT}`,
  table: {
    title: 'LAIT attainment',
    row: z.object({
      ...laitColumns,
      attainment8: optionalNumber({ min: 0, max: 90 }),
      progress8: optionalNumber({ min: -10, max: 10 }),
      english_maths_9_4_percent: optionalNumber({ min: 0, max: 100 }),
      english_maths_9_5_percent: optionalNumber({ min: 0, max: 100 }),
    }),
    key: LAIT_KEY,
  },
  indicators: {
    ...LAIT_BY_DISTRICT,
    columns: [
      {
        id: 'ks4_attainment8',
        label: 'KS4 average Attainment 8 score',
        higherIsWorse: false,
        unit: 'score',
        column: 'attainment8',
      },
      {
        id: 'ks4_english_maths_9_4',
        label: 'KS4 % achieving 9-4 in English and maths',
        higherIsWorse: false,
        unit: '%',
        column: 'english_maths_9_4_percent',
      },
      {
        id: 'ks4_progress8',
        label: 'KS4 average Progress 8 score',
        higherIsWorse: false,
        unit: 'score',
        column: 'progress8',
      },
    ],
  },
});

export const laitFsm = tableFile({
  key: 'laitFsm',
  path: 'lait_la_free_school_meals.csv',
  title: 'Pupils eligible for free school meals by LA, region and England, 2015/16-2024/25 (LAIT)',
  ...LAIT_FILE,
  provenance: ['published'],
  notes: `LAIT's 'Primary Free School Meals' and 'Secondary Free School Meals': the per cent of pupils in primary and in secondary schools eligible for free school meals at the January school census (time_period 202425 = January 2025). A measure of pupil disadvantage for the cold-spot index. The maps show the latest year by district: ${COUNTY_CAVEAT}`,
  table: {
    title: 'LAIT free school meals',
    row: z.object({
      ...laitColumns,
      fsm_primary_percent: optionalNumber({ min: 0, max: 100 }),
      fsm_secondary_percent: optionalNumber({ min: 0, max: 100 }),
    }),
    key: LAIT_KEY,
  },
  indicators: {
    ...LAIT_BY_DISTRICT,
    columns: [
      {
        id: 'fsm_primary_percent',
        label: '% of primary pupils eligible for free school meals',
        higherIsWorse: true,
        unit: '%',
        column: 'fsm_primary_percent',
      },
      {
        id: 'fsm_secondary_percent',
        label: '% of secondary pupils eligible for free school meals',
        higherIsWorse: true,
        unit: '%',
        column: 'fsm_secondary_percent',
      },
    ],
  },
});

export const gcse5ac = tableFile({
  key: 'gcse5ac',
  path: 'gcse_5ac_la_2010_2015.csv',
  title: '% 5+ A*-C GCSEs including English and maths by LA, 2009/10-2014/15',
  source:
    'Transcribed from Partnerships for Attainment (Sheffield Institute of Education, Sheffield Hallam University, working document, October 2016), appendix, from SCR Labour Market Review 2015',
  date: 'October 2016',
  licence:
    'No licence stated in the document; underlying DfE KS4 statistics OGL v3. Attribution: Partnerships for Attainment (Sheffield Institute of Education, 2016), appendix, from SCR Labour Market Review 2015.',
  provenance: ['published'],
  notes:
    'Derbyshire and Nottinghamshire figures include schools outside SCR. The 2013/14 KS4 reforms cause a series break. The SCR and SY averages of the table are left out (method not stated).',
  table: {
    title: '5+ A*-C GCSE',
    row: z.object({
      ...laLevelColumns,
      five_ac_em_percent: optionalNumber({ min: 0, max: 100 }),
    }),
    key: ['time_period', 'geographic_level', 'new_la_code'],
  },
  indicators: {
    level: 'district',
    area: 'new_la_code',
    fromEducationLa: true,
    provenance: 'published',
    source:
      'Partnerships for Attainment (Sheffield Institute of Education, 2016), appendix, from SCR Labour Market Review 2015 (underlying DfE KS4 statistics, OGL v3)',
    columns: [
      {
        id: 'gcse_5ac_em',
        label: '% 5+ A*-C GCSEs including English and maths',
        higherIsWorse: false,
        unit: '%',
        column: 'five_ac_em_percent',
      },
    ],
  },
});

/** In the order the Data sources page lists them. */
export const attainmentFiles = [laitKs4, laitFsm, gcse5ac] as const;
