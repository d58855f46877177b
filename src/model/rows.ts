/**
 * Forecast results as tidy rows in the Explore Education Statistics convention, with the
 * matching .meta.csv (forecast-meta.ts). One row per area x phase x subject x year: every
 * district and subject group, each district's secondary Total, and for a region of several
 * districts the region's rows (geographic level Regional), totals ranged by per-draw sums.
 *
 * Keys (stated in the metadata): time_period is the academic year. For stock, flows and NQT
 * need it is the year they happen (NQTs: the year they start work). For trainee need it is
 * the ITT entry (recruitment) year: trainees starting in September of time_period, who start
 * work a year later. So one row holds the NQTs needed in a year and the trainees to recruit
 * in it, side by side. Entry years already recruited have no trainee need ('z'); years whose
 * inputs go past the published ones are marked extrapolated.
 */
import type { Provenance } from '../data/types.ts';
import { toTimePeriod } from '../data/academic-year.ts';
import { ACADEMIC_YEAR, eesArea, eesLocation } from '../data/ees.ts';
import type { ModelInputs } from './inputs.ts';
import type { DeterministicResult, DrawSummary } from './monte-carlo.ts';
import type { DriverDecomposition } from './drivers.ts';
import { DRIVER_NAMES } from './drivers.ts';
import { entryYearStatus, type YearStatus } from './horizon.ts';
import { forecastTotals } from './totals.ts';
import {
  CHANGE_PREFIX,
  POINT_INDICATORS,
  RANGE_INDICATORS,
  TRAINEE_INDICATOR,
  snake,
} from './forecast-meta.ts';

export type GeographicLevel = 'Local authority district' | 'National';

export interface ForecastRowsOptions {
  geographicLevel: GeographicLevel;
  /** P10/P50/P90 of every cell. */
  summary?: DrawSummary;
  /** P10/P50/P90 of every forecastTotals total, from per-draw sums (summariseTotals). */
  totals?: DrawSummary;
  drivers?: DriverDecomposition;
}

/** The least certain of several provenances, so one estimated district marks a total. */
export function weakestProvenance(provenances: readonly Provenance[]): Provenance {
  for (const weakest of ['illustrative', 'imported', 'estimated', 'derived'] as const) {
    if (provenances.includes(weakest)) return weakest;
  }
  return 'published';
}

function format(value: number | undefined, dp: number, missing: string): string {
  if (value === undefined || Number.isNaN(value)) return missing;
  const rounded = value.toFixed(dp);
  return rounded === '-0' || /^-0\.0+$/.test(rounded) ? rounded.slice(1) : rounded;
}

/** What one row adds up: its cells' area indices (district x group), and where its ranges are. */
interface RowArea {
  location: Record<string, string>;
  phase: 'Primary' | 'Secondary';
  subject: string;
  areas: number[];
  teacherFteProvenance: Provenance;
  conversionProvenance: Provenance;
  /** Ranges of this row in year t: a cell's (summary) or a total's (totals). */
  range: (t: number) => { source: 'cell' | 'total'; index: number } | null;
}

