/**
 * "Bring your own data": a user's EES-format file replaces estimated figures in a loaded
 * dataset. The file is validated first; on any problem the issues come back and the dataset
 * is returned unchanged (the same object, never modified).
 *
 * - `swcTeacherFte`: School Workforce Census teacher FTE by district (`lad_code`) or education
 *   LA (`new_la_code`) and phase, for the base year; replaces the estimated teacher FTE.
 * - `pupilProjectionImport`: pupils by district (or an LA that is a single district) and phase
 *   for years after the base year; replaces or adds pupil projections.
 *
 * Rows at a level other than district or LA (England or regional totals) are skipped, as are
 * LAs outside the region: national files hold them all. A name given beside a code must agree
 * with it.
 */
import { addYears, toTimePeriod } from './academic-year.ts';
import { checkNumber, isGssCode, sameName } from './cells.ts';
import type { RowOf } from './registry/entry.ts';
import type { ImportKey } from './registry/index.ts';
import { PLAUSIBLE_PUPIL_TEACHER_RATIO, PUPILS_PER_AREA } from './registry/ranges.ts';
import { pupilProjectionImport, swcTeacherFte } from './registry/user-files.ts';
import { issue, validateTable } from './schemas.ts';
import type { AcademicYear, DataIssue, District, Phase, RegionDataset } from './types.ts';
import type { FileContent } from './utf8.ts';

export type ImportKind = ImportKey;

export interface ImportResult {
  dataset: RegionDataset;
  issues: DataIssue[];
}

/** Projections further ahead than this are typing slips (the model plans a few years). */
export const PROJECTION_HORIZON_YEARS = 15;

/** A row resolved to the districts it covers (a county LA covers several). */
interface AreaRow<Row> {
  line: number;
  value: Row;
  districts: District[];
  /** True when the row is for a whole LA that spans more than this one district. */
  splitAcross: boolean;
  laPupils: number | null;
}

/**
 * Reads each row's area from `lad_code` (district rows) or `new_la_code` (LA rows), keeps the
 * rows for the region and reports unknown codes, names that contradict their code and LA
 * pupils that are not a plausible number.
 */
function resolveAreas<Row extends { geographic_level: string }>(
  rows: { line: number; value: Row }[],
  raw: Record<string, string>[],
  columns: string[],
  dataset: RegionDataset,
  fileName: string,
  issues: DataIssue[],
): AreaRow<Row>[] {
  const hasLad = columns.includes('lad_code');
  const hasLa = columns.includes('new_la_code');
  if (!hasLad && !hasLa) {
    issues.push(
      issue(
        fileName,
        1,
        'lad_code',
        'the header has neither lad_code nor new_la_code',
        'Add a lad_code column for district rows, or new_la_code for local authority rows',
      ),
    );
    return [];
  }
  const districtByCode = new Map(dataset.districts.map((d) => [d.code, d]));
  const result: AreaRow<Row>[] = [];
  rows.forEach(({ line, value }, index) => {
    const cells = raw[index] ?? {};
    const level = value.geographic_level;
    const codeColumn =
      level === 'Local authority district'
        ? 'lad_code'
        : level === 'Local authority'
          ? 'new_la_code'
          : null;
    if (codeColumn === null) return;
    const code = (cells[codeColumn] ?? '').trim();
    if (!(codeColumn in cells)) {
      issues.push(
        issue(
          fileName,
          line,
          codeColumn,
          `a ${level} row needs a ${codeColumn} column`,
          `Add the ${codeColumn} column`,
        ),
      );
      return;
    }
    if (!isGssCode(code)) {
      issues.push(
        issue(
          fileName,
          line,
          codeColumn,
          `"${code}" is not a GSS code`,
          'Enter a GSS code: a letter and 8 digits, like E08000019',
        ),
      );
      return;
    }
    const districts =
      codeColumn === 'lad_code'
        ? [districtByCode.get(code)].filter((d): d is District => d !== undefined)
        : dataset.districts.filter((d) => d.educationLaCode === code);
    if (districts.length === 0) {
      if (codeColumn === 'lad_code') {
        issues.push(
          issue(
            fileName,
            line,
            'lad_code',
            `"${code}" is not a district of the region`,
            'Enter the code of one of the region’s districts, or remove the row',
          ),
        );
      }
      return;
    }
    const nameColumn = codeColumn === 'lad_code' ? 'lad_name' : 'la_name';
    const name = (cells[nameColumn] ?? '').trim();
    const expected = codeColumn === 'lad_code' ? districts[0]!.name : districts[0]!.educationLaName;
    if (name !== '' && !sameName(name, expected)) {
      issues.push(
        issue(
          fileName,
          line,
          nameColumn,
          `"${name}" is not the name of ${code} ("${expected}")`,
          `Enter ${expected}, or the code of ${name}`,
        ),
      );
      return;
    }
    const pupilsCell = (cells.pupils ?? '').trim();
    let laPupils: number | null = null;
    if (pupilsCell !== '' && pupilsCell !== 'z' && pupilsCell !== 'x') {
      const pupils = checkNumber(pupilsCell, PUPILS_PER_AREA);
      if ('reason' in pupils) {
        issues.push(issue(fileName, line, 'pupils', pupils.reason, pupils.fix));
        return;
      }
      laPupils = pupils.value;
    }
    const single =
      codeColumn === 'lad_code' || (districts.length === 1 && districts[0]!.code === code);
    result.push({ line, value, districts, splitAcross: !single, laPupils });
  });
  return result;
}

