/**
 * "Bring your own data": a user's EES-format file replaces estimated figures in a loaded
 * dataset. The file is validated first; on any problem the issues come back and the dataset
 * is returned unchanged (the same object, never modified).
 *
 * - `swcTeacherFte`: School Workforce Census teacher FTE by district (`lad_code`) or education
 *   LA (`new_la_code`) and phase, for the base year; replaces the estimated teacher FTE.
 * - `pupilProjectionImport`: pupils by district (or an LA that is a single district) and phase
 *   for years after the base year; replaces or adds pupil projections.
 */
import type { RowOf } from './registry/entry.ts';
import type { ImportKey } from './registry/index.ts';
import { pupilProjectionImport, swcTeacherFte } from './registry/user-files.ts';
import { issue, validateTable } from './schemas.ts';
import type { AcademicYear, DataIssue, District, Phase, RegionDataset } from './types.ts';

export type ImportKind = ImportKey;

export interface ImportResult {
  dataset: RegionDataset;
  issues: DataIssue[];
}

const GSS = /^[EWSNK]\d{8}$/;

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
 * Reads each row's area from `lad_code` or `new_la_code`, keeps the rows for the region and
 * reports unknown codes. LA rows outside the region are skipped (national files hold all LAs).
 */
function resolveAreas<Row>(
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
      issue(fileName, 1, 'lad_code', 'missing required column (lad_code or new_la_code)'),
    );
    return [];
  }
  const districtByCode = new Map(dataset.districts.map((d) => [d.code, d]));
  const result: AreaRow<Row>[] = [];
  rows.forEach(({ line, value }, index) => {
    const cells = raw[index] ?? {};
    const lad = hasLad ? (cells.lad_code ?? '').trim() : '';
    const la = hasLa ? (cells.new_la_code ?? '').trim() : '';
    const pupilsCell = (cells.pupils ?? '').trim();
    const laPupils =
      pupilsCell === '' || Number.isNaN(Number(pupilsCell)) ? null : Number(pupilsCell);
    if (GSS.test(lad)) {
      const district = districtByCode.get(lad);
      if (!district) {
        issues.push(issue(fileName, line, 'lad_code', `"${lad}" is not a district of the region`));
        return;
      }
      result.push({ line, value, districts: [district], splitAcross: false, laPupils });
      return;
    }
    if (GSS.test(la)) {
      const covered = dataset.districts.filter((d) => d.educationLaCode === la);
      if (covered.length === 0) return;
      const single = covered.length === 1 && covered[0]?.code === la;
      result.push({ line, value, districts: covered, splitAcross: !single, laPupils });
      return;
    }
    const column = hasLad && lad !== '' ? 'lad_code' : hasLa ? 'new_la_code' : 'lad_code';
    const shown = column === 'lad_code' ? lad : la;
    issues.push(issue(fileName, line, column, `"${shown}" is not a GSS code (E + 8 digits)`));
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
    issues.push(
      issue(fileName, null, 'time_period', `no rows for the base year ${dataset.baseYear}`),
    );
    return dataset;
  }
  const replacements = new Map<string, { fte: number; method: string; line: number }>();
  for (const { line, value, districts, splitAcross, laPupils } of baseRows) {
    for (const district of districts) {
      const baseline = dataset.baselines.find(
        (b) => b.districtCode === district.code && b.phase === value.phase,
      );
      if (!baseline) continue;
      let fte = value.fte;
      let method = `Imported from ${fileName} row ${line} (School Workforce Census teacher FTE).`;
      if (splitAcross) {
        if (laPupils === null || laPupils <= 0) {
          issues.push(
            issue(
              fileName,
              line,
              'pupils',
              `needed to split ${district.educationLaName}'s teacher FTE over its districts: give the LA's ${value.phase} pupils`,
            ),
          );
          continue;
        }
        fte = (baseline.pupils * value.fte) / laPupils;
        method = `Imported from ${fileName} row ${line}: ${district.educationLaName} pupil:teacher ratio (${(laPupils / value.fte).toFixed(2)}) applied to the district's pupils.`;
      }
      const key = `${district.code}|${value.phase}`;
      const earlier = replacements.get(key);
      if (earlier) {
        issues.push(
          issue(
            fileName,
            line,
            'phase',
            `duplicate of row ${earlier.line} (${district.name}, ${value.phase})`,
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
  for (const { line, value, districts, splitAcross } of rows) {
    if (dataset.baseYear === null || value.time_period <= dataset.baseYear) {
      issues.push(
        issue(
          fileName,
          line,
          'time_period',
          `${value.time_period} is not after the base year ${dataset.baseYear}`,
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
          `${districts[0]?.educationLaName ?? 'this LA'} spans several districts: give district rows (lad_code)`,
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
          `duplicate of row ${earlier.line} (${district.name}, ${value.phase}, ${value.time_period})`,
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
      provenance: 'imported' as const,
      method: `Imported from ${fileName} row ${line}.`,
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
  text: string,
  fileName: string,
): ImportResult {
  const issues: DataIssue[] = [];
  let next: RegionDataset;
  if (kind === 'swcTeacherFte') {
    const { table, issues: fileIssues } = validateTable(swcTeacherFte.table, text, fileName);
    if (!table) return { dataset, issues: fileIssues };
    const rows = resolveAreas(table.rows, table.raw, table.columns, dataset, fileName, issues);
    if (issues.length > 0) return { dataset, issues };
    next = replaceTeacherFte(dataset, rows, fileName, issues);
  } else {
    const { table, issues: fileIssues } = validateTable(
      pupilProjectionImport.table,
      text,
      fileName,
    );
    if (!table) return { dataset, issues: fileIssues };
    const rows = resolveAreas(table.rows, table.raw, table.columns, dataset, fileName, issues);
    if (issues.length > 0) return { dataset, issues };
    next = replaceProjections(dataset, rows, fileName, issues);
  }
  if (issues.length === 0 && next === dataset) {
    issues.push(issue(fileName, null, null, 'no rows for the districts of the region'));
  }
  return issues.length > 0 ? { dataset, issues } : { dataset: next, issues };
}
