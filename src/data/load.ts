/**
 * Loads a region's dataset from the files in data/ through a `read` function (fs in Node,
 * fetch in the browser), validating each file and the joins between them. A file with any
 * problem is rejected whole: its table keeps the previous dataset's value (or stays empty on
 * a first load) while the valid files still load, so the app keeps running on what is valid.
 */
import { academicYear } from './academic-year.ts';
import { BOUNDARY_FILES, DATA_FILES, type DataFileKey } from './files.ts';
import { issue, validateTable, type FileKind, type Located, type RowOf } from './schemas.ts';
import type {
  AreaIndicator,
  DataIssue,
  District,
  DistrictPhaseBaseline,
  NationalFlow,
  NationalPupilTeacher,
  Partnership,
  PartnershipSubjectPlan,
  Phase,
  PupilProjection,
  RegionDataset,
  School,
  SubjectShare,
} from './types.ts';

/** Reads a file given its path relative to data/. */
export type DataReader = (path: string) => Promise<string>;

export interface LoadResult {
  dataset: RegionDataset;
  issues: DataIssue[];
}

/** Which schema validates each default file. */
export const FILE_KIND_OF = {
  districts: 'districts',
  nationalPupilTeacher: 'nationalPupilTeacher',
  nationalFlows: 'nationalFlows',
  nationalFlows2025: 'nationalFlows',
  baselines: 'baselines',
  pupilProjections: 'pupilProjections',
  subjectShares: 'subjectShares',
  partnerships: 'partnerships',
  trainingPartners: 'trainingPartners',
  employmentFootprints: 'employmentFootprints',
  partnershipPlans: 'partnershipPlans',
  schoolsGias: 'schoolsGias',
  schoolsKs4: 'schoolsKs4',
  imd2015Lsoa: 'imd2015Lsoa',
  imd2019Lsoa: 'imd2019Lsoa',
  imd2015Msoa: 'imd2015Msoa',
  imd2015Lad: 'imd2015Lad',
  laitKs4: 'laitKs4',
  gcse5ac: 'gcse5ac',
} as const satisfies Record<DataFileKey, FileKind>;

/** Validates one file's text; an empty list means the file is valid on its own. */
export function validateFile(kind: FileKind, text: string, fileName: string): DataIssue[] {
  return validateTable(kind, text, fileName).issues;
}

export function emptyDataset(): RegionDataset {
  return {
    regionName: '',
    baseYear: null,
    districts: [],
    baselines: [],
    pupilProjections: [],
    subjectShares: [],
    nationalFlows: [],
    nationalPupilTeacher: [],
    partnerships: [],
    partnershipPlans: [],
    schools: [],
    indicators: [],
  };
}

type Rows<K extends FileKind> = Located<RowOf<K>>[];

/** Reads and validates every default file; absent or unreadable files become issues. */
async function readAll(
  read: DataReader,
  issues: DataIssue[],
): Promise<Map<DataFileKey, Located<unknown>[]>> {
  const keys = Object.keys(DATA_FILES) as DataFileKey[];
  const tables = new Map<DataFileKey, Located<unknown>[]>();
  await Promise.all(
    keys.map(async (key) => {
      const path = DATA_FILES[key];
      let text: string;
      try {
        text = await read(path);
      } catch (error) {
        issues.push(issue(path, null, null, `could not be read (${String(error)})`));
        return;
      }
      const result = validateTable(FILE_KIND_OF[key], text, path);
      issues.push(...result.issues);
      if (result.table) tables.set(key, result.table.rows);
    }),
  );
  return tables;
}

/** Collects join problems; a file with any is rejected. */
class JoinChecker {
  readonly rejected = new Set<DataFileKey>();
  constructor(private readonly issues: DataIssue[]) {}

  report(key: DataFileKey, line: number | null, column: string | null, reason: string): void {
    this.issues.push(issue(DATA_FILES[key], line, column, reason));
    this.rejected.add(key);
  }

  /** Every row's code must be one of `known`; `z` (none) passes when allowed. */
  codes<Row>(
    key: DataFileKey,
    rows: readonly Located<Row>[],
    column: string,
    codeOf: (row: Row) => string | null,
    known: ReadonlySet<string>,
    what: string,
  ): void {
    for (const { line, value } of rows) {
      const code = codeOf(value);
      if (code !== null && !known.has(code)) {
        this.report(key, line, column, `"${code}" is not ${what}`);
      }
    }
  }
}

