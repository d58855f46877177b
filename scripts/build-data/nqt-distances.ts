/** itt_nqt_first_post_distance.csv: Teachers Analysis Compendium 3 first-post distances. */
import { eesArea, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import type { PartnershipBuild } from './partnerships.ts';
import { field, num, readSource } from './source.ts';
import { builtFile, filter, indicator, type BuiltFile } from './tables.ts';

/** ONS region (RGN) codes of the regions the compendium covers. */
const REGION_CODES: Record<string, string> = {
  'North East': 'E12000001',
  'North West': 'E12000002',
  'Yorkshire and The Humber': 'E12000003',
  'East Midlands': 'E12000004',
  'West Midlands': 'E12000005',
  'South West': 'E12000009',
};

/**
 * The compendium's first-post distances as published (regional "All providers" rows and
 * provider rows), with the code of the region's partnership of the same name. The page's
 * "higher/lower than the regional average" remark is left out: it compares the within-25 km
 * share with the regional row, which the file holds.
 */
export function buildNqtFirstPostDistances(partnerships: PartnershipBuild[]): BuiltFile {
  const byName = new Map(partnerships.map((p) => [p.name, p]));
  const cohorts = 'NQTs graduating 2010 to 2015';
  return builtFile(DATA_FILES.nqtFirstPostDistances, {
    columns: [
      ...eesColumns('Regional', 'Provider'),
      'partnership_code',
      'first_post_within_25km_percent',
      'first_post_over_100km_percent',
    ],
    meta: [
      filter(
        'partnership_code',
        'Accredited provider code of the partnership of that name in the region (z = none)',
      ),
      indicator(
        'first_post_within_25km_percent',
        `% of ${cohorts} whose first post was within 25 km of the provider`,
        0,
        '%',
      ),
      indicator(
        'first_post_over_100km_percent',
        `% of ${cohorts} whose first post was over 100 km from the provider`,
        0,
        '%',
      ),
    ],
    rows: readSource('stats/nqt_first_post_distance_by_itt_provider.csv').map((r) => {
      const regional = field(r, 'is_regional_total') === 'yes';
      const partnership = regional ? undefined : byName.get(field(r, 'provider'));
      const region = field(r, 'region');
      const code = REGION_CODES[region];
      if (!code) throw new Error(`no ONS code for region ${region}`);
      return {
        time_period: '2015',
        time_identifier: 'Calendar year',
        ...eesLocation(regional ? 'Regional' : 'Provider'),
        ...eesArea('Regional', { code, name: region }),
        ...eesArea('Provider', {
          code: regional ? 'z' : (partnership?.ukprn ?? 'x'),
          name: regional ? 'z' : field(r, 'provider'),
        }),
        partnership_code: partnership?.code ?? 'z',
        first_post_within_25km_percent: num(r, 'pct_first_nqt_post_within_25km'),
        first_post_over_100km_percent: num(r, 'pct_first_nqt_post_over_100km'),
      };
    }),
  });
}
