/** English Indices of Deprivation: 2015 and 2019 by LSOA, 2015 aggregates by MSOA and district. */
import { eesArea, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import type { DistrictSource } from './districts.ts';
import { field, readSource } from './source.ts';
import { builtFile, filter, indicator, optionalNumber, type BuiltFile } from './tables.ts';

export function buildImd(districts: DistrictSource[]): BuiltFile[] {
  const files: BuiltFile[] = [];
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const lsoaColumns = [
    ...eesColumns('Local authority district'),
    'msoa_code',
    'lsoa_code',
    'lsoa_name',
  ];
  const area = (ladCode: string, msoa: string, lsoa: string, lsoaName: string, year: string) => {
    const d = byCode.get(ladCode);
    if (!d) throw new Error(`IMD area in unknown district ${ladCode}`);
    return {
      time_period: year,
      time_identifier: 'Calendar year',
      ...eesLocation('LSOA', { code: lsoa, name: lsoaName }),
      ...eesArea('Local authority district', d),
      msoa_code: msoa,
    };
  };
  const imd2015 = readSource('stats/imd2015_lsoa_scr.csv');
  const imd2015Indicators: [string, string, number][] = [
    ['imd2015_score', 'IMD 2015 score (higher = more deprived)', 3],
    ['imd2015_rank', 'IMD 2015 rank (1 = most deprived of 32,844)', 0],
    ['imd2015_decile', 'IMD 2015 decile (1 = most deprived 10%)', 0],
    [
      'imd2015_children_and_young_people_subdomain_score',
      'Education domain: children and young people sub-domain score (higher = more deprived)',
      3,
    ],
    [
      'imd2015_children_and_young_people_subdomain_rank',
      'Children and young people sub-domain rank (1 = most deprived)',
      0,
    ],
    [
      'imd2015_children_and_young_people_subdomain_decile',
      'Children and young people sub-domain decile (1 = most deprived)',
      0,
    ],
    [
      'imd2015_adult_skills_subdomain_score',
      'Education domain: adult skills sub-domain score (higher = more deprived)',
      3,
    ],
    ['imd2015_adult_skills_subdomain_rank', 'Adult skills sub-domain rank (1 = most deprived)', 0],
    [
      'imd2015_adult_skills_subdomain_decile',
      'Adult skills sub-domain decile (1 = most deprived)',
      0,
    ],
  ];
  files.push(
    builtFile(DATA_FILES.imd2015Lsoa, {
      columns: [...lsoaColumns, ...imd2015Indicators.map(([n]) => n)],
      meta: imd2015Indicators.map(([n, label, dp]) =>
        indicator(n, label, dp, '', 'English Indices of Deprivation 2015'),
      ),
      rows: imd2015.map((r) => ({
        ...area(
          field(r, 'lad13_code'),
          field(r, 'msoa11_code'),
          field(r, 'lsoa11_code'),
          field(r, 'lsoa11_name'),
          '2015',
        ),
        ...Object.fromEntries(imd2015Indicators.map(([n]) => [n, optionalNumber(field(r, n))])),
      })),
    }),
  );
  const lsoaToMsoa = new Map(
    imd2015.map((r) => [field(r, 'lsoa11_code'), field(r, 'msoa11_code')]),
  );
  const imd2019 = readSource('stats/imd2019_lsoa_scr.csv');
  const domains = [
    'imd',
    'income',
    'employment',
    'education',
    'health',
    'crime',
    'housing_and_access',
    'environment',
  ];
  const imd2019Indicators: [string, string][] = domains.flatMap((d) => [
    [
      `imd2019_${d}_rank`,
      `IMD 2019 ${d === 'imd' ? 'overall' : d.replace(/_/g, ' ')} rank (1 = most deprived of 32,844)`,
    ],
    [
      `imd2019_${d}_decile`,
      `IMD 2019 ${d === 'imd' ? 'overall' : d.replace(/_/g, ' ')} decile (1 = most deprived 10%)`,
    ],
  ]);
  files.push(
    builtFile(DATA_FILES.imd2019Lsoa, {
      columns: [...lsoaColumns, ...imd2019Indicators.map(([n]) => n)],
      meta: imd2019Indicators.map(([n, label]) =>
        indicator(n, label, 0, '', 'English Indices of Deprivation 2019'),
      ),
      rows: imd2019.map((r) => ({
        ...area(
          field(r, 'lad_code'),
          lsoaToMsoa.get(field(r, 'lsoa11_code')) ?? 'x',
          field(r, 'lsoa11_code'),
          field(r, 'lsoa11_name'),
          '2019',
        ),
        ...Object.fromEntries(imd2019Indicators.map(([n]) => [n, optionalNumber(field(r, n))])),
      })),
    }),
  );
  const derivedIndicators = (prefix: string): [string, string, number][] => [
    [
      `imd2015_popweighted_score`,
      `IMD 2015 population-weighted average LSOA score (${prefix}; higher = more deprived)`,
      4,
    ],
    [
      `imd2015_proportion_lsoas_most_deprived_10pc`,
      `Share of the ${prefix}'s LSOAs in the most deprived 10% nationally`,
      4,
    ],
    [
      `imd2015_extent`,
      `IMD 2015 extent (${prefix}; share of population in highly deprived LSOAs)`,
      4,
    ],
  ];
  const msoa = readSource('stats/imd2015_msoa_scr_derived.csv');
  const msoaIndicators = derivedIndicators('MSOA');
  files.push(
    builtFile(DATA_FILES.imd2015Msoa, {
      columns: [
        ...eesColumns('Local authority district', 'MSOA'),
        'provenance',
        ...msoaIndicators.map(([n]) => n),
      ],
      meta: [
        filter(
          'provenance',
          'Provenance: derived (aggregated by the humaniverse/IMD authors, not official)',
        ),
        ...msoaIndicators.map(([n, l, dp]) => indicator(n, l, dp)),
      ],
      rows: msoa.map((r) => {
        const d = byCode.get(field(r, 'lad_code'));
        if (!d) throw new Error(`MSOA in unknown district`);
        return {
          time_period: '2015',
          time_identifier: 'Calendar year',
          ...eesLocation('MSOA', { code: field(r, 'msoa11_code'), name: field(r, 'msoa11_name') }),
          ...eesArea('Local authority district', d),
          provenance: 'derived',
          ...Object.fromEntries(msoaIndicators.map(([n]) => [n, optionalNumber(field(r, n))])),
        };
      }),
    }),
  );
  const lad = readSource('stats/imd2015_lad_scr_derived.csv');
  const ladIndicators = derivedIndicators('district');
  files.push(
    builtFile(DATA_FILES.imd2015Lad, {
      columns: [
        ...eesColumns('Local authority district'),
        'provenance',
        ...ladIndicators.map(([n]) => n),
      ],
      meta: [
        filter(
          'provenance',
          'Provenance: derived (aggregated by the humaniverse/IMD authors, not the official LA summaries)',
        ),
        ...ladIndicators.map(([n, l, dp]) => indicator(n, l, dp)),
      ],
      rows: lad.map((r) => ({
        time_period: '2015',
        time_identifier: 'Calendar year',
        ...eesLocation('Local authority district', {
          code: field(r, 'lad_code'),
          name: field(r, 'lad_name'),
        }),
        provenance: 'derived',
        ...Object.fromEntries(ladIndicators.map(([n]) => [n, optionalNumber(field(r, n))])),
      })),
    }),
  );
  return files;
}
