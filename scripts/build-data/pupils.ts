/**
 * District pupils and teachers: the base-year baseline (district_phase_baseline.csv) and the
 * pupil projections, from the SCAP scorecards, GIAS 2018 and the national TWM teachers.
 */
import {
  academicYearStarting,
  consecutiveYears,
  nextAcademicYear,
  toTimePeriod,
  type AcademicYear,
} from '../../src/data/academic-year.ts';
import { ACADEMIC_YEAR, ENGLAND, eesColumns, type EesRow } from '../../src/data/ees.ts';
import { DATA_FILES } from '../../src/data/registry/index.ts';
import type { Phase } from '../../src/data/types.ts';
import { districtLocation, type DistrictSource } from './districts.ts';
import type { NationalYear } from './national.ts';
import { field, num, readSource } from './source.ts';
import { PHASES, PHASE_LABEL, builtFile, filter, indicator, type BuiltFile } from './tables.ts';

/** LA number-on-roll series by academic year, from the SCAP scorecards. */
interface LaSeries {
  nor: Map<string, number>; // academic year -> pupils (census or forecast)
  provenance: Map<string, 'published' | 'derived' | 'estimated'>;
  /** Years whose number on roll is a January census count in the scorecards (outturn). */
  counted: Set<string>;
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
      s = { nor: new Map(), provenance: new Map(), counted: new Set() };
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
      s.counted.add(year);
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

export interface DistrictPupils {
  base: Map<string, number>; // district|phase -> base-year pupils
  provenance: Map<string, 'published' | 'estimated'>;
  files: BuiltFile[];
}

export function buildBaselineAndProjections(
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
  const files: BuiltFile[] = [];
  const baselineRows: EesRow[] = [];
  const projectionRows: EesRow[] = [];
  const projectionYears = consecutiveYears(nextAcademicYear(baseYear), 4);
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
        ...districtLocation(d),
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
        // A shire district's counted year is its county's census count shared out: still a count.
        const counted = s.counted.has(year);
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
          ...districtLocation(d),
          phase: PHASE_LABEL[phase],
          figure_status: counted ? 'counted' : 'projected',
          provenance: rowProvenance,
          method: ownAuthority(d)
            ? `${d.laName} SCAP pupils: ${how}.`
            : `District base-year pupils (estimated) x ${d.laName} county-wide SCAP pupils ${year} / ${baseYear}; ${year}: ${how}.`,
          pupils: Math.round((pupils * laYear) / laBase),
        });
      }
    }
  }
  const common = [...eesColumns('Local authority district', 'Local authority'), 'phase'];
  files.push(
    builtFile(DATA_FILES.baselines, {
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
    }),
  );
  files.push(
    builtFile(DATA_FILES.pupilProjections, {
      columns: [...common, 'figure_status', 'provenance', 'method', 'pupils'],
      meta: [
        filter('phase', 'Phase'),
        filter(
          'figure_status',
          'counted: January school census count (outturn); projected: a forecast of a later year',
        ),
        filter('provenance', 'Provenance (published / derived / estimated)'),
        filter('method', 'How the figure was obtained'),
        indicator('pupils', 'Pupils on roll (SCAP definition)', 0),
      ],
      rows: projectionRows,
    }),
  );
  console.log(
    `  GIAS blanks imputed: ${gias.imputed}; calibration primary ${calibration.get('primary')?.toFixed(3)}, secondary ${calibration.get('secondary')?.toFixed(3)}`,
  );
  return { base, provenance, files };
}
