/**
 * Allocation results as tidy CSV in the Explore Education Statistics convention, and the
 * supply model's forecast CSV read back as NQT need.
 */
import { z } from 'zod';
import {
  ACADEMIC_YEAR,
  PARTNERSHIP_CODE_META,
  PARTNERSHIP_NAME_META,
  SUBJECT_META,
  eesArea,
  eesColumns,
  eesLocation,
  type EesRow,
  type EesTable,
} from '../data/ees.ts';
import {
  academicYear,
  gssCode,
  oneOf,
  optionalNumber,
  phaseCell,
  rowIssues,
} from '../data/cells.ts';
import { capIssues, readCsv } from '../data/csv-reader.ts';
import type { FileContent } from '../data/utf8.ts';
import type { DataIssue, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import type { AllocationProblem, NeedRecord } from './problem.ts';
import type { AllocationSolution } from './solution.ts';
import { addYears, toTimePeriod, type AcademicYear } from '../data/academic-year.ts';

/** The planning region is not an ONS region, so it has no region code. */
const regionOf = (problem: AllocationProblem) => ({ code: 'x', name: problem.regionName });

/** Allocation table: partnership x route x subject x entry year, with Total rows. */
export function allocationTable(
  problem: AllocationProblem,
  solution: AllocationSolution,
): EesTable {
  const region = (year: AcademicYear): EesRow => ({
    time_period: toTimePeriod(year),
    time_identifier: ACADEMIC_YEAR,
    ...eesLocation('Regional', regionOf(problem)),
  });
  const plans = new Map(
    problem.plans.map((plan) => [`${plan.partnershipCode}|${plan.subject}|${plan.route}`, plan]),
  );
  const types = new Map(problem.partnerships.map((p) => [p.code, p.type]));
  const rows: EesRow[] = solution.places.map((row) => {
    const plan = plans.get(`${row.partnershipCode}|${row.subject}|${row.route}`)!;
    return {
      ...region(row.entryYear),
      partnership_code: row.partnershipCode,
      partnership_name: row.partnershipName,
      partnership_type: types.get(row.partnershipCode) ?? 'x',
      route: row.route,
      subject: row.subject,
      places_count: row.places,
      in_region_places_count: row.inRegionPlaces,
      previous_places_count: row.previousPlaces,
      change_count: row.places - row.previousPlaces,
      capacity_count: plan.capacity,
      minimum_cohort_count: plan.minimumCohort,
      expected_nqts_count: row.expectedNqts,
      nqt_time_period: toTimePeriod(row.nqtYear),
    };
  });
  for (const row of solution.pool) {
    rows.push({
      ...region(row.entryYear),
      partnership_code: 'POOL',
      partnership_name: 'Pool for schools not engaged with any partnership',
      partnership_type: 'z',
      route: 'z',
      subject: row.subject,
      places_count: row.places,
      in_region_places_count: row.places,
      previous_places_count: 'x',
      change_count: 'x',
      capacity_count: 'z',
      minimum_cohort_count: 'z',
      expected_nqts_count: 'x',
      nqt_time_period: toTimePeriod(addYears(row.entryYear, 1)),
    });
  }
  // Totals per subject and year, and per year over all subjects.
  const totals = new Map<
    string,
    { year: AcademicYear; subject: string; places: number; inRegion: number }
  >();
  const add = (year: AcademicYear, subject: string, places: number, inRegion: number) => {
    const key = `${year}|${subject}`;
    const total = totals.get(key) ?? { year, subject, places: 0, inRegion: 0 };
    total.places += places;
    total.inRegion += inRegion;
    totals.set(key, total);
  };
  for (const row of solution.places) {
    add(row.entryYear, row.subject, row.places, row.inRegionPlaces);
    add(row.entryYear, 'Total', row.places, row.inRegionPlaces);
  }
  for (const row of solution.pool) {
    add(row.entryYear, row.subject, row.places, row.places);
    add(row.entryYear, 'Total', row.places, row.places);
  }
  for (const total of totals.values()) {
    rows.push({
      ...region(total.year),
      partnership_code: 'Total',
      partnership_name: 'Total',
      partnership_type: 'Total',
      route: 'Total',
      subject: total.subject,
      places_count: total.places,
      in_region_places_count: total.inRegion,
      previous_places_count: 'x',
      change_count: 'x',
      capacity_count: 'x',
      minimum_cohort_count: 'z',
      expected_nqts_count: 'x',
      nqt_time_period: 'z',
    });
  }
  return {
    columns: [
      ...eesColumns('Regional'),
      'partnership_code',
      'partnership_name',
      'partnership_type',
      'route',
      'subject',
      'places_count',
      'in_region_places_count',
      'previous_places_count',
      'change_count',
      'capacity_count',
      'minimum_cohort_count',
      'expected_nqts_count',
      'nqt_time_period',
    ],
    meta: [
      { ...PARTNERSHIP_CODE_META, filterHint: 'POOL for the pool' },
      { ...PARTNERSHIP_NAME_META, filterGroupingColumn: 'partnership_code' },
      { name: 'partnership_type', type: 'Filter', label: 'Partnership type' },
      { name: 'route', type: 'Filter', label: 'Training route' },
      SUBJECT_META,
      { name: 'nqt_time_period', type: 'Filter', label: 'Academic year the trainees become NQTs' },
      {
        name: 'places_count',
        type: 'Indicator',
        label: 'ITT places allocated',
        indicatorGrouping: 'Allocation',
        dp: 2,
      },
      {
        name: 'in_region_places_count',
        type: 'Indicator',
        label: 'Places counted in the region (in-region share)',
        indicatorGrouping: 'Allocation',
        dp: 2,
      },
      {
        name: 'previous_places_count',
        type: 'Indicator',
        label: 'Places the year before',
        indicatorGrouping: 'Stability',
        dp: 2,
      },
      {
        name: 'change_count',
        type: 'Indicator',
        label: 'Change from the year before',
        indicatorGrouping: 'Stability',
        dp: 2,
      },
      {
        name: 'capacity_count',
        type: 'Indicator',
        label: 'Capacity (illustrative unless supplied)',
        indicatorGrouping: 'Limits',
        dp: 0,
      },
      {
        name: 'minimum_cohort_count',
        type: 'Indicator',
        label: 'Minimum viable cohort (illustrative unless supplied)',
        indicatorGrouping: 'Limits',
        dp: 0,
      },
      {
        name: 'expected_nqts_count',
        type: 'Indicator',
        label: 'Expected qualified entrants (completion x employment)',
        indicatorGrouping: 'Outcome',
        dp: 2,
      },
    ],
    rows,
  };
}

/** Need, supply, unmet need and surplus by district x subject x NQT year. */
export function districtOutcomeTable(
  problem: AllocationProblem,
  solution: AllocationSolution,
): EesTable {
  const rows: EesRow[] = solution.outcomes.map((outcome) => ({
    time_period: toTimePeriod(outcome.nqtYear),
    time_identifier: ACADEMIC_YEAR,
    ...eesLocation('Local authority district', {
      code: outcome.districtCode,
      name: outcome.districtName,
    }),
    ...eesArea('Regional', regionOf(problem)),
    subject: outcome.subject,
    nqt_need_fte: outcome.need,
    nqt_supply_fte: outcome.supply,
    unmet_need_fte: outcome.unmet,
    surplus_fte: outcome.surplus,
    priority_weight: outcome.weight,
  }));
  return {
    columns: [
      ...eesColumns('Regional', 'Local authority district'),
      'subject',
      'nqt_need_fte',
      'nqt_supply_fte',
      'unmet_need_fte',
      'surplus_fte',
      'priority_weight',
    ],
    meta: [
      SUBJECT_META,
      {
        name: 'nqt_need_fte',
        type: 'Indicator',
        label: 'NQT need (FTE, supply model)',
        indicatorGrouping: 'Need',
        dp: 2,
      },
      {
        name: 'nqt_supply_fte',
        type: 'Indicator',
        label: 'NQTs supplied by the allocation',
        indicatorGrouping: 'Outcome',
        dp: 2,
      },
      {
        name: 'unmet_need_fte',
        type: 'Indicator',
        label: 'Unmet NQT need',
        indicatorGrouping: 'Outcome',
        dp: 2,
      },
      {
        name: 'surplus_fte',
        type: 'Indicator',
        label: 'NQTs above need',
        indicatorGrouping: 'Outcome',
        dp: 2,
      },
      {
        name: 'priority_weight',
        type: 'Indicator',
        label: 'Priority weight of unmet need (cold-spot x subject)',
        indicatorGrouping: 'Weights',
        dp: 3,
      },
    ],
    rows,
  };
}

/** A forecast file of all of England by district is a few MB. */
const FORECAST_LIMITS = { maxBytes: 50 * 1024 * 1024, maxRows: 500_000 };

/** NQT need of one area, subject and year: negative when supply exceeds it. */
const NEED = { min: -100_000, below: 100_000, what: 'an NQT need in FTE' };

/**
 * NQT need from the forecast CSV written by `npm run forecast` (columns time_period,
 * lad_code, phase, subject, nqt_need_fte_p50 or nqt_need_fte). Primary rows have subject
 * 'Total'. A missing-value symbol skips the row; a bad value is an issue naming the row.
 */
export function needFromForecastCsv(
  content: FileContent,
  fileName: string,
): { need: NeedRecord[]; issues: DataIssue[] } {
  const read = readCsv(content, fileName, {
    limits: FORECAST_LIMITS,
    required: ['time_period', 'lad_code', 'phase', 'subject'],
    what: 'forecast file',
  });
  if (!read.ok) return { need: [], issues: read.issues };
  const { columns, rows } = read.table;
  const valueColumns = ['nqt_need_fte_p50', 'nqt_need_fte'].filter((c) => columns.includes(c));
  if (valueColumns.length === 0) {
    const issue: DataIssue = {
      file: fileName,
      row: 1,
      column: 'nqt_need_fte_p50',
      message: 'the header has neither nqt_need_fte_p50 nor nqt_need_fte',
      fix: 'Give the forecast file written by npm run forecast',
    };
    return { need: [], issues: [issue] };
  }
  const schema = z.object({
    time_period: academicYear(),
    lad_code: gssCode(),
    phase: phaseCell(),
    subject: oneOf([...SUBJECT_GROUPS, 'Total'], 'subject group'),
    ...Object.fromEntries(valueColumns.map((column) => [column, optionalNumber(NEED)])),
  });
  const issues: DataIssue[] = [];
  const need: NeedRecord[] = [];
  for (const { line, cells } of rows) {
    // The forecast file also holds region totals; the need is read district by district.
    const level = cells.geographic_level;
    if (level !== undefined && level !== 'Local authority district') continue;
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      issues.push(...rowIssues(parsed.error.issues, { file: fileName, row: line }));
      continue;
    }
    const row = parsed.data as Record<string, unknown> & z.infer<typeof schema>;
    const subject = row.phase === 'primary' ? 'Primary' : row.subject;
    if (subject === 'Total') continue;
    // The P50 of the draws when present, else the central projection.
    const value = valueColumns.map((c) => row[c] as number | null).find((v) => v !== null);
    if (value === undefined) continue;
    need.push({
      districtCode: row.lad_code,
      subject: subject as SubjectGroup,
      nqtYear: row.time_period,
      teachers: value,
    });
  }
  return { need, issues: capIssues(issues, fileName) };
}