function rowAreas(inputs: ModelInputs, options: ForecastRowsOptions): RowArea[] {
  const { districtCount: A, groupCount: G, yearCount: Y } = inputs;
  const national = options.geographicLevel === 'National';
  // A planning region is not an ONS region: its code is z (not applicable).
  const region = eesArea('Regional', { code: 'z', name: national ? 'z' : inputs.regionName });
  const none = {
    ...eesArea('Local authority', { code: 'z', name: 'z', oldLaCode: 'z' }),
    ...eesArea('Local authority district', { code: 'z', name: 'z' }),
  };
  const districtLocation = (a: number) => {
    const d = inputs.districts[a]!;
    return national
      ? { ...eesLocation('National'), ...region, ...none }
      : {
          ...eesLocation('Local authority district'),
          ...region,
          ...eesArea('Local authority', { code: d.laCode, name: d.laName, oldLaCode: d.laNumber }),
          ...eesArea('Local authority district', d),
        };
  };
  const secondary = Array.from({ length: G }, (_, g) => g).filter(
    (g) => inputs.groupPhase[g] === 1,
  );
  // Primary is one group: its rows are the phase's Total.
  const subjectOf = (g: number) => (inputs.groups[g] === 'Primary' ? 'Total' : inputs.groups[g]!);
  const phaseOf = (g: number): RowArea['phase'] =>
    inputs.groupPhase[g] === 0 ? 'Primary' : 'Secondary';
  const fteProvenance = (districts: number[], ph: number) =>
    weakestProvenance(districts.map((a) => inputs.teacherFteProvenance[a * 2 + ph]!));
  const conversion = (groups: number[]) =>
    weakestProvenance(groups.map((g) => inputs.conversionProvenance[g]!));
  const totalIndex = new Map(
    forecastTotals(inputs).map((total, i) => [`${total.district}|${total.group}|${total.year}`, i]),
  );
  const total = (district: number | null, group: number | null) => (t: number) => {
    const index = totalIndex.get(`${district}|${group}|${t}`);
    return index === undefined ? null : { source: 'total' as const, index };
  };
  const rows: RowArea[] = [];
  for (let a = 0; a < A; a++) {
    for (let g = 0; g < G; g++) {
      rows.push({
        location: districtLocation(a),
        phase: phaseOf(g),
        subject: subjectOf(g),
        areas: [a * G + g],
        teacherFteProvenance: fteProvenance([a], inputs.groupPhase[g]!),
        conversionProvenance: conversion([g]),
        range: (t) => ({ source: 'cell', index: (a * G + g) * Y + t }),
      });
    }
    rows.push({
      location: districtLocation(a),
      phase: 'Secondary',
      subject: 'Total',
      areas: secondary.map((g) => a * G + g),
      teacherFteProvenance: fteProvenance([a], 1),
      conversionProvenance: conversion(secondary),
      range: total(a, null),
    });
  }
  if (A > 1) {
    const all = Array.from({ length: A }, (_, a) => a);
    const regional = { ...eesLocation('Regional'), ...region, ...none };
    for (let g = 0; g < G; g++) {
      rows.push({
        location: regional,
        phase: phaseOf(g),
        subject: subjectOf(g),
        areas: all.map((a) => a * G + g),
        teacherFteProvenance: fteProvenance(all, inputs.groupPhase[g]!),
        conversionProvenance: conversion([g]),
        range: total(null, g),
      });
    }
    rows.push({
      location: regional,
      phase: 'Secondary',
      subject: 'Total',
      areas: all.flatMap((a) => secondary.map((g) => a * G + g)),
      teacherFteProvenance: fteProvenance(all, 1),
      conversionProvenance: conversion(secondary),
      range: total(null, null),
    });
  }
  return rows;
}

export function forecastToRows(
  inputs: ModelInputs,
  result: DeterministicResult,
  options: ForecastRowsOptions,
): Record<string, string>[] {
  const Y = inputs.yearCount;
  const sum = (values: Float64Array, areas: readonly number[], t: number) =>
    areas.reduce((total, area) => total + values[area * Y + t]!, 0);
  const rows: Record<string, string>[] = [];
  for (const area of rowAreas(inputs, options)) {
    for (let t = 0; t < Y; t++) {
      const entryStatus: YearStatus = entryYearStatus(inputs, inputs.years[t]!);
      // Trainees of entry year t start work in t + 1; none to plan for a recruited year.
      const planned = entryStatus !== 'recruited' && t + 1 < Y;
      const previousPlanned =
        planned && t > 0 && entryYearStatus(inputs, inputs.years[t - 1]!) !== 'recruited';
      const row: Record<string, string> = {
        time_period: toTimePeriod(inputs.years[t]!),
        time_identifier: ACADEMIC_YEAR,
        ...area.location,
        phase: area.phase,
        subject: area.subject,
        year_status: inputs.yearStatus[t]!,
        entry_year_status: entryStatus,
        teacher_fte_provenance: area.teacherFteProvenance,
        conversion_provenance: area.conversionProvenance,
      };
      for (const [name, output, dp] of POINT_INDICATORS) {
        row[name] = format(sum(result.outputs[output], area.areas, t), dp, 'x');
      }
      for (const [name, output, dp, shift] of RANGE_INDICATORS) {
        // Trainee need (shift 1) is read in the NQT year; 'z' where there is none to plan.
        const where = shift === 0 || planned ? area.range(t + shift) : null;
        const ranges = where?.source === 'cell' ? options.summary : options.totals;
        for (const p of ['p10', 'p50', 'p90'] as const) {
          row[`${name}_${p}`] = where ? format(ranges?.[output]?.[p][where.index], dp, 'x') : 'z';
        }
      }
      row[TRAINEE_INDICATOR] = planned
        ? format(sum(result.outputs.traineeNeed, area.areas, t + 1), 0, 'x')
        : 'z';
      for (const driver of DRIVER_NAMES) {
        const change = options.drivers?.change[driver];
        row[`${CHANGE_PREFIX}${snake(driver)}`] = !previousPlanned
          ? 'z'
          : change
            ? format(sum(change, area.areas, t + 1), 1, 'x')
            : 'x';
      }
      const totalChange = options.drivers?.totalChange;
      row[`${CHANGE_PREFIX}total`] = !previousPlanned
        ? 'z'
        : totalChange
          ? format(sum(totalChange, area.areas, t + 1), 1, 'x')
          : 'x';
      rows.push(row);
    }
  }
  return rows;
}
