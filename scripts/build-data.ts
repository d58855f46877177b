/**
 * Builds the default dataset in data/ from the verbatim source copies in data/source/.
 * Deterministic: the same sources give byte-identical files (the illustrative plans use a
 * fixed seed). Run `npm run data:build`; `npm run data:build -- --refresh-source` first
 * re-copies the sources from ../shared/data.
 *
 * Methods for every estimated figure are written into the files themselves (a `method`
 * column) and summarised in data/SOURCES.md.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoBounds, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import { randomLcg } from 'd3-random';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import {
  ACADEMIC_YEAR,
  ENGLAND,
  formatEesCsv,
  formatEesMeta,
  parseCsv,
  type EesColumnMeta,
  type EesRow,
  type EesTable,
} from '../src/data/ees.ts';
import { DATA_FILES, boundaryPath, metaFileOf } from '../src/data/registry/index.ts';
import { buildIttNewEntrants, buildPublishedTraineeNeed, buildQtsAwards } from './build-itt.ts';
import {
  SECONDARY_SUBJECTS,
  SUBJECT_GROUPS,
  type Phase,
  type SecondarySubject,
  type SubjectGroup,
} from '../src/data/types.ts';
import {
  academicYear,
  academicYearStarting,
  consecutiveYears,
  nextAcademicYear,
  toTimePeriod,
  type AcademicYear,
} from '../src/data/academic-year.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
const SOURCE = join(DATA, 'source');
const SHARED = resolve(ROOT, '../shared/data');

const REGION_NAME = 'Sheffield City Region';
const PHASES: readonly Phase[] = ['primary', 'secondary'];
const PHASE_LABEL: Record<Phase, string> = { primary: 'Primary', secondary: 'Secondary' };

/** Stats files the app uses (the other files in ../shared/data/stats are not copied). */
const SOURCE_STATS = [
  'scr_local_authorities',
  'gcse_5ac_2010_2015',
  'gias_2018_scr_establishments',
  'imd2015_lad_scr_derived',
  'imd2015_lsoa_scr',
  'imd2015_msoa_scr_derived',
  'imd2019_lsoa_scr',
  'itt_partnerships_scr',
  'itt_providers_scr',
  'ks4_schools_2018_19_scr',
  'lait_la_indicators_scr',
  'nqt_first_post_distance_by_itt_provider',
  'pupils_school_places_la_scr',
];
const TWM_FILES = {
  pupilTeacher: '1_pupil_teacher_numbers_2026-04-23.csv',
  flows2025: '4_flow_trajectories_2025_publication_2026-04-23.csv',
  flows2026: '5_flow_trajectories_2026_publication_2026-04-23.csv',
};

function refreshSource(): void {
  if (!existsSync(SHARED)) throw new Error(`--refresh-source: ${SHARED} not found`);
  mkdirSync(join(SOURCE, 'stats'), { recursive: true });
  mkdirSync(join(SOURCE, 'twm'), { recursive: true });
  for (const name of SOURCE_STATS) {
    cpSync(join(SHARED, 'stats', `${name}.csv`), join(SOURCE, 'stats', `${name}.csv`));
  }
  for (const name of Object.values(TWM_FILES)) {
    cpSync(join(SHARED, 'twm', name), join(SOURCE, 'twm', name));
  }
  cpSync(join(SHARED, 'LICENCE-OGL-v3.txt'), join(SOURCE, 'LICENCE-OGL-v3.txt'));
  cpSync(join(SHARED, 'README.md'), join(SOURCE, 'README.md'));
  for (const folder of ['stats', 'twm', 'geo']) {
    cpSync(join(SHARED, folder, 'README.md'), join(SOURCE, `README-${folder}.md`));
  }
  console.log(`refreshed data/source from ${SHARED}`);
}

function readSource(path: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(SOURCE, path), 'utf8')).rows;
}

function field(row: Record<string, string>, column: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`source column ${column} missing`);
  return value;
}

function num(row: Record<string, string>, column: string): number {
  const value = Number(field(row, column));
  if (field(row, column).trim() === '' || !Number.isFinite(value)) {
    throw new Error(`source value ${column}="${field(row, column)}" is not a number`);
  }
  return value;
}

function writeTable(path: string, table: EesTable): void {
  writeFileSync(join(DATA, path), formatEesCsv(table));
  writeFileSync(join(DATA, metaFileOf(path)), formatEesMeta(table));
  console.log(`wrote data/${path} (${table.rows.length} rows)`);
}

const filter = (name: string, label: string, filterHint?: string): EesColumnMeta => ({
  name,
  type: 'Filter',
  label,
  ...(filterHint ? { filterHint } : {}),
});
const indicator = (
  name: string,
  label: string,
  dp: number,
  unit: '' | '%' = '',
  indicatorGrouping?: string,
): EesColumnMeta => ({
  name,
  type: 'Indicator',
  label,
  dp,
  unit,
  ...(indicatorGrouping ? { indicatorGrouping } : {}),
});

/** A value or an EES symbol: blank source cells become x (unavailable). */
function orSymbol(value: number | null | undefined, symbol = 'x'): number | string {
  return value === null || value === undefined || !Number.isFinite(value) ? symbol : value;
}

/**
 * Rounds shares to `dp` decimals so that they still sum to exactly 1 (largest remainder:
 * round down, then give the missing units to the largest fractional parts).
 */
function roundShares<K extends string>(shares: Map<K, number>, dp: number): Map<K, number> {
  const scale = 10 ** dp;
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const scaled = [...shares].map(([k, v]) => ({ k, units: (v / total) * scale }));
  const floors = new Map(scaled.map(({ k, units }) => [k, Math.floor(units + 1e-9)]));
  let missing = scale - [...floors.values()].reduce((a, b) => a + b, 0);
  const byRemainder = scaled
    .map(({ k, units }) => ({ k, remainder: units - (floors.get(k) as number) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { k } of byRemainder) {
    if (missing <= 0) break;
    floors.set(k, (floors.get(k) as number) + 1);
    missing -= 1;
  }
  return new Map([...floors].map(([k, v]) => [k, v / scale] as [K, number]));
}

// ---------------------------------------------------------------------------------------
// Districts

interface DistrictSource {
  code: string;
  name: string;
  laNumber: string;
  laCode: string;
  laName: string;
  membership: string;
  onsOldCode: string;
  county: string;
}

function buildDistricts(baseTimePeriod: string): DistrictSource[] {
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
  writeTable(DATA_FILES.districts, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'lad_code',
      'lad_name',
      'old_la_code',
      'new_la_code',
      'la_name',
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
      geographic_level: 'Local authority district',
      ...ENGLAND,
      lad_code: d.code,
      lad_name: d.name,
      old_la_code: d.laNumber,
      new_la_code: d.laCode,
      la_name: d.laName,
      planning_region: REGION_NAME,
      membership: d.membership,
      county_or_met_area: d.county,
      ons_old_code: d.onsOldCode,
    })),
  });
  return districts;
}

