/** The districts of the region: every other file joins to them. */
import { z } from 'zod';
import { academicYear, geographicLevel, gssCode, numberCell, text } from '../cells.ts';
import { COUNTY_CAVEAT, OGL } from './citations.ts';
import { tableFile } from './entry.ts';

export const districts = tableFile({
  key: 'districts',
  path: 'districts.csv',
  title: 'Districts of the region (SCR 2016 membership) and their education LAs',
  source:
    'data/source/stats/scr_local_authorities.csv (LAD13 codes from martinjc/UK-GeoJSON; DfE LA numbers from LAIT)',
  date: 'LAD13 (Dec 2013); SCR membership 2016',
  licence: OGL,
  provenance: ['published'],
  notes: COUNTY_CAVEAT,
  table: {
    title: 'districts',
    row: z.object({
      time_period: academicYear(),
      geographic_level: geographicLevel(['Local authority district'] as const),
      lad_code: gssCode(),
      lad_name: text(),
      old_la_code: numberCell({ min: 1, max: 999, integer: true, what: 'a 3-digit LA number' }),
      new_la_code: gssCode(),
      la_name: text(),
      planning_region: text(),
      membership: text(),
    }),
    key: ['lad_code'],
  },
  joins: [
    { column: 'lad_code', in: 'districtBoundaries', nameColumn: 'lad_name' },
    { column: 'planning_region', oneValue: 'region' },
  ],
  codes: {
    name: 'districts',
    description: 'a district of the region (districts.csv)',
    column: 'lad_code',
    nameColumn: 'lad_name',
    inDataset: (dataset) => dataset.districts,
  },
  dataset: {
    fields: ['districts', 'regionName'],
    build: ({ rows }) => ({
      regionName: rows[0]?.value.planning_region ?? '',
      districts: rows.map(({ value: r }) => ({
        code: r.lad_code,
        name: r.lad_name,
        educationLaNumber: r.old_la_code,
        educationLaCode: r.new_la_code,
        educationLaName: r.la_name,
        membership: r.membership,
      })),
    }),
  },
});

/** In the order the Data sources page lists them. */
export const districtFiles = [districts] as const;
