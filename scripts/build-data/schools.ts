/** School points: GIAS March 2018 establishments and KS4 2018/19 results. */
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { ACADEMIC_YEAR, eesArea, eesColumns, eesLocation } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import type { DistrictSource } from './districts.ts';
import { field, num, readBoundaries, readSource } from './source.ts';
import { builtFile, filter, indicator, type BuiltFile } from './tables.ts';

function lsoaLocator(): (lad: string, lon: number, lat: number) => string | null {
  const topology = readBoundaries('lsoa');
  const lsoas = feature(
    topology,
    topology.objects.lsoa as GeometryCollection<{ code: string; lad_code: string }>,
  ).features.map((f) => ({
    f: f as Feature<Geometry, { code: string; lad_code: string }>,
    bounds: geoBounds(f),
  }));
  return (lad, lon, lat) => {
    const hit = lsoas.find(
      ({ f, bounds: [[x0, y0], [x1, y1]] }) =>
        f.properties.lad_code === lad &&
        lon >= x0 &&
        lon <= x1 &&
        lat >= y0 &&
        lat <= y1 &&
        geoContains(f, [lon, lat]),
    );
    return hit ? hit.f.properties.code : null;
  };
}

export function buildSchools(districts: DistrictSource[]): BuiltFile[] {
  const files: BuiltFile[] = [];
  const locate = lsoaLocator();
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const gias = readSource('stats/gias_2018_scr_establishments.csv');
  files.push(
    builtFile(DATA_FILES.schoolsGias, {
      columns: [
        ...eesColumns('Local authority', 'Local authority district'),
        'lsoa_code',
        'school_urn',
        'phase',
        'ofsted_rating',
        'pupils',
        'longitude',
        'latitude',
      ],
      meta: [
        filter('phase', 'GIAS phase of education'),
        filter('ofsted_rating', 'Ofsted rating in the GIAS extract (x = none recorded)'),
        indicator('pupils', 'Pupils (GIAS number of pupils, March 2018)', 0),
        indicator('longitude', 'Longitude (WGS84)', 6),
        indicator('latitude', 'Latitude (WGS84)', 6),
      ],
      rows: gias.map((r) => {
        const district = byCode.get(field(r, 'lad_code'));
        if (!district) throw new Error(`GIAS school ${field(r, 'urn')} in unknown district`);
        const lon = num(r, 'longitude');
        const lat = num(r, 'latitude');
        return {
          time_period: '201718',
          time_identifier: ACADEMIC_YEAR,
          ...eesLocation('School'),
          ...eesArea('Local authority', {
            code: district.laCode,
            name: district.laName,
            oldLaCode: district.laNumber,
          }),
          ...eesArea('Local authority district', district),
          lsoa_code: locate(district.code, lon, lat) ?? 'x',
          school_urn: field(r, 'urn'),
          phase: field(r, 'phase'),
          ofsted_rating: field(r, 'ofsted_rating') || 'x',
          pupils: field(r, 'num_pupils_gias') === '' ? 'x' : num(r, 'num_pupils_gias'),
          longitude: lon,
          latitude: lat,
        };
      }),
    }),
  );

  // Source markers: NP not published -> x, NE no entries -> z, SUPP suppressed -> c, blank -> x.
  const ks4Value = (raw: string): number | string => {
    const map: Record<string, string> = { NP: 'x', NE: 'z', SUPP: 'c', '': 'x' };
    const symbol = map[raw.trim()];
    if (symbol) return symbol;
    const value = Number(raw.replace('%', ''));
    if (!Number.isFinite(value)) throw new Error(`KS4 value "${raw}" not understood`);
    return value;
  };
  const ks4 = readSource('stats/ks4_schools_2018_19_scr.csv');
  files.push(
    builtFile(DATA_FILES.schoolsKs4, {
      columns: [
        ...eesColumns('Local authority', 'Local authority district'),
        'msoa_code',
        'lsoa_code',
        'school_urn',
        'school_name',
        'school_type',
        'record_type',
        'gender',
        'religious_character',
        'attainment8',
        'progress8',
        'english_maths_9_5_percent',
        'ebacc_entry_percent',
        'ebacc_aps',
        'longitude',
        'latitude',
      ],
      meta: [
        filter('school_type', 'School type'),
        filter('record_type', 'DfE record type (1 mainstream, 2 special)'),
        filter('gender', 'Gender of entry'),
        filter('religious_character', 'Religious character'),
        indicator('attainment8', 'Average Attainment 8 score', 1, '', 'KS4 2018/19'),
        indicator('progress8', 'Average Progress 8 score', 2, '', 'KS4 2018/19'),
        indicator(
          'english_maths_9_5_percent',
          '% of pupils achieving grade 9-5 in English and maths',
          0,
          '%',
          'KS4 2018/19',
        ),
        indicator(
          'ebacc_entry_percent',
          '% of pupils entered for the EBacc',
          0,
          '%',
          'KS4 2018/19',
        ),
        indicator('ebacc_aps', 'EBacc average point score', 2, '', 'KS4 2018/19'),
        indicator('longitude', 'Longitude (WGS84, postcode centroid)', 6),
        indicator('latitude', 'Latitude (WGS84, postcode centroid)', 6),
      ],
      rows: ks4.map((r) => {
        const district = byCode.get(field(r, 'lad_code'));
        if (!district) throw new Error(`KS4 school ${field(r, 'urn')} in unknown district`);
        return {
          time_period: '201819',
          time_identifier: ACADEMIC_YEAR,
          ...eesLocation('School'),
          ...eesArea('Local authority', {
            code: district.laCode,
            name: field(r, 'education_la_name'),
            oldLaCode: field(r, 'education_la_number'),
          }),
          ...eesArea('Local authority district', district),
          msoa_code: field(r, 'msoa11_code') || 'x',
          lsoa_code: field(r, 'lsoa11_code') || 'x',
          school_urn: field(r, 'urn'),
          school_name: field(r, 'school_name'),
          school_type: field(r, 'school_type'),
          record_type: field(r, 'rectype'),
          gender: field(r, 'gender') || 'x',
          religious_character: field(r, 'religious_character') || 'x',
          attainment8: ks4Value(field(r, 'att8scr')),
          progress8: ks4Value(field(r, 'p8mea')),
          english_maths_9_5_percent: ks4Value(field(r, 'ptl2basics_95')),
          ebacc_entry_percent: ks4Value(field(r, 'ptebacc_e_ptq_ee')),
          ebacc_aps: ks4Value(field(r, 'ebaccaps')),
          longitude: num(r, 'longitude'),
          latitude: num(r, 'latitude'),
        };
      }),
    }),
  );
  return files;
}