// ---------------------------------------------------------------------------------------
// National TWM files

interface NationalYear {
  pupils: number;
  teachers: number;
  projection: boolean;
}

function buildNationalPupilTeacher(): {
  byPhaseYear: Map<string, NationalYear>;
  baseYear: AcademicYear;
} {
  const rows = readSource(`twm/${TWM_FILES.pupilTeacher}`);
  const byPhaseYear = new Map<string, NationalYear>();
  for (const r of rows) {
    const phase = field(r, 'Phase').toLowerCase();
    byPhaseYear.set(`${phase}|${field(r, 'Academic year')}`, {
      pupils: num(r, 'Pupil numbers'),
      teachers: num(r, 'Teacher numbers'),
      projection: field(r, 'Projection') === 'Yes',
    });
  }
  const publishedYears = rows
    .filter((r) => field(r, 'Projection') === 'No')
    .map((r) => academicYear(field(r, 'Academic year')))
    .sort();
  const baseYear = publishedYears[publishedYears.length - 1];
  if (!baseYear) throw new Error('TWM file 1 has no published year');
  writeTable(DATA_FILES.nationalPupilTeacher, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'phase',
      'projection',
      'pupils',
      'teachers_fte',
    ],
    meta: [
      filter('phase', 'Phase'),
      filter('projection', 'Modelled projection (Yes) or published figure (No)'),
      indicator('pupils', 'Pupils (TWM definition)', 2),
      indicator('teachers_fte', 'Teachers (full-time equivalent)', 2),
    ],
    rows: rows.map((r) => ({
      time_period: toTimePeriod(academicYear(field(r, 'Academic year'))),
      time_identifier: ACADEMIC_YEAR,
      geographic_level: 'National',
      ...ENGLAND,
      phase: field(r, 'Phase'),
      projection: field(r, 'Projection'),
      pupils: num(r, 'Pupil numbers'),
      teachers_fte: num(r, 'Teacher numbers'),
    })),
  });
  return { byPhaseYear, baseYear };
}

/** TWM flows: rate rows carry leaver_rate, count rows carry flow_fte; the other is z. */
function buildNationalFlows(sourceFile: string, outFile: string): Record<string, string>[] {
  const rows = readSource(`twm/${sourceFile}`);
  writeTable(outFile, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'phase',
      'subject',
      'flow_type',
      'flow_status',
      'publication_year',
      'leaver_rate',
      'flow_fte',
    ],
    meta: [
      filter('phase', 'Phase'),
      filter('subject', 'Subject (TWM secondary subject group; Total for the phase)'),
      filter('flow_type', 'Flow'),
      filter('flow_status', 'Historic (published) or trajectory (modelled)'),
      filter('publication_year', 'TWM publication year'),
      indicator('leaver_rate', 'Leaver rate (fraction of FTE stock)', 6),
      indicator('flow_fte', 'Flow (FTE teachers)', 2),
    ],
    rows: rows.map((r) => {
      const isRate = field(r, 'Unit') === '%' || field(r, 'Type').includes('rate');
      const raw = field(r, 'Value');
      const value = raw === '' ? null : Number(raw);
      return {
        time_period: toTimePeriod(academicYear(field(r, 'Academic year'))),
        time_identifier: ACADEMIC_YEAR,
        geographic_level: 'National',
        ...ENGLAND,
        phase: field(r, 'Phase'),
        subject: field(r, 'Subject'),
        flow_type: field(r, 'Type'),
        flow_status: field(r, 'Historic or trajectory'),
        publication_year: String(Number(field(r, 'Publication year'))),
        leaver_rate: isRate ? orSymbol(value) : 'z',
        flow_fte: isRate ? 'z' : orSymbol(value),
      };
    }),
  });
  return rows;
}

// ---------------------------------------------------------------------------------------
// District pupils and teachers

/** LA number-on-roll series by academic year, from the SCAP scorecards. */
interface LaSeries {
  nor: Map<string, number>; // academic year -> pupils (census or forecast)
  provenance: Map<string, 'published' | 'derived' | 'estimated'>;
}

const CENSUS_YEAR = /January (\d{4})/;

/** The academic year of a January census: January 2026 is in 2025/26. */
function censusAcademicYear(reference: string): AcademicYear {
  const match = CENSUS_YEAR.exec(reference);
  if (!match) throw new Error(`no census year in "${reference}"`);
  return academicYearStarting(Number(match[1]) - 1);
}

function buildLaSeries(): Map<string, LaSeries> {
  const rows = readSource('stats/pupils_school_places_la_scr.csv');
  const series = new Map<string, LaSeries>();
  const latestScorecard = rows
    .map((r) => field(r, 'scorecard_year'))
    .sort()
    .at(-1);
  const get = (la: string, phase: string): LaSeries => {
    const key = `${la}|${phase}`;
    let s = series.get(key);
    if (!s) {
      s = { nor: new Map(), provenance: new Map() };
      series.set(key, s);
    }
    return s;
  };
  const norCodes = new Set([
    'PriNOR',
    'SecNOR',
    'PRI_NoR15',
    'PRI_NoR19',
    'SEC_NoR15',
    'SEC_NoR19',
  ]);
  for (const r of rows) {
    const s = get(field(r, 'la_gss_code'), field(r, 'phase'));
    if (norCodes.has(field(r, 'measure_code'))) {
      const year = censusAcademicYear(field(r, 'reference_period'));
      s.nor.set(year, num(r, 'value'));
      s.provenance.set(year, 'published');
    }
  }
  // Forecast, interpolation and extrapolation from the latest scorecard's LA forecast growth.
  for (const r of rows) {
    const code = field(r, 'measure_code');
    if (field(r, 'scorecard_year') !== latestScorecard || !/^An_[PS]_gro$/.test(code)) continue;
    const match = /January (\d{4}) census to LA forecast for (\d{4}\/\d{2})/.exec(
      field(r, 'reference_period'),
    );
    if (!match) throw new Error(`unexpected growth reference "${field(r, 'reference_period')}"`);
    const censusYear = censusAcademicYear(field(r, 'reference_period'));
    const forecastYear = match[2] as string;
    const s = get(field(r, 'la_gss_code'), field(r, 'phase'));
    const census = s.nor.get(censusYear);
    if (census === undefined) throw new Error(`no census ${censusYear} for ${field(r, 'la_name')}`);
    const forecast = census * (1 + num(r, 'value'));
    const gap = Number(forecastYear.slice(0, 4)) - Number(censusYear.slice(0, 4));
    const annual = (forecast / census) ** (1 / gap);
    let year: AcademicYear = censusYear;
    for (let step = 1; step <= gap + 1; step += 1) {
      year = nextAcademicYear(year);
      s.nor.set(year, census * annual ** step);
      s.provenance.set(year, step === gap ? 'derived' : 'estimated');
    }
  }
  // January 2018 (the GIAS extract's census) interpolated between January 2015 and 2019.
  for (const s of series.values()) {
    const n15 = s.nor.get('2014/15');
    const n19 = s.nor.get('2018/19');
    if (n15 !== undefined && n19 !== undefined) {
      s.nor.set('2017/18', n15 * (n19 / n15) ** (3 / 4));
      s.provenance.set('2017/18', 'estimated');
    }
  }
  return series;
}

