/** districts.csv: the region's districts and their education LAs. */
import { ACADEMIC_YEAR, eesArea, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import { field, readSource } from './source.ts';
import { REGION_NAME, builtFile, filter, type BuiltFile } from './tables.ts';

export interface DistrictSource {
  code: string;
  name: string;
  laNumber: string;
  laCode: string;
  laName: string;
  membership: string;
  onsOldCode: string;
  county: string;
}

/** A district's own columns and its education LA's. */
export function districtLocation(d: DistrictSource) {
  return {
    ...eesLocation('Local authority district', d),
    ...eesArea('Local authority', { code: d.laCode, name: d.laName, oldLaCode: d.laNumber }),
  };
}

export function buildDistricts(baseTimePeriod: string): {
  districts: DistrictSource[];
  file: BuiltFile;
} {
  const districts = readSource('stats/scr_local_authorities.csv').map((r) => ({
    code: field(r, 'lad_code'),
    name: field(r, 'lad_name'),
    laNumber: field(r, 'education_la_number'),
    laCode: field(r, 'education_la_gss_code'),
    laName: field(r, 'education_la_name'),
    membership: field(r, 'scr_membership_2016'),
    onsOldCode: field(r, 'ons_old_code'),
    county: field(r, 'county_or_met_area'),
  }));
  const file = builtFile(DATA_FILES.districts, {
    columns: [
      ...eesColumns('Local authority district', 'Local authority'),
      'planning_region',
      'membership',
      'county_or_met_area',
      'ons_old_code',
    ],
    meta: [
      filter('planning_region', 'Planning region the district belongs to'),
      filter(
        'membership',
        'Membership of the planning region (SCR 2016: constituent / non-constituent)',
      ),
      filter('county_or_met_area', 'County or metropolitan area'),
      filter('ons_old_code', 'Old ONS district code'),
    ],
    rows: districts.map((d) => ({
      time_period: baseTimePeriod,
      time_identifier: ACADEMIC_YEAR,
      ...districtLocation(d),
      planning_region: REGION_NAME,
      membership: d.membership,
      county_or_met_area: d.county,
      ons_old_code: d.onsOldCode,
    })),
  });
  return { districts, file };
}
