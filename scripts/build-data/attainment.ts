/** Attainment by LA: the LAIT measures and the 5+ A*-C GCSE table (2009/10-2014/15). */
import { academicYear, consecutiveYears, toTimePeriod } from '../../src/data/academic-year.ts';
import {
  ACADEMIC_YEAR,
  eesArea,
  eesColumns,
  eesLocation,
  type EesRow,
} from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import { field, readSource } from './source.ts';
import { builtFile, filter, indicator, optionalNumber, type BuiltFile } from './tables.ts';

type LaitMeasure = [source: string, name: string, label: string, dp: number, unit: '' | '%'];

/** LAIT academic-year measures kept, with the tidy indicator name, label and decimals. */
const LAIT_MEASURES: LaitMeasure[] = [
  ['AVG_Attain8_Score', 'attainment8', 'Average Attainment 8 score per pupil', 1, ''],
  ['AVG_Prog8_Score', 'progress8', 'Average Progress 8 score per pupil', 2, ''],
  ['EngMaths9-4', 'english_maths_9_4_percent', '% achieving 9-4 in English and maths', 1, '%'],
  ['EngMaths9-5', 'english_maths_9_5_percent', '% achieving 9-5 in English and maths', 1, '%'],
  ['DAP_KS4_ATT8', 'attainment8_disadvantaged', 'Attainment 8: disadvantaged pupils', 1, ''],
  [
    'NonDAP_KS4_ATT8',
    'attainment8_non_disadvantaged',
    'Attainment 8: non-disadvantaged pupils',
    1,
    '',
  ],
  ['FSM_AVG_Attain8_Score', 'attainment8_fsm', 'Attainment 8: pupils eligible for FSM', 1, ''],
  [
    'NonFSM_AVG_Attain8_Score',
    'attainment8_non_fsm',
    'Attainment 8: pupils not eligible for FSM',
    1,
    '',
  ],
  ['DAP_KS4_Prog8', 'progress8_disadvantaged', 'Progress 8: disadvantaged pupils', 2, ''],
  [
    'NonDAP_KS4_Prog8',
    'progress8_non_disadvantaged',
    'Progress 8: non-disadvantaged pupils',
    2,
    '',
  ],
  [
    'KS2RWM_Expected_STD',
    'ks2_rwm_expected_percent',
    'KS2 % reaching the expected standard in reading, writing and maths',
    0,
    '%',
  ],
];

const NONE = { code: 'z', name: 'z', oldLaCode: 'z' };

/** A LAIT row's level and area: England, a region or an LA (the other area columns z). */
function laitLocation(areaType: string, code: string, name: string, laNumber: string) {
  if (areaType === 'country') {
    return {
      ...eesLocation('National'),
      ...eesArea('Regional', NONE),
      ...eesArea('Local authority', NONE),
    };
  }
  if (areaType === 'region') {
    return { ...eesLocation('Regional', { code, name }), ...eesArea('Local authority', NONE) };
  }
  return {
    ...eesLocation('Local authority', { code, name, oldLaCode: laNumber }),
    ...eesArea('Regional', NONE),
  };
}