function laValue(series: Map<string, LaSeries>, la: string, phase: Phase, year: string): number {
  const value = series.get(`${la}|${phase}`)?.nor.get(year);
  if (value === undefined) throw new Error(`no SCAP pupils for ${la} ${phase} ${year}`);
  return value;
}

/** The share of an all-through school's pupils in each phase: R-Y6 (7 years) vs Y7-11 (5). */
const ALL_THROUGH_SPLIT: Record<Phase, number> = { primary: 7 / 12, secondary: 5 / 12 };

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** GIAS 2018 pupils per district and phase, blanks imputed by the district-phase median. */
function giasDistrictPupils(districts: DistrictSource[]): {
  pupils: Map<string, number>;
  imputed: number;
} {
  const rows = readSource('stats/gias_2018_scr_establishments.csv');
  const phaseOf = (giasPhase: string): Phase | 'all through' | null =>
    giasPhase === 'Primary'
      ? 'primary'
      : giasPhase === 'Secondary'
        ? 'secondary'
        : giasPhase === 'All through'
          ? 'all through'
          : null;
  const pupils = new Map<string, number>();
  let imputed = 0;
  for (const d of districts) {
    for (const giasPhase of ['Primary', 'Secondary', 'All through']) {
      const schools = rows.filter(
        (r) => field(r, 'lad_code') === d.code && field(r, 'phase') === giasPhase,
      );
      const known = schools
        .filter((r) => field(r, 'num_pupils_gias') !== '')
        .map((r) => num(r, 'num_pupils_gias'));
      const regionKnown = rows
        .filter((r) => field(r, 'phase') === giasPhase && field(r, 'num_pupils_gias') !== '')
        .map((r) => num(r, 'num_pupils_gias'));
      const fill = known.length > 0 ? median(known) : median(regionKnown);
      const missing = schools.length - known.length;
      imputed += missing;
      const total = known.reduce((a, b) => a + b, 0) + missing * fill;
      const phase = phaseOf(giasPhase);
      for (const p of PHASES) {
        const share = phase === 'all through' ? ALL_THROUGH_SPLIT[p] : phase === p ? 1 : 0;
        const key = `${d.code}|${p}`;
        pupils.set(key, (pupils.get(key) ?? 0) + share * total);
      }
    }
  }
  return { pupils, imputed };
}

interface DistrictPupils {
  base: Map<string, number>; // district|phase -> base-year pupils
  provenance: Map<string, 'published' | 'estimated'>;
}