function replaceTeacherFte(
  dataset: RegionDataset,
  rows: AreaRow<RowOf<typeof swcTeacherFte>>[],
  fileName: string,
  issues: DataIssue[],
): RegionDataset {
  const baseRows = rows.filter((r) => r.value.time_period === dataset.baseYear);
  if (baseRows.length === 0) {
    const base = dataset.baseYear === null ? 'the base year' : toTimePeriod(dataset.baseYear);
    issues.push(
      issue(
        fileName,
        null,
        'time_period',
        `the file has no rows for the base year ${base}`,
        `Give rows for ${base}`,
      ),
    );
    return dataset;
  }
  const [lowest, highest] = PLAUSIBLE_PUPIL_TEACHER_RATIO;
  const replacements = new Map<string, { fte: number; method: string; line: number }>();
  for (const { line, value, districts, splitAcross, laPupils } of baseRows) {
    if (splitAcross && laPupils === null) {
      issues.push(
        issue(
          fileName,
          line,
          'pupils',
          `${districts[0]!.educationLaName}'s teacher FTE covers several districts, so the LA's ${value.phase} pupils are needed to split it`,
          `Enter the LA's ${value.phase} pupils in a pupils column`,
        ),
      );
      continue;
    }
    for (const district of districts) {
      const baseline = dataset.baselines.find(
        (b) => b.districtCode === district.code && b.phase === value.phase,
      );
      if (!baseline) continue;
      let fte = value.fte;
      let method = `Imported from ${fileName} line ${line} (School Workforce Census teacher FTE).`;
      if (splitAcross && laPupils !== null) {
        fte = (baseline.pupils * value.fte) / laPupils;
        method = `Imported from ${fileName} line ${line}: ${district.educationLaName} pupil:teacher ratio (${(laPupils / value.fte).toFixed(2)}) applied to the district's pupils.`;
      }
      // An FTE far from the area's pupils (0 teachers for 44,000 pupils) is a slip, not data.
      const ratio = baseline.pupils / fte;
      if (ratio < lowest || ratio > highest) {
        issues.push(
          issue(
            fileName,
            line,
            'fte',
            `${value.fte} teachers gives ${district.name} ${ratio.toFixed(1)} ${value.phase} pupils per teacher (${baseline.pupils.toLocaleString('en-GB')} pupils); schools have between ${lowest} and ${highest}`,
            'Check the teacher FTE (and the LA pupils, for a county row)',
          ),
        );
        continue;
      }
      const key = `${district.code}|${value.phase}`;
      const earlier = replacements.get(key);
      if (earlier) {
        issues.push(
          issue(
            fileName,
            line,
            'phase',
            `${district.name} ${value.phase} is also on line ${earlier.line}`,
            'Keep one row for each area and phase',
          ),
        );
        continue;
      }
      replacements.set(key, { fte, method, line });
    }
  }
  if (replacements.size === 0) return dataset;
  return {
    ...dataset,
    baselines: dataset.baselines.map((b) => {
      const r = replacements.get(`${b.districtCode}|${b.phase}`);
      return r
        ? {
            ...b,
            teacherFte: r.fte,
            teacherFteProvenance: 'imported' as const,
            method: `${b.method.split(' Teacher FTE')[0]} Teacher FTE: ${r.method}`,
          }
        : { ...b };
    }),
  };
}