function boundaryCodes(text: string): Set<string> {
  const topology = JSON.parse(text) as {
    objects?: Record<string, { geometries?: { properties?: { code?: string } }[] }>;
  };
  const geometries = topology.objects?.lad?.geometries ?? [];
  return new Set(geometries.map((g) => g.properties?.code).filter((c): c is string => !!c));
}

function toDistricts(rows: Rows<'districts'>): District[] {
  return rows.map(({ value: r }) => ({
    code: r.lad_code,
    name: r.lad_name,
    educationLaNumber: r.old_la_code,
    educationLaCode: r.new_la_code,
    educationLaName: r.la_name,
    membership: r.membership,
  }));
}

function toBaselines(rows: Rows<'baselines'>): DistrictPhaseBaseline[] {
  return rows.map(({ value: r }) => ({
    districtCode: r.lad_code,
    phase: r.phase,
    baseYear: r.time_period,
    pupils: r.pupils,
    teacherFte: r.teachers_fte,
    pupilsProvenance: r.pupils_provenance,
    teacherFteProvenance: r.teachers_fte_provenance,
    method: r.method,
  }));
}

function toProjections(rows: Rows<'pupilProjections'>): PupilProjection[] {
  return rows.map(({ value: r }) => ({
    districtCode: r.lad_code,
    phase: r.phase,
    year: r.time_period,
    pupils: r.pupils,
    provenance: r.provenance,
    method: r.method,
  }));
}

function toSubjectShares(rows: Rows<'subjectShares'>): SubjectShare[] {
  return rows.map(({ value: r }) => ({
    subject: r.subject,
    share: r.teaching_share,
    provenance: r.provenance,
    method: r.method,
  }));
}

/** Flows with a missing value (e.g. 2027/28 newly qualified entrants) are left out. */
function toNationalFlows(rows: Rows<'nationalFlows'>): NationalFlow[] {
  return rows.flatMap(({ value: r }) => {
    const value = r.leaver_rate ?? r.flow_fte;
    return value === null
      ? []
      : [
          {
            phase: r.phase,
            subject: r.subject,
            type: r.flow_type,
            year: r.time_period,
            value,
            historic: r.flow_status === 'Historic',
            publicationYear: r.publication_year,
          },
        ];
  });
}

function toNationalPupilTeacher(rows: Rows<'nationalPupilTeacher'>): NationalPupilTeacher[] {
  return rows.map(({ value: r }) => ({
    phase: r.phase,
    year: r.time_period,
    pupils: r.pupils,
    teacherFte: r.teachers_fte,
    projection: r.projection === 'Yes',
  }));
}

function toPartnerships(
  partnerships: Rows<'partnerships'>,
  partners: Rows<'trainingPartners'>,
  footprints: Rows<'employmentFootprints'>,
): Partnership[] {
  return partnerships.map(({ value: r }) => ({
    code: r.partnership_code,
    name: r.provider_name,
    type: r.partnership_type,
    homeDistrictCode: r.home_lad_code,
    trainingPartners: partners
      .filter(({ value: p }) => p.partnership_code === r.partnership_code)
      .map(({ value: p }) => ({
        code: p.training_partner_code,
        name: p.training_partner_name,
        districtCode: p.partner_lad_code,
      })),
    inRegionShare: r.in_region_share,
    inRegionShareProvenance: r.in_region_share_provenance,
    employmentFootprint: Object.fromEntries(
      footprints
        .filter(({ value: f }) => f.partnership_code === r.partnership_code)
        .map(({ value: f }) => [f.destination_code, f.footprint_share]),
    ),
    footprintProvenance: r.footprint_provenance,
    footprintMethod: r.footprint_method,
  }));
}

function toPlans(rows: Rows<'partnershipPlans'>): PartnershipSubjectPlan[] {
  return rows.map(({ value: r }) => ({
    partnershipCode: r.partnership_code,
    subject: r.subject,
    capacity: r.capacity,
    minimumCohort: r.minimum_cohort,
    lastYearAllocation: r.last_year_allocation,
    lastYearRecruited: r.last_year_recruited,
    provenance: r.provenance,
  }));
}

/**
 * School points: GIAS 2018 establishments that are schools (a phase, or pupils on roll),
 * named and given KS4 results from the KS4 2018/19 file where the URN matches; KS4 schools
 * missing from the GIAS extract (new URNs) are added from the KS4 file.
 */