function buildBaselineAndProjections(
  districts: DistrictSource[],
  national: Map<string, NationalYear>,
  baseYear: AcademicYear,
): DistrictPupils {
  const series = buildLaSeries();
  const gias = giasDistrictPupils(districts);
  const ownAuthority = (d: DistrictSource) => d.code === d.laCode;
  // Calibrate GIAS (which counts nursery and sixth-form pupils and has gaps) to the SCAP
  // definition on the districts that are their own education authority.
  const calibration = new Map<Phase, number>();
  for (const phase of PHASES) {
    const own = districts.filter(ownAuthority);
    const scap = own.reduce((a, d) => a + laValue(series, d.laCode, phase, '2017/18'), 0);
    const giasSum = own.reduce((a, d) => a + (gias.pupils.get(`${d.code}|${phase}`) ?? 0), 0);
    calibration.set(phase, scap / giasSum);
  }
  const englandScap = (phase: Phase) => laValue(series, ENGLAND.country_code, phase, baseYear);
  const teachersPerPupil = (phase: Phase) => {
    const nat = national.get(`${phase}|${baseYear}`);
    if (!nat) throw new Error(`TWM file 1 has no ${phase} ${baseYear}`);
    return nat.teachers / englandScap(phase);
  };

  const base = new Map<string, number>();
  const provenance = new Map<string, 'published' | 'estimated'>();
  const baselineRows: EesRow[] = [];
  const projectionRows: EesRow[] = [];
  const projectionYears = consecutiveYears(nextAcademicYear(baseYear), 4);
  const areaColumns = (d: DistrictSource) => ({
    geographic_level: 'Local authority district',
    ...ENGLAND,
    lad_code: d.code,
    lad_name: d.name,
    old_la_code: d.laNumber,
    new_la_code: d.laCode,
    la_name: d.laName,
  });
  for (const d of districts) {
    for (const phase of PHASES) {
      const key = `${d.code}|${phase}`;
      const laBase = laValue(series, d.laCode, phase, baseYear);
      let pupils: number;
      let pupilsProvenance: 'published' | 'estimated';
      let pupilMethod: string;
      if (ownAuthority(d)) {
        pupils = laBase;
        pupilsProvenance = 'published';
        pupilMethod = `Pupils published: ${d.laName} number on roll, January ${baseYear.slice(0, 2)}${baseYear.slice(5)} school census (DfE school places scorecards; state-funded mainstream, ${phase === 'primary' ? 'reception to year 6' : 'years 7 to 11'}).`;
      } else {
        const giasPupils = gias.pupils.get(key) ?? 0;
        const k = calibration.get(phase) as number;
        const growth = laBase / laValue(series, d.laCode, phase, '2017/18');
        pupils = giasPupils * k * growth;
        pupilsProvenance = 'estimated';
        pupilMethod = `Pupils estimated: GIAS March 2018 pupils of the district's ${phase} schools (all-through schools split 7/12 primary, 5/12 secondary; blank counts filled with the district median) = ${Math.round(giasPupils)}, times ${k.toFixed(3)} (SCAP/GIAS ratio of the four South Yorkshire districts in January 2018, which removes nursery and sixth-form pupils), times the ${d.laName} county-wide SCAP change from January 2018 (interpolated between the January 2015 and 2019 censuses) to January ${baseYear.slice(0, 2)}${baseYear.slice(5)} (${growth.toFixed(3)}).`;
      }
      pupils = Math.round(pupils);
      base.set(key, pupils);
      provenance.set(key, pupilsProvenance);
      const perPupil = teachersPerPupil(phase);
      const teacherFte = pupils * perPupil;
      baselineRows.push({
        time_period: toTimePeriod(baseYear),
        time_identifier: ACADEMIC_YEAR,
        ...areaColumns(d),
        phase: PHASE_LABEL[phase],
        pupils_provenance: pupilsProvenance,
        teachers_fte_provenance: 'estimated',
        method: `${pupilMethod} Teacher FTE estimated (no public district figure): pupils x national teachers per pupil in ${baseYear} = TWM ${phase} teacher FTE / England SCAP number on roll (${(1 / perPupil).toFixed(2)} pupils per FTE teacher; the TWM's own pupil count is broader, so its ratio is not applied to SCAP pupils directly).`,
        pupils,
        teachers_fte: Math.round(teacherFte * 10) / 10,
      });
      for (const year of projectionYears) {
        const s = series.get(`${d.laCode}|${phase}`) as LaSeries;
        const laYear = laValue(series, d.laCode, phase, year);
        const laProvenance = s.provenance.get(year) as 'published' | 'derived' | 'estimated';
        const rowProvenance = ownAuthority(d) ? laProvenance : 'estimated';
        const how =
          laProvenance === 'published'
            ? `January ${year.slice(0, 2)}${year.slice(5)} census number on roll (published)`
            : laProvenance === 'derived'
              ? `LA forecast (latest SCAP scorecard: latest census x (1 + LA forecast growth))`
              : year === projectionYears[projectionYears.length - 1]
                ? `extrapolated one year at the annual growth rate of the LA forecast (estimated)`
                : `interpolated geometrically between the latest census and the LA forecast (estimated)`;
        projectionRows.push({
          time_period: toTimePeriod(year),
          time_identifier: ACADEMIC_YEAR,
          ...areaColumns(d),
          phase: PHASE_LABEL[phase],
          provenance: rowProvenance,
          method: ownAuthority(d)
            ? `${d.laName} SCAP pupils: ${how}.`
            : `District base-year pupils (estimated) x ${d.laName} county-wide SCAP pupils ${year} / ${baseYear}; ${year}: ${how}.`,
          pupils: Math.round((pupils * laYear) / laBase),
        });
      }
    }
  }
  const common = [
    'time_period',
    'time_identifier',
    'geographic_level',
    'country_code',
    'country_name',
    'lad_code',
    'lad_name',
    'old_la_code',
    'new_la_code',
    'la_name',
    'phase',
  ];
  writeTable(DATA_FILES.baselines, {
    columns: [
      ...common,
      'pupils_provenance',
      'teachers_fte_provenance',
      'method',
      'pupils',
      'teachers_fte',
    ],
    meta: [
      filter('phase', 'Phase'),
      filter('pupils_provenance', 'Provenance of the pupil figure (published / estimated)'),
      filter(
        'teachers_fte_provenance',
        'Provenance of the teacher FTE (estimated unless imported)',
      ),
      filter('method', 'How the figures were obtained'),
      indicator('pupils', 'Pupils on roll (SCAP definition)', 0),
      indicator('teachers_fte', 'Teachers (FTE), estimated', 1),
    ],
    rows: baselineRows,
  });
  writeTable(DATA_FILES.pupilProjections, {
    columns: [...common, 'provenance', 'method', 'pupils'],
    meta: [
      filter('phase', 'Phase'),
      filter('provenance', 'Provenance (published / derived / estimated)'),
      filter('method', 'How the figure was obtained'),
      indicator('pupils', 'Pupils on roll (SCAP definition)', 0),
    ],
    rows: projectionRows,
  });
  console.log(
    `  GIAS blanks imputed: ${gias.imputed}; calibration primary ${calibration.get('primary')?.toFixed(3)}, secondary ${calibration.get('secondary')?.toFixed(3)}`,
  );
  return { base, provenance };
}

// ---------------------------------------------------------------------------------------
// Secondary subject shares

function buildSubjectShares(flows2026: Record<string, string>[], baseYear: AcademicYear): void {
  const hours = new Map(
    readSource('swc_hours_taught_by_subject_202425.csv').map((r) => [
      field(r, 'subject_taught'),
      num(r, 'hours_allyrs'),
    ]),
  );
  const h = (name: string) => {
    const v = hours.get(name);
    if (v === undefined) throw new Error(`hours for ${name} missing`);
    return v;
  };
  const shares = new Map<SecondarySubject, number>();
  const method = new Map<SecondarySubject, string>();
  const provenance = new Map<SecondarySubject, 'derived' | 'estimated'>();
  const direct: [SecondarySubject, string[]][] = [
    ['English', ['English']],
    ['Mathematics', ['Mathematics']],
    ['History', ['History']],
    ['Geography', ['Geography']],
    ['Religious Education', ['Religious Education']],
    ['Physical Education', ['PE/Sports']],
    ['Art and Design', ['Art & Design']],
    ['Drama', ['Drama']],
    ['Music', ['Music']],
    ['Business Studies', ['Business Studies']],
    ['Computing', ['Computer science', 'ICT']],
    ['Design and Technology', ['Design and technology - All', 'Other/Combined Technology']],
    ['Modern Foreign Languages', ['All Modern Languages']],
  ];
  for (const [subject, parts] of direct) {
    shares.set(
      subject,
      parts.reduce((a, p) => a + h(p), 0),
    );
    provenance.set(subject, 'derived');
    method.set(
      subject,
      `SWC 2024/25 hours taught (years 7-13) in ${parts.join(' + ')} / all hours.`,
    );
  }
  const separate = h('Physics') + h('Chemistry') + h('Biology');
  for (const science of ['Biology', 'Chemistry', 'Physics'] as const) {
    const own = h(science);
    shares.set(science, own + (h('General/Combined Science') * own) / separate);
    provenance.set(science, 'estimated');
    method.set(
      science,
      `SWC 2024/25 hours taught in ${science} plus its share of General/Combined Science hours, split in proportion to the separate-science hours (estimated).`,
    );
  }
  // Classics is not in the transcribed table: scale History's hours by the TWM inflows ratio.
  const inflow = (subject: string) =>
    flows2026
      .filter(
        (r) =>
          field(r, 'Subject') === subject &&
          field(r, 'Academic year') === baseYear &&
          ['Returners', 'New to state-funded sector entrants', 'Newly qualified entrants'].includes(
            field(r, 'Type'),
          ),
      )
      .reduce((a, r) => a + num(r, 'Value'), 0);
  const classicsRatio = inflow('Classics') / inflow('History');
  shares.set('Classics', h('History') * classicsRatio);
  provenance.set('Classics', 'estimated');
  method.set(
    'Classics',
    `Not in the transcribed SWC table: History hours x (Classics / History national TWM inflows in ${baseYear}: returners + new to sector + newly qualified entrants) = x${classicsRatio.toFixed(4)} (estimated).`,
  );
  const total = h('Total');
  const named = [...shares.values()].reduce((a, b) => a + b, 0);
  shares.set('Others', total - named);
  provenance.set('Others', 'estimated');
  method.set(
    'Others',
    'All remaining SWC 2024/25 hours (PSHE, other social studies, other sciences, media studies, citizenship, careers, other humanities, ...) = total hours minus the 17 named TWM subjects (estimated, as it absorbs the Classics estimate).',
  );
  const rounded = roundShares(
    new Map(SECONDARY_SUBJECTS.map((s) => [s, (shares.get(s) as number) / total])),
    6,
  );
  writeTable(DATA_FILES.subjectShares, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'subject',
      'provenance',
      'method',
      'teaching_share',
    ],
    meta: [
      filter('subject', 'Secondary subject (TWM subject group)'),
      filter('provenance', 'Provenance (derived / estimated)'),
      filter('method', 'How the share was obtained'),
      indicator('teaching_share', 'Share of secondary hours taught (fraction; sums to 1)', 6),
    ],
    rows: SECONDARY_SUBJECTS.map((subject) => ({
      time_period: '202425',
      time_identifier: ACADEMIC_YEAR,
      geographic_level: 'National',
      ...ENGLAND,
      subject,
      provenance: provenance.get(subject) as string,
      method: method.get(subject) as string,
      teaching_share: rounded.get(subject) as number,
    })),
  });
}

