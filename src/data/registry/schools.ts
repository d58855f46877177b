/** School points for the maps: GIAS 2018 establishments and KS4 2018/19 results. */
import { z } from 'zod';
import { academicYear } from '../academic-year.ts';
import type { Located } from '../schemas.ts';
import { gssCode, numberCell, optionalGssCode, optionalNumber, text, urn } from '../cells.ts';
import type { School } from '../types.ts';
import { GIAS, OGL } from './citations.ts';
import { tableFile, type RowOf } from './entry.ts';

const longitude = () => numberCell({ min: -180, max: 180 });
const latitude = () => numberCell({ min: -90, max: 90 });

export const schoolsKs4 = tableFile({
  key: 'schoolsKs4',
  path: 'ks4_schools_2018_19.csv',
  title: "KS4 2018/19 results of the region's schools, with names and points",
  source:
    'DfE school performance tables KS4 2018/19 (england_ks4final.csv) as republished in github.com/waiky8/eng-schools @46703374 (KS4, Ofsted) and @71cbd5ac (coordinates)',
  date: 'KS4 2018/19 (published 2020); repository 2021',
  licence: 'DfE data OGL v3; no licence file in the republishing repository',
  provenance: ['published'],
  notes:
    'Source markers mapped to EES symbols: NP -> x, NE -> z, SUPP -> c, blank -> x. Coordinates are postcode centroids. Ofsted fields of the source are not used (scraped, not official).',
  table: {
    title: 'KS4 schools',
    row: z.object({
      lad_code: gssCode(),
      lsoa_code: optionalGssCode(),
      school_urn: urn(),
      school_name: text(),
      school_type: text(),
      record_type: text(),
      attainment8: optionalNumber({ min: 0, max: 90 }),
      progress8: optionalNumber({ min: -10, max: 10 }),
      english_maths_9_5_percent: optionalNumber({ min: 0, max: 100 }),
      ebacc_entry_percent: optionalNumber({ min: 0, max: 100 }),
      longitude: longitude(),
      latitude: latitude(),
    }),
    key: ['school_urn'],
  },
  joins: [{ column: 'lad_code', in: 'districts' }],
});

const giasRow = z.object({
  lad_code: gssCode(),
  lsoa_code: optionalGssCode(),
  school_urn: urn(),
  phase: text(),
  pupils: optionalNumber({ min: 0, integer: true }),
  longitude: longitude(),
  latitude: latitude(),
});
type GiasRow = z.output<typeof giasRow>;
type Ks4Row = RowOf<typeof schoolsKs4>;

/**
 * GIAS 2018 establishments that are schools (a phase, or pupils on roll), named and given KS4
 * results from the KS4 2018/19 file where the URN matches; KS4 schools missing from the GIAS
 * extract (new URNs) are added from the KS4 file.
 */
function toSchools(gias: readonly Located<GiasRow>[], ks4: readonly Located<Ks4Row>[]): School[] {
  const ks4ByUrn = new Map(ks4.map(({ value }) => [value.school_urn, value]));
  const ks4Of = (r: Ks4Row): School['ks4'] => ({
    year: academicYear('2018/19'),
    schoolType: r.school_type,
    attainment8: r.attainment8,
    progress8: r.progress8,
    englishMaths95Percent: r.english_maths_9_5_percent,
    ebaccEntryPercent: r.ebacc_entry_percent,
  });
  const schools: School[] = [];
  const used = new Set<string>();
  for (const { value: g } of gias) {
    if (g.phase === 'Not applicable' && g.pupils === null && !ks4ByUrn.has(g.school_urn)) continue;
    const k = ks4ByUrn.get(g.school_urn);
    used.add(g.school_urn);
    schools.push({
      urn: g.school_urn,
      name: k?.school_name ?? null,
      phase: g.phase,
      districtCode: g.lad_code,
      lsoaCode: g.lsoa_code,
      pupils: g.pupils,
      longitude: g.longitude,
      latitude: g.latitude,
      ...(k ? { ks4: ks4Of(k) } : {}),
    });
  }
  for (const { value: k } of ks4) {
    if (used.has(k.school_urn)) continue;
    schools.push({
      urn: k.school_urn,
      name: k.school_name,
      phase: k.record_type === '2' ? 'Special (KS4 2018/19)' : 'Secondary (KS4 2018/19)',
      districtCode: k.lad_code,
      lsoaCode: k.lsoa_code,
      pupils: null,
      longitude: k.longitude,
      latitude: k.latitude,
      ks4: ks4Of(k),
    });
  }
  return schools;
}

export const schoolsGias = tableFile({
  key: 'schoolsGias',
  path: 'schools_gias_2018.csv',
  title: 'Establishment points with phase and pupils (GIAS, March 2018)',
  source: GIAS,
  date: '12 March 2018',
  licence: OGL,
  provenance: ['published'],
  notes:
    'No names, types or postcodes in the extract; includes non-school establishments (phase Not applicable). lsoa_code added by point-in-polygon against data/geo/scr_lsoa.topo.json.',
  table: {
    title: 'GIAS schools',
    row: giasRow,
    key: ['school_urn'],
  },
  joins: [{ column: 'lad_code', in: 'districts' }],
  dataset: {
    fields: ['schools'],
    alsoReads: [schoolsKs4],
    // On a first load with one file rejected, the other file's points still show.
    partialOnFirstLoad: true,
    build: ({ rows, rowsOf }) => ({ schools: toSchools(rows, rowsOf(schoolsKs4)) }),
  },
});

/** In the order the Data sources page lists them. */
export const schoolFiles = [schoolsGias, schoolsKs4] as const;