function toSchools(gias: Rows<'schoolsGias'> | null, ks4: Rows<'schoolsKs4'> | null): School[] {
  const ks4ByUrn = new Map((ks4 ?? []).map(({ value }) => [value.school_urn, value]));
  const ks4Of = (r: RowOf<'schoolsKs4'>): School['ks4'] => ({
    year: academicYear('2018/19'),
    schoolType: r.school_type,
    attainment8: r.attainment8,
    progress8: r.progress8,
    englishMaths95Percent: r.english_maths_9_5_percent,
    ebaccEntryPercent: r.ebacc_entry_percent,
  });
  const schools: School[] = [];
  const used = new Set<string>();
  for (const { value: g } of gias ?? []) {
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
  for (const { value: k } of ks4 ?? []) {
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

interface IndicatorColumn<Row> {
  id: string;
  label: string;
  higherIsWorse: boolean;
  unit: string;
  value: (row: Row) => number | null;
}

function areaIndicators<Row>(
  rows: readonly Located<Row>[],
  level: AreaIndicator['level'],
  areaOf: (row: Row) => string,
  source: string,
  provenance: AreaIndicator['provenance'],
  columns: IndicatorColumn<Row>[],
): AreaIndicator[] {
  return columns.map((c) => ({
    id: c.id,
    label: c.label,
    level,
    higherIsWorse: c.higherIsWorse,
    unit: c.unit,
    source,
    provenance,
    values: rows.map(({ value }) => ({ areaCode: areaOf(value), value: c.value(value) })),
  }));
}

const IMD2015_SOURCE =
  'English Indices of Deprivation 2015 (DCLG, 30 Sep 2015), via humaniverse/IMD; OGL v3';
const IMD2019_SOURCE = 'English Indices of Deprivation 2019 (MHCLG), via humaniverse/IMD; OGL v3';
const IMD_DERIVED_SOURCE =
  'Derived, not official: IoD2015 LSOA scores aggregated by the humaniverse/IMD authors (population-weighted); OGL v3';
const COUNTY_NOTE =
  'Bassetlaw shows the Nottinghamshire figure and the four Derbyshire districts show the Derbyshire figure (county-wide, includes schools outside SCR)';

/** District indicators from LA-level figures: each district takes its education LA's value. */
function districtFromLa<Row extends { new_la_code: string | null; time_period: string }>(
  rows: readonly Located<Row>[],
  districts: readonly District[],
  columns: { id: string; label: string; unit: string; value: (row: Row) => number | null }[],
  source: string,
): AreaIndicator[] {
  return columns.flatMap((c) => {
    const withValues = rows.filter(({ value }) => value.new_la_code !== null && c.value(value) !== null);
    const latest = withValues.map(({ value }) => value.time_period).sort().at(-1);
    if (latest === undefined) return [];
    const byLa = new Map(
      withValues
        .filter(({ value }) => value.time_period === latest)
        .map(({ value }) => [value.new_la_code as string, c.value(value)]),
    );
    const shire = districts.some((d) => d.educationLaCode !== d.code);
    return [
      {
        id: c.id,
        label: `${c.label}, ${latest}${shire ? ' (county figure for shire districts)' : ''}`,
        level: 'district' as const,
        higherIsWorse: false,
        unit: c.unit,
        source: shire ? `${source}. ${COUNTY_NOTE}.` : source,
        provenance: 'published' as const,
        values: districts.map((d) => ({
          areaCode: d.code,
          value: byLa.get(d.educationLaCode) ?? null,
        })),
      },
    ];
  });
}

/**
 * Loads the dataset. With `previous`, a rejected file keeps that dataset's table (so a bad
 * replacement file never wipes what was loaded); without it, the table stays empty.
 */
export async function loadRegionDataset(
  read: DataReader,
  previous?: RegionDataset,
): Promise<LoadResult> {
  const issues: DataIssue[] = [];
  const tables = await readAll(read, issues);
  const joins = new JoinChecker(issues);
  const rows = <K extends DataFileKey>(key: K) =>
    (tables.get(key) as Rows<(typeof FILE_KIND_OF)[K]> | undefined) ?? null;

  // Districts and their boundaries.
  const districtRows = rows('districts');
  if (districtRows) {
    let boundaries: Set<string> | null = null;
    try {
      boundaries = boundaryCodes(await read(BOUNDARY_FILES.districts));
    } catch (error) {
      issues.push(issue(BOUNDARY_FILES.districts, null, null, `could not be read (${String(error)})`));
    }
    if (boundaries) {
      joins.codes('districts', districtRows, 'lad_code', (r) => r.lad_code, boundaries, `a district in ${BOUNDARY_FILES.districts}`);
    }
    const regions = new Set(districtRows.map(({ value }) => value.planning_region));
    if (regions.size > 1) {
      joins.report('districts', null, 'planning_region', `holds more than one region (${[...regions].join(', ')})`);
    }
  }
  const districtsOk = districtRows && !joins.rejected.has('districts');
  const districts = districtsOk ? toDistricts(districtRows) : (previous?.districts ?? []);
  const districtCodes = new Set(districts.map((d) => d.code));
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const regionName = districtsOk
    ? (districtRows[0]?.value.planning_region ?? '')
    : (previous?.regionName ?? '');

  const inRegion = 'a district of the region (districts.csv)';
  const phases: Phase[] = ['primary', 'secondary'];
  const coverage = (key: DataFileKey, present: Set<string>, keys: string[], what: (k: string) => string) => {
    for (const k of keys) if (!present.has(k)) joins.report(key, null, 'lad_code', what(k));
  };

  const baselineRows = rows('baselines');
  if (baselineRows) {
    joins.codes('baselines', baselineRows, 'lad_code', (r) => r.lad_code, districtCodes, inRegion);
    const present = new Set(baselineRows.map(({ value }) => `${value.lad_code}|${value.phase}`));
    coverage(
      'baselines',
      present,
      districts.flatMap((d) => phases.map((p) => `${d.code}|${p}`)),
      (k) => `no ${k.split('|')[1]} baseline for ${k.split('|')[0]} (${districtName.get(k.split('|')[0] ?? '')})`,
    );
  }
  const baseYear = baselineRows && !joins.rejected.has('baselines')
    ? (baselineRows[0]?.value.time_period ?? null)
    : (previous?.baseYear ?? null);

  const projectionRows = rows('pupilProjections');
  if (projectionRows) {
    joins.codes('pupilProjections', projectionRows, 'lad_code', (r) => r.lad_code, districtCodes, inRegion);
    for (const { line, value } of projectionRows) {
      if (baseYear && value.time_period <= baseYear) {
        joins.report('pupilProjections', line, 'time_period', `${value.time_period} is not after the base year ${baseYear}`);
      }
    }
    const years = [...new Set(projectionRows.map(({ value }) => value.time_period))];
    const present = new Set(projectionRows.map(({ value }) => `${value.lad_code}|${value.phase}|${value.time_period}`));
    coverage(
      'pupilProjections',
      present,
      districts.flatMap((d) => phases.flatMap((p) => years.map((y) => `${d.code}|${p}|${y}`))),
      (k) => {
        const [code, phase, year] = k.split('|');
        return `no ${phase} projection for ${code} (${districtName.get(code ?? '')}) in ${year}`;
      },
    );
  }

  for (const key of ['imd2015Lsoa', 'imd2019Lsoa'] as const) {
    const imd = rows(key);
    if (!imd) continue;
    joins.codes(key, imd, 'lad_code', (r) => r.lad_code, districtCodes, inRegion);
    const present = new Set(imd.map(({ value }) => value.lad_code));
    coverage(key, present, districts.map((d) => d.code), (code) => `no LSOA of district ${code} (${districtName.get(code)})`);
  }
  for (const key of ['imd2015Msoa', 'imd2015Lad', 'schoolsGias', 'schoolsKs4'] as const) {
    const table = rows(key) as Located<{ lad_code: string }>[] | null;
    if (table) joins.codes(key, table, 'lad_code', (r) => r.lad_code, districtCodes, inRegion);
  }

  const partnershipRows = rows('partnerships');
  const partnerRows = rows('trainingPartners');
  const footprintRows = rows('employmentFootprints');
  const planRows = rows('partnershipPlans');
  if (partnershipRows) {
    joins.codes('partnerships', partnershipRows, 'home_lad_code', (r) => r.home_lad_code, districtCodes, inRegion);
  }
  const partnershipCodes = new Set((partnershipRows ?? []).map(({ value }) => value.partnership_code));
  const knownPartnership = 'a partnership in itt_partnerships.csv';
  if (partnerRows) {
    joins.codes('trainingPartners', partnerRows, 'partner_lad_code', (r) => r.partner_lad_code, districtCodes, inRegion);
    joins.codes('trainingPartners', partnerRows, 'partnership_code', (r) => r.partnership_code, partnershipCodes, knownPartnership);
  }
  if (footprintRows) {
    joins.codes('employmentFootprints', footprintRows, 'partnership_code', (r) => r.partnership_code, partnershipCodes, knownPartnership);
    joins.codes(
      'employmentFootprints',
      footprintRows,
      'destination_code',
      (r) => r.destination_code,
      new Set([...districtCodes, 'outside']),
      `${inRegion} or "outside"`,
    );
    const withFootprint = new Set(footprintRows.map(({ value }) => value.partnership_code));
    for (const code of partnershipCodes) {
      if (!withFootprint.has(code)) joins.report('employmentFootprints', null, 'partnership_code', `no footprint for partnership ${code}`);
    }
  }
  if (planRows) {
    joins.codes('partnershipPlans', planRows, 'partnership_code', (r) => r.partnership_code, partnershipCodes, knownPartnership);
  }

  const ok = (key: DataFileKey) => tables.has(key) && !joins.rejected.has(key);
  const pick = <T>(keys: DataFileKey[], build: () => T, fallback: T): T =>
    keys.every(ok) ? build() : fallback;
  const prev = previous ?? emptyDataset();

  const indicatorGroups: [DataFileKey, () => AreaIndicator[], string[]][] = [
    [
      'imd2015Lsoa',
      () =>
        areaIndicators(rows('imd2015Lsoa') ?? [], 'lsoa', (r) => r.lsoa_code, IMD2015_SOURCE, 'published', [
          { id: 'imd2015_score', label: 'IMD 2015 score', higherIsWorse: true, unit: 'score', value: (r) => r.imd2015_score },
          { id: 'imd2015_rank', label: 'IMD 2015 rank (1 = most deprived)', higherIsWorse: false, unit: 'rank', value: (r) => r.imd2015_rank },
          { id: 'imd2015_decile', label: 'IMD 2015 decile (1 = most deprived 10%)', higherIsWorse: false, unit: 'decile', value: (r) => r.imd2015_decile },
          { id: 'imd2015_cyp_education_score', label: 'IMD 2015 education: children and young people sub-domain score', higherIsWorse: true, unit: 'score', value: (r) => r.imd2015_children_and_young_people_subdomain_score },
          { id: 'imd2015_adult_skills_score', label: 'IMD 2015 education: adult skills sub-domain score', higherIsWorse: true, unit: 'score', value: (r) => r.imd2015_adult_skills_subdomain_score },
        ]),
      ['imd2015_score', 'imd2015_rank', 'imd2015_decile', 'imd2015_cyp_education_score', 'imd2015_adult_skills_score'],
    ],
    [
      'imd2019Lsoa',
      () =>
        areaIndicators(rows('imd2019Lsoa') ?? [], 'lsoa', (r) => r.lsoa_code, IMD2019_SOURCE, 'published', [
          { id: 'imd2019_rank', label: 'IMD 2019 rank (1 = most deprived)', higherIsWorse: false, unit: 'rank', value: (r) => r.imd2019_imd_rank },
          { id: 'imd2019_decile', label: 'IMD 2019 decile (1 = most deprived 10%)', higherIsWorse: false, unit: 'decile', value: (r) => r.imd2019_imd_decile },
          { id: 'imd2019_education_rank', label: 'IMD 2019 education, skills and training rank (1 = most deprived)', higherIsWorse: false, unit: 'rank', value: (r) => r.imd2019_education_rank },
          { id: 'imd2019_education_decile', label: 'IMD 2019 education, skills and training decile (1 = most deprived 10%)', higherIsWorse: false, unit: 'decile', value: (r) => r.imd2019_education_decile },
        ]),
      ['imd2019_rank', 'imd2019_decile', 'imd2019_education_rank', 'imd2019_education_decile'],
    ],
    [
      'imd2015Msoa',
      () =>
        areaIndicators(rows('imd2015Msoa') ?? [], 'msoa', (r) => r.msoa_code, IMD_DERIVED_SOURCE, 'derived', [
          { id: 'imd2015_msoa_score', label: 'IMD 2015 population-weighted score (MSOA, derived)', higherIsWorse: true, unit: 'score', value: (r) => r.imd2015_popweighted_score },
          { id: 'imd2015_msoa_most_deprived_share', label: 'Share of LSOAs in the most deprived 10% (MSOA, derived)', higherIsWorse: true, unit: 'proportion', value: (r) => r.imd2015_proportion_lsoas_most_deprived_10pc },
          { id: 'imd2015_msoa_extent', label: 'IMD 2015 extent (MSOA, derived)', higherIsWorse: true, unit: 'proportion', value: (r) => r.imd2015_extent },
        ]),
      ['imd2015_msoa_score', 'imd2015_msoa_most_deprived_share', 'imd2015_msoa_extent'],
    ],
    [
      'imd2015Lad',
      () =>
        areaIndicators(rows('imd2015Lad') ?? [], 'district', (r) => r.lad_code, IMD_DERIVED_SOURCE, 'derived', [
          { id: 'imd2015_district_score', label: 'IMD 2015 population-weighted score (district, derived)', higherIsWorse: true, unit: 'score', value: (r) => r.imd2015_popweighted_score },
          { id: 'imd2015_district_most_deprived_share', label: 'Share of LSOAs in the most deprived 10% (district, derived)', higherIsWorse: true, unit: 'proportion', value: (r) => r.imd2015_proportion_lsoas_most_deprived_10pc },
          { id: 'imd2015_district_extent', label: 'IMD 2015 extent (district, derived)', higherIsWorse: true, unit: 'proportion', value: (r) => r.imd2015_extent },
        ]),
      ['imd2015_district_score', 'imd2015_district_most_deprived_share', 'imd2015_district_extent'],
    ],
    [
      'laitKs4',
      () =>
        districtFromLa(
          rows('laitKs4') ?? [],
          districts,
          [
            { id: 'ks4_attainment8', label: 'KS4 average Attainment 8 score', unit: 'score', value: (r) => r.attainment8 },
            { id: 'ks4_english_maths_9_4', label: 'KS4 % achieving 9-4 in English and maths', unit: '%', value: (r) => r.english_maths_9_4_percent },
            { id: 'ks4_progress8', label: 'KS4 average Progress 8 score', unit: 'score', value: (r) => r.progress8 },
          ],
          'DfE Local Authority Interactive Tool (LAIT), dfe-analytical-services/local-authority-interactive-tool @2e30e39; OGL v3',
        ),
      ['ks4_attainment8', 'ks4_english_maths_9_4', 'ks4_progress8'],
    ],
    [
      'gcse5ac',
      () =>
        districtFromLa(
          rows('gcse5ac') ?? [],
          districts,
          [{ id: 'gcse_5ac_em', label: '% 5+ A*-C GCSEs including English and maths', unit: '%', value: (r) => r.five_ac_em_percent }],
          'Partnerships for Attainment (Sheffield Institute of Education, 2016), appendix, from SCR Labour Market Review 2015 (underlying DfE KS4 statistics, OGL v3)',
        ),
      ['gcse_5ac_em'],
    ],
  ];
  const indicators = indicatorGroups.flatMap(([key, build, ids]) =>
    ok(key) ? build() : prev.indicators.filter((i) => ids.includes(i.id)),
  );

  const partnershipKeys: DataFileKey[] = ['partnerships', 'trainingPartners', 'employmentFootprints'];
  const dataset: RegionDataset = {
    regionName,
    baseYear,
    districts,
    baselines: pick(['baselines'], () => toBaselines(baselineRows ?? []), prev.baselines),
    pupilProjections: pick(['pupilProjections'], () => toProjections(projectionRows ?? []), prev.pupilProjections),
    subjectShares: pick(['subjectShares'], () => toSubjectShares(rows('subjectShares') ?? []), prev.subjectShares),
    nationalFlows: pick(['nationalFlows'], () => toNationalFlows(rows('nationalFlows') ?? []), prev.nationalFlows),
    nationalPupilTeacher: pick(
      ['nationalPupilTeacher'],
      () => toNationalPupilTeacher(rows('nationalPupilTeacher') ?? []),
      prev.nationalPupilTeacher,
    ),
    partnerships: pick(
      partnershipKeys,
      () => toPartnerships(partnershipRows ?? [], partnerRows ?? [], footprintRows ?? []),
      prev.partnerships,
    ),
    partnershipPlans: pick(['partnershipPlans'], () => toPlans(planRows ?? []), prev.partnershipPlans),
    schools:
      // Schools combine two files: a rejected one keeps the previous table, or (on a first
      // load) leaves the points of the valid file only.
      ok('schoolsGias') && ok('schoolsKs4')
        ? toSchools(rows('schoolsGias'), rows('schoolsKs4'))
        : previous
          ? previous.schools
          : toSchools(ok('schoolsGias') ? rows('schoolsGias') : null, ok('schoolsKs4') ? rows('schoolsKs4') : null),
    indicators,
  };
  return { dataset, issues };
}