// ---------------------------------------------------------------------------------------
// Partnerships

/** Links active in either of the two latest recruitment cycles count as current. */
const CURRENT_CYCLES = ['2025', '2026'];
/** Providers registered in SCR whose partners are almost all elsewhere (national providers). */
const NATIONAL_ONLY = new Set(['E69', 'H40']);
/** Share of NQTs whose first post is 25-100 km away that lands outside the region (assumption). */
const MIDDLE_BAND_OUTSIDE = 0.5;
/** Distance decay (km) for spreading the 25-100 km band over the region's districts. */
const DISTANCE_DECAY_KM = 40;
const EARTH_RADIUS_KM = 6371;

type PartnershipTypeName = 'HEI' | 'SCITT' | 'Teach First';

interface PartnershipBuild {
  code: string;
  name: string;
  ukprn: string;
  type: PartnershipTypeName;
  sourceType: string;
  homeDistrict: DistrictSource | null;
  partners: { code: string; name: string; district: DistrictSource | null; years: string }[];
  inRegionShare: number;
  inRegionMethod: string;
  footprint: Map<string, number>;
  footprintMethod: string;
}

function buildPartnerships(
  districts: DistrictSource[],
  pupils: Map<string, number>,
  baseTimePeriod: string,
): PartnershipBuild[] {
  const providers = readSource('stats/itt_providers_scr.csv');
  const links = readSource('stats/itt_partnerships_scr.csv');
  const distances = readSource('stats/nqt_first_post_distance_by_itt_provider.csv');
  const byName = new Map(districts.map((d) => [d.name, d]));
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const topology = JSON.parse(
    readFileSync(join(DATA, boundaryPath('district')), 'utf8'),
  ) as Topology;
  const lads = feature(
    topology,
    topology.objects.lad as GeometryCollection<{ code: string }>,
  ).features;
  const centroid = new Map(lads.map((f) => [f.properties.code, geoCentroid(f)]));
  const km = (a: string, b: string) =>
    geoDistance(centroid.get(a) as [number, number], centroid.get(b) as [number, number]) *
    EARTH_RADIUS_KM;
  const districtPupils = (code: string) =>
    PHASES.reduce((s, p) => s + (pupils.get(`${code}|${p}`) ?? 0), 0);
  const regional = distances.find(
    (r) =>
      field(r, 'region') === 'Yorkshire and The Humber' && field(r, 'is_regional_total') === 'yes',
  );
  if (!regional) throw new Error('Yorkshire and The Humber all-providers row missing');

  const current = (r: Record<string, string>) =>
    field(r, 'academic_year_codes_active')
      .split(',')
      .some((y) => CURRENT_CYCLES.includes(y.trim()));
  const result: PartnershipBuild[] = [];
  for (const p of providers) {
    const code = field(p, 'provider_code');
    if (field(p, 'accreditation_status') !== 'accredited' || NATIONAL_ONLY.has(code)) continue;
    const own = links.filter((l) => field(l, 'accredited_provider_code') === code && current(l));
    const inScrPartners = own.filter((l) => field(l, 'partner_in_scr') === 'yes');
    const located = field(p, 'in_scr') === 'yes';
    if (inScrPartners.length === 0) continue;
    const home = located ? (byCode.get(field(p, 'scr_lad_code')) ?? null) : null;
    const partners = own.map((l) => ({
      code: field(l, 'training_partner_code'),
      name: field(l, 'training_partner_name'),
      district:
        field(l, 'partner_in_scr') === 'yes'
          ? (byName.get(field(l, 'partner_scr_lad')) ?? null)
          : null,
      years: field(l, 'academic_year_codes_active'),
    }));
    const name = field(p, 'provider_name');
    const sourceType = field(p, 'provider_type');
    const type: PartnershipTypeName = /teach first/i.test(name)
      ? 'Teach First'
      : sourceType === 'hei'
        ? 'HEI'
        : 'SCITT';
    // Training locations: the provider's own base and each current partner, weight 1 each.
    // Outside providers count only their in-region locations here; inRegionShare scales them.
    const locations: (string | 'outside')[] = located
      ? [home?.code ?? 'outside', ...partners.map((x) => x.district?.code ?? 'outside')]
      : partners.filter((x) => x.district).map((x) => (x.district as DistrictSource).code);
    const inRegionShare = located ? 1 : inScrPartners.length / (inScrPartners.length + 1);
    const inRegionMethod = located
      ? 'Provider located in the region with current partners in it: whole activity counted (share 1, estimated).'
      : `Provider outside the region: ${inScrPartners.length} current SCR training partner(s) / (those + 1 for the provider's own activity elsewhere; the register extract lists only links that touch SCR) (estimated).`;
    const ownRow = distances.find((r) => field(r, 'provider') === name);
    const stats = ownRow ?? regional;
    const near = num(stats, 'pct_first_nqt_post_within_25km') / 100;
    const far = num(stats, 'pct_first_nqt_post_over_100km') / 100;
    const middle = 1 - near - far;
    const footprint = new Map<string, number>([
      ...districts.map((d) => [d.code, 0] as [string, number]),
      ['outside', 0],
    ]);
    const add = (key: string, value: number) =>
      footprint.set(key, (footprint.get(key) ?? 0) + value);
    for (const location of locations) {
      const w = 1 / locations.length;
      if (location === 'outside') {
        add('outside', w);
        continue;
      }
      add(location, near * w);
      add('outside', (far + middle * MIDDLE_BAND_OUTSIDE) * w);
      const others = districts.filter((d) => d.code !== location);
      const gravity = others.map(
        (d) => districtPupils(d.code) * Math.exp(-km(location, d.code) / DISTANCE_DECAY_KM),
      );
      const gravityTotal = gravity.reduce((a, b) => a + b, 0);
      others.forEach((d, i) =>
        add(
          d.code,
          (middle * (1 - MIDDLE_BAND_OUTSIDE) * w * (gravity[i] as number)) / gravityTotal,
        ),
      );
    }
    const statsLabel = ownRow
      ? `its own Teachers Analysis Compendium 3 row (${field(ownRow, 'pct_first_nqt_post_within_25km')}% of NQTs' first posts within 25 km, ${field(ownRow, 'pct_first_nqt_post_over_100km')}% over 100 km)`
      : `the Yorkshire and The Humber all-providers row (${field(regional, 'pct_first_nqt_post_within_25km')}% within 25 km, ${field(regional, 'pct_first_nqt_post_over_100km')}% over 100 km), as it has no row of its own`;
    const footprintMethod = `Estimated from ${statsLabel}. Training locations (${located ? "the provider's base and each current training partner" : 'each current SCR training partner'}, equal weight): the within-25 km share stays in the location's district; the over-100 km share goes outside the region; of the 25-100 km share, ${MIDDLE_BAND_OUTSIDE * 100}% goes outside (assumption) and the rest to the other districts in proportion to pupils x exp(-distance/${DISTANCE_DECAY_KM} km) between district centroids. Partners outside the region send all their NQTs outside.`;
    result.push({
      code,
      name,
      ukprn: field(p, 'ukprn'),
      type,
      sourceType,
      homeDistrict: home,
      partners,
      inRegionShare,
      inRegionMethod,
      footprint: roundShares(footprint, 4),
      footprintMethod,
    });
  }
  const providerColumns = (b: PartnershipBuild) => ({
    time_period: baseTimePeriod,
    time_identifier: ACADEMIC_YEAR,
    geographic_level: 'Provider',
    ...ENGLAND,
    provider_ukprn: b.ukprn,
    provider_name: b.name,
    partnership_code: b.code,
  });
  const baseColumns = [
    'time_period',
    'time_identifier',
    'geographic_level',
    'country_code',
    'country_name',
    'provider_ukprn',
    'provider_name',
    'partnership_code',
  ];
  writeTable(DATA_FILES.partnerships, {
    columns: [
      ...baseColumns,
      'partnership_type',
      'register_provider_type',
      'home_lad_code',
      'home_lad_name',
      'in_region_share_provenance',
      'in_region_share_method',
      'footprint_provenance',
      'footprint_method',
      'in_region_share',
    ],
    meta: [
      filter('partnership_code', 'Accredited provider code'),
      filter(
        'partnership_type',
        'Partnership type (HEI / SCITT / School Direct / Teach First / Apprenticeship)',
      ),
      filter('register_provider_type', 'Provider type in the register of training providers'),
      filter('home_lad_code', 'District of the accredited provider (z = outside the region)'),
      filter('home_lad_name', 'District name of the accredited provider (z = outside the region)'),
      filter('in_region_share_provenance', 'Provenance of the in-region share'),
      filter('in_region_share_method', 'How the in-region share was obtained'),
      filter('footprint_provenance', 'Provenance of the employment footprint'),
      filter('footprint_method', 'How the employment footprint was obtained'),
      indicator('in_region_share', 'Share of the partnership counted in the region', 4),
    ],
    rows: result.map((b) => ({
      ...providerColumns(b),
      partnership_type: b.type,
      register_provider_type: b.sourceType,
      home_lad_code: b.homeDistrict?.code ?? 'z',
      home_lad_name: b.homeDistrict?.name ?? 'z',
      in_region_share_provenance: 'estimated',
      in_region_share_method: b.inRegionMethod,
      footprint_provenance: 'estimated',
      footprint_method: b.footprintMethod,
      in_region_share: b.inRegionShare,
    })),
  });
  writeTable(DATA_FILES.trainingPartners, {
    columns: [
      ...baseColumns,
      'training_partner_code',
      'training_partner_name',
      'partner_lad_code',
      'partner_lad_name',
      'cycles_active',
    ],
    meta: [
      filter('partnership_code', 'Accredited provider code'),
      filter('training_partner_code', 'Training partner code'),
      filter('training_partner_name', 'Training partner name'),
      filter('partner_lad_code', 'District of the training partner (z = outside the region)'),
      filter('partner_lad_name', 'District name of the training partner (z = outside the region)'),
      filter('cycles_active', 'Recruitment-cycle codes in which the link is active'),
    ],
    rows: result.flatMap((b) =>
      b.partners.map((x) => ({
        ...providerColumns(b),
        training_partner_code: x.code,
        training_partner_name: x.name,
        partner_lad_code: x.district?.code ?? 'z',
        partner_lad_name: x.district?.name ?? 'z',
        cycles_active: x.years,
      })),
    ),
  });
  writeTable(DATA_FILES.employmentFootprints, {
    columns: [
      ...baseColumns,
      'destination_code',
      'destination_name',
      'provenance',
      'footprint_share',
    ],
    meta: [
      filter('partnership_code', 'Accredited provider code'),
      filter('destination_code', 'District of the first post (outside = outside the region)'),
      filter('destination_name', 'District name of the first post'),
      filter('provenance', 'Provenance'),
      indicator('footprint_share', "Share of the partnership's NQTs whose first post is there", 4),
    ],
    rows: result.flatMap((b) =>
      [...b.footprint].map(([destination, share]) => ({
        ...providerColumns(b),
        destination_code: destination,
        destination_name:
          destination === 'outside'
            ? 'Outside the region'
            : (byCode.get(destination)?.name ?? destination),
        provenance: 'estimated',
        footprint_share: share,
      })),
    ),
  });
  return result;
}