/** The LAIT measures of one year type as tidy rows: one per area and year, England first. */
function laitTable(yearType: string, measures: readonly LaitMeasure[], grouping: string) {
  const rows = readSource('stats/lait_la_indicators_scr.csv').filter(
    (r) =>
      field(r, 'year_type') === yearType &&
      measures.some(([source]) => source === field(r, 'measure_short')),
  );
  const cells = new Map<string, Map<string, string>>();
  const areas = new Map<string, Record<string, string>>();
  for (const r of rows) {
    // LAIT year 2025 is 2024/25 for academic-year measures and the January 2025 census alike.
    const year = Number(field(r, 'lait_year'));
    const timePeriod = `${year - 1}${String(year % 100).padStart(2, '0')}`;
    const key = `${field(r, 'gss_code')}|${timePeriod}`;
    areas.set(key, { ...r, time_period: timePeriod });
    if (!cells.has(key)) cells.set(key, new Map());
    cells.get(key)?.set(field(r, 'measure_short'), field(r, 'value'));
  }
  const order = (level: string) => ({ National: 0, Regional: 1, 'Local authority': 2 })[level] ?? 3;
  const tableRows = [...areas.entries()]
    .map(([key, r]) => {
      const values = cells.get(key) as Map<string, string>;
      return {
        time_period: field(r, 'time_period'),
        time_identifier: ACADEMIC_YEAR,
        ...laitLocation(
          field(r, 'area_type'),
          field(r, 'gss_code'),
          field(r, 'area_name'),
          field(r, 'dfe_la_number'),
        ),
        ...Object.fromEntries(
          measures.map(([source, name]) => {
            const raw = values.get(source);
            // LAIT '-' = not published (e.g. Progress 8 in 2019/20 and 2020/21): x.
            return [name, raw === undefined || raw === '-' || raw === '' ? 'x' : Number(raw)];
          }),
        ),
      } as EesRow;
    })
    .sort(
      (a, b) =>
        order(String(a.geographic_level)) - order(String(b.geographic_level)) ||
        String(a.region_code).localeCompare(String(b.region_code)) ||
        String(a.old_la_code).localeCompare(String(b.old_la_code)) ||
        String(a.time_period).localeCompare(String(b.time_period)),
    );
  return {
    columns: [...eesColumns('Regional', 'Local authority'), ...measures.map(([, n]) => n)],
    meta: measures.map(([, n, label, dp, unit]) => indicator(n, label, dp, unit, grouping)),
    rows: tableRows,
  };
}

export function buildLait(): BuiltFile {
  return builtFile(DATA_FILES.laitKs4, laitTable('Academic Year', LAIT_MEASURES, 'LAIT'));
}

/** LAIT's free school meals measures (January school census), shown by district on the maps. */
const LAIT_FSM_MEASURES: LaitMeasure[] = [
  [
    'PriFSM',
    'fsm_primary_percent',
    '% of pupils eligible for free school meals: primary (January census)',
    1,
    '%',
  ],
  [
    'SecFSM',
    'fsm_secondary_percent',
    '% of pupils eligible for free school meals: secondary (January census)',
    1,
    '%',
  ],
];

export function buildLaitFsm(): BuiltFile {
  return builtFile(
    DATA_FILES.laitFsm,
    laitTable('Annual - January', LAIT_FSM_MEASURES, 'LAIT free school meals'),
  );
}

export function buildGcse5ac(): BuiltFile {
  const rows = readSource('stats/gcse_5ac_2010_2015.csv').filter((r) =>
    ['country', 'county_la', 'metropolitan_district_la'].includes(field(r, 'area_type')),
  );
  const years = consecutiveYears(academicYear('2009/10'), 6);
  return builtFile(DATA_FILES.gcse5ac, {
    columns: [
      ...eesColumns('Local authority'),
      'includes_schools_outside_region',
      'five_ac_em_percent',
    ],
    meta: [
      filter(
        'includes_schools_outside_region',
        'County-wide figure that includes schools outside SCR (yes / no / z)',
      ),
      indicator(
        'five_ac_em_percent',
        '% of pupils gaining 5+ A*-C GCSEs including English and maths',
        1,
        '%',
        'KS4 (pre-2016 measure)',
      ),
    ],
    rows: rows.flatMap((r) =>
      years.map((year) => {
        const isCountry = field(r, 'area_type') === 'country';
        return {
          time_period: toTimePeriod(year),
          time_identifier: ACADEMIC_YEAR,
          ...(isCountry
            ? { ...eesLocation('National'), ...eesArea('Local authority', NONE) }
            : eesLocation('Local authority', {
                code: field(r, 'gss_code'),
                name: field(r, 'area'),
                oldLaCode: field(r, 'education_la_code'),
              })),
          includes_schools_outside_region: field(r, 'includes_schools_outside_scr') || 'z',
          five_ac_em_percent: optionalNumber(field(r, year)),
        };
      }),
    ),
  });
}