function replaceProjections(
  dataset: RegionDataset,
  rows: AreaRow<RowOf<typeof pupilProjectionImport>>[],
  fileName: string,
  issues: DataIssue[],
): RegionDataset {
  const replacements = new Map<string, { pupils: number; line: number }>();
  const base = dataset.baseYear;
  const last = base === null ? null : addYears(base, PROJECTION_HORIZON_YEARS);
  for (const { line, value, districts, splitAcross } of rows) {
    if (base === null || last === null || value.time_period <= base || value.time_period > last) {
      const range =
        base === null || last === null
          ? 'after the base year'
          : `from ${toTimePeriod(addYears(base, 1))} to ${toTimePeriod(last)}`;
      issues.push(
        issue(
          fileName,
          line,
          'time_period',
          `${toTimePeriod(value.time_period)} is outside the years a projection can cover (${range})`,
          `Enter a year ${range}`,
        ),
      );
      continue;
    }
    const district = districts[0];
    if (splitAcross || !district) {
      issues.push(
        issue(
          fileName,
          line,
          'new_la_code',
          `${districts[0]?.educationLaName ?? 'this LA'} spans several districts`,
          'Give a row for each district, with its lad_code',
        ),
      );
      continue;
    }
    const key = `${district.code}|${value.phase}|${value.time_period}`;
    const earlier = replacements.get(key);
    if (earlier) {
      issues.push(
        issue(
          fileName,
          line,
          'time_period',
          `${district.name} ${value.phase} ${toTimePeriod(value.time_period)} is also on line ${earlier.line}`,
          'Keep one row for each district, phase and year',
        ),
      );
      continue;
    }
    replacements.set(key, { pupils: value.pupils, line });
  }
  if (replacements.size === 0) return dataset;
  const kept = dataset.pupilProjections
    .filter((p) => !replacements.has(`${p.districtCode}|${p.phase}|${p.year}`))
    .map((p) => ({ ...p }));
  const added = [...replacements].map(([key, { pupils, line }]) => {
    const [districtCode, phase, year] = key.split('|') as [string, Phase, AcademicYear];
    return {
      districtCode,
      phase,
      year,
      pupils,
      // An imported figure is the user's projection, so the ranges keep its projection error.
      counted: false,
      provenance: 'imported' as const,
      method: `Imported from ${fileName} line ${line}.`,
    };
  });
  return {
    ...dataset,
    pupilProjections: [...kept, ...added].sort(
      (a, b) =>
        a.districtCode.localeCompare(b.districtCode) ||
        a.phase.localeCompare(b.phase) ||
        a.year.localeCompare(b.year),
    ),
  };
}

/** Validates a user's file and, only if it is wholly valid, returns a new dataset using it. */
export function replaceWithImportedFile(
  dataset: RegionDataset,
  kind: ImportKind,
  content: FileContent,
  fileName: string,
): ImportResult {
  const issues: DataIssue[] = [];
  let next: RegionDataset;
  if (kind === 'swcTeacherFte') {
    const { table, issues: fileIssues } = validateTable(swcTeacherFte.table, content, fileName);
    if (!table) return { dataset, issues: fileIssues };
    const rows = resolveAreas(table.rows, table.raw, table.columns, dataset, fileName, issues);
    if (issues.length > 0) return { dataset, issues };
    next = replaceTeacherFte(dataset, rows, fileName, issues);
  } else {
    const { table, issues: fileIssues } = validateTable(
      pupilProjectionImport.table,
      content,
      fileName,
    );
    if (!table) return { dataset, issues: fileIssues };
    const rows = resolveAreas(table.rows, table.raw, table.columns, dataset, fileName, issues);
    if (issues.length > 0) return { dataset, issues };
    next = replaceProjections(dataset, rows, fileName, issues);
  }
  if (issues.length === 0 && next === dataset) {
    issues.push(
      issue(
        fileName,
        null,
        null,
        'the file has no rows for the districts of the region',
        'Give rows for the region’s districts or their local authorities',
      ),
    );
  }
  return issues.length > 0 ? { dataset, issues } : { dataset: next, issues };
}