// ---------------------------------------------------------------------------------------
// Illustrative partnership plans (seeded)

const PLAN_SEED = 20260423;

/** Illustrative total places by partnership type and location: [minimum, maximum]. */
const TOTAL_PLACES: Record<string, [number, number]> = {
  'HEI|in region': [250, 600],
  'SCITT|in region': [30, 90],
  'HEI|outside': [10, 40],
  'SCITT|outside': [8, 30],
  'Teach First|outside': [15, 35],
};
const PRIMARY_SHARE: Record<PartnershipTypeName, number> = {
  HEI: 0.45,
  SCITT: 0.35,
  'Teach First': 0.2,
};

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
function buildNqtFirstPostDistances(partnerships: PartnershipBuild[]): void {
  const byName = new Map(partnerships.map((p) => [p.name, p]));
  const cohorts = 'NQTs graduating 2010 to 2015';
  writeTable(DATA_FILES.nqtFirstPostDistances, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'region_code',
      'region_name',
      'provider_ukprn',
      'provider_name',
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
        geographic_level: regional ? 'Regional' : 'Provider',
        ...ENGLAND,
        region_code: code,
        region_name: region,
        provider_ukprn: regional ? 'z' : (partnership?.ukprn ?? 'x'),
        provider_name: regional ? 'z' : field(r, 'provider'),
        partnership_code: partnership?.code ?? 'z',
        first_post_within_25km_percent: num(r, 'pct_first_nqt_post_within_25km'),
        first_post_over_100km_percent: num(r, 'pct_first_nqt_post_over_100km'),
      };
    }),
  });
}

function buildPlans(partnerships: PartnershipBuild[], shares: Map<SecondarySubject, number>): void {
  const random = randomLcg(PLAN_SEED);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const rows: EesRow[] = [];
  for (const p of partnerships) {
    const [lo, hi] = TOTAL_PLACES[`${p.type}|${p.homeDistrict ? 'in region' : 'outside'}`] as [
      number,
      number,
    ];
    const total = Math.round(between(lo, hi));
    // A specialist SCITT (e.g. mathematics and physics) trains only the subjects in its name.
    const specialist = SECONDARY_SUBJECTS.filter((s) =>
      p.partners.some((x) => x.name.toLowerCase().includes(s.toLowerCase())),
    );
    const primaryShare = specialist.length > 0 ? 0 : PRIMARY_SHARE[p.type];
    const secondaryPool: readonly SecondarySubject[] =
      specialist.length > 0 ? specialist : SECONDARY_SUBJECTS;
    const poolShare = secondaryPool.reduce((a: number, s) => a + (shares.get(s) ?? 0), 0);
    for (const subject of SUBJECT_GROUPS) {
      const expected =
        subject === 'Primary'
          ? total * primaryShare
          : secondaryPool.includes(subject as SecondarySubject)
            ? (total * (1 - primaryShare) * (shares.get(subject as SecondarySubject) ?? 0)) /
              poolShare
            : 0;
      const minimumCohort =
        subject === 'Primary' ? (p.type === 'HEI' ? 10 : 4) : p.type === 'HEI' ? 3 : 2;
      // A course below its minimum viable cohort would not run: capacity is 0 or at least that.
      const drawn = expected < 1.5 ? 0 : Math.round(expected * between(0.8, 1.25));
      const capacity = drawn === 0 ? 0 : Math.max(drawn, minimumCohort);
      const lastYearAllocation =
        capacity === 0 ? 0 : Math.min(capacity, Math.round(capacity * between(0.6, 0.95)));
      const lastYearRecruited = Math.min(
        capacity,
        Math.round(lastYearAllocation * between(0.55, 1.1)),
      );
      rows.push({
        time_period: '202526',
        time_identifier: ACADEMIC_YEAR,
        geographic_level: 'Provider',
        ...ENGLAND,
        provider_ukprn: p.ukprn,
        provider_name: p.name,
        partnership_code: p.code,
        subject: subject as SubjectGroup,
        provenance: 'illustrative',
        capacity,
        // ...and a course that ran last year ran at or above its minimum viable cohort.
        minimum_cohort:
          capacity === 0
            ? 0
            : lastYearAllocation > 0
              ? Math.min(minimumCohort, lastYearAllocation)
              : minimumCohort,
        last_year_allocation: lastYearAllocation,
        last_year_recruited: lastYearRecruited,
      });
    }
  }
  writeTable(DATA_FILES.partnershipPlans, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'provider_ukprn',
      'provider_name',
      'partnership_code',
      'subject',
      'provenance',
      'capacity',
      'minimum_cohort',
      'last_year_allocation',
      'last_year_recruited',
    ],
    meta: [
      filter('partnership_code', 'Accredited provider code'),
      filter('subject', 'Subject group (Primary or a TWM secondary subject)'),
      filter(
        'provenance',
        'Provenance: illustrative (made up for demonstration, not real figures)',
      ),
      indicator('capacity', 'Training places the partnership can offer (ILLUSTRATIVE)', 0),
      indicator('minimum_cohort', 'Minimum viable cohort (ILLUSTRATIVE)', 0),
      indicator('last_year_allocation', 'Places allocated last cycle (ILLUSTRATIVE)', 0),
      indicator('last_year_recruited', 'Trainees recruited last cycle (ILLUSTRATIVE)', 0),
    ],
    rows,
  });
}

// ---------------------------------------------------------------------------------------
// Schools

function lsoaLocator(): (lad: string, lon: number, lat: number) => string | null {
  const topology = JSON.parse(readFileSync(join(DATA, boundaryPath('lsoa')), 'utf8')) as Topology;
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

function buildSchools(districts: DistrictSource[]): void {
  const locate = lsoaLocator();
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const gias = readSource('stats/gias_2018_scr_establishments.csv');
  writeTable(DATA_FILES.schoolsGias, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'old_la_code',
      'new_la_code',
      'la_name',
      'lad_code',
      'lad_name',
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
        geographic_level: 'School',
        ...ENGLAND,
        old_la_code: district.laNumber,
        new_la_code: district.laCode,
        la_name: district.laName,
        lad_code: district.code,
        lad_name: district.name,
        lsoa_code: locate(district.code, lon, lat) ?? 'x',
        school_urn: field(r, 'urn'),
        phase: field(r, 'phase'),
        ofsted_rating: field(r, 'ofsted_rating') || 'x',
        pupils: field(r, 'num_pupils_gias') === '' ? 'x' : num(r, 'num_pupils_gias'),
        longitude: lon,
        latitude: lat,
      };
    }),
  });

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
  writeTable(DATA_FILES.schoolsKs4, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'old_la_code',
      'new_la_code',
      'la_name',
      'lad_code',
      'lad_name',
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
      indicator('ebacc_entry_percent', '% of pupils entered for the EBacc', 0, '%', 'KS4 2018/19'),
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
        geographic_level: 'School',
        ...ENGLAND,
        old_la_code: field(r, 'education_la_number'),
        new_la_code: district.laCode,
        la_name: field(r, 'education_la_name'),
        lad_code: district.code,
        lad_name: district.name,
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
  });
}

// ---------------------------------------------------------------------------------------
// Indicators

const optionalNumber = (raw: string): number | string => (raw.trim() === '' ? 'x' : Number(raw));

function buildImd(districts: DistrictSource[]): void {
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const lsoaColumns = [
    'time_period',
    'time_identifier',
    'geographic_level',
    'country_code',
    'country_name',
    'lad_code',
    'lad_name',
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
      geographic_level: 'LSOA',
      ...ENGLAND,
      lad_code: d.code,
      lad_name: d.name,
      msoa_code: msoa,
      lsoa_code: lsoa,
      lsoa_name: lsoaName,
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
  writeTable(DATA_FILES.imd2015Lsoa, {
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
  });
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
  writeTable(DATA_FILES.imd2019Lsoa, {
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
  });
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
  writeTable(DATA_FILES.imd2015Msoa, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'lad_code',
      'lad_name',
      'msoa_code',
      'msoa_name',
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
        geographic_level: 'MSOA',
        ...ENGLAND,
        lad_code: d.code,
        lad_name: d.name,
        msoa_code: field(r, 'msoa11_code'),
        msoa_name: field(r, 'msoa11_name'),
        provenance: 'derived',
        ...Object.fromEntries(msoaIndicators.map(([n]) => [n, optionalNumber(field(r, n))])),
      };
    }),
  });
  const lad = readSource('stats/imd2015_lad_scr_derived.csv');
  const ladIndicators = derivedIndicators('district');
  writeTable(DATA_FILES.imd2015Lad, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'lad_code',
      'lad_name',
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
      geographic_level: 'Local authority district',
      ...ENGLAND,
      lad_code: field(r, 'lad_code'),
      lad_name: field(r, 'lad_name'),
      provenance: 'derived',
      ...Object.fromEntries(ladIndicators.map(([n]) => [n, optionalNumber(field(r, n))])),
    })),
  });
}

/** LAIT academic-year measures kept, with the tidy indicator name, label and decimals. */
const LAIT_MEASURES: [string, string, string, number, '' | '%'][] = [
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

function areaLevelColumns(areaType: string, code: string, name: string, laNumber: string) {
  if (areaType === 'country') {
    return {
      geographic_level: 'National',
      region_code: 'z',
      region_name: 'z',
      old_la_code: 'z',
      new_la_code: 'z',
      la_name: 'z',
    };
  }
  if (areaType === 'region') {
    return {
      geographic_level: 'Regional',
      region_code: code,
      region_name: name,
      old_la_code: 'z',
      new_la_code: 'z',
      la_name: 'z',
    };
  }
  return {
    geographic_level: 'Local authority',
    region_code: 'z',
    region_name: 'z',
    old_la_code: laNumber,
    new_la_code: code,
    la_name: name,
  };
}

function buildLait(): void {
  const rows = readSource('stats/lait_la_indicators_scr.csv').filter(
    (r) => field(r, 'year_type') === 'Academic Year',
  );
  const cells = new Map<string, Map<string, string>>();
  const areas = new Map<string, Record<string, string>>();
  for (const r of rows) {
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
        ...ENGLAND,
        ...areaLevelColumns(
          field(r, 'area_type'),
          field(r, 'gss_code'),
          field(r, 'area_name'),
          field(r, 'dfe_la_number'),
        ),
        ...Object.fromEntries(
          LAIT_MEASURES.map(([source, name]) => {
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
  writeTable(DATA_FILES.laitKs4, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'region_code',
      'region_name',
      'old_la_code',
      'new_la_code',
      'la_name',
      ...LAIT_MEASURES.map(([, n]) => n),
    ],
    meta: LAIT_MEASURES.map(([, n, label, dp, unit]) => indicator(n, label, dp, unit, 'LAIT')),
    rows: tableRows,
  });
}

function buildGcse5ac(): void {
  const rows = readSource('stats/gcse_5ac_2010_2015.csv').filter((r) =>
    ['country', 'county_la', 'metropolitan_district_la'].includes(field(r, 'area_type')),
  );
  const years = consecutiveYears(academicYear('2009/10'), 6);
  writeTable(DATA_FILES.gcse5ac, {
    columns: [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
      'old_la_code',
      'new_la_code',
      'la_name',
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
          geographic_level: isCountry ? 'National' : 'Local authority',
          ...ENGLAND,
          old_la_code: isCountry ? 'z' : field(r, 'education_la_code'),
          new_la_code: isCountry ? 'z' : field(r, 'gss_code'),
          la_name: isCountry ? 'z' : field(r, 'area'),
          includes_schools_outside_region: field(r, 'includes_schools_outside_scr') || 'z',
          five_ac_em_percent: optionalNumber(field(r, year)),
        };
      }),
    ),
  });
}

// ---------------------------------------------------------------------------------------

function main(): void {
  if (process.argv.includes('--refresh-source')) refreshSource();
  const { byPhaseYear, baseYear } = buildNationalPupilTeacher();
  const baseTimePeriod = toTimePeriod(baseYear);
  const districts = buildDistricts(baseTimePeriod);
  const flows2026 = buildNationalFlows(TWM_FILES.flows2026, DATA_FILES.nationalFlows);
  buildNationalFlows(TWM_FILES.flows2025, DATA_FILES.nationalFlows2025);
  const pupils = buildBaselineAndProjections(districts, byPhaseYear, baseYear);
  buildSubjectShares(flows2026, baseYear);
  const shares = new Map(
    parseCsv(readFileSync(join(DATA, DATA_FILES.subjectShares), 'utf8')).rows.map((r) => [
      field(r, 'subject') as SecondarySubject,
      num(r, 'teaching_share'),
    ]),
  );
  const partnerships = buildPartnerships(districts, pupils.base, baseTimePeriod);
  buildPlans(partnerships, shares);
  buildNqtFirstPostDistances(partnerships);
  buildSchools(districts);
  buildImd(districts);
  buildLait();
  buildGcse5ac();
  const kit = {
    readSource,
    writeTable,
    filter,
    indicator: (n: string, l: string, dp: number) => indicator(n, l, dp),
  };
  buildIttNewEntrants(kit, DATA_FILES.ittNewEntrants);
  buildQtsAwards(kit, DATA_FILES.qtsAwards);
  buildPublishedTraineeNeed(kit, DATA_FILES.publishedTraineeNeed);
}

main();
