/**
 * Loads a region's dataset from the files in data/ through a `read` function (fs in Node,
 * fetch in the browser, so it can run in a worker), following the registry: each file is
 * validated against its schema, then joined to the files before it, then mapped into the
 * dataset. A file with any problem is rejected whole: its fields keep the previous dataset's
 * value (or stay empty on a first load) while the valid files still load.
 */
import { BOUNDARY_FILES, TABLE_FILES, fileOfKind, type FileKind } from './registry/index.ts';
import type { AnyTableFile, CodeSet, RowsOf, TableFile } from './registry/entry.ts';
import { buildIndicators } from './registry/indicators.ts';
import { codeSetsUsed, joinProblems, type ResolvedCodeSet } from './registry/joins.ts';
import { issue, validateTable, type Located } from './schemas.ts';
import type { DataIssue, RegionDataset } from './types.ts';
import { decodeUtf8, notUtf8, type FileContent } from './utf8.ts';

/** Reads a file's bytes (or text) given its path relative to data/. */
export type DataReader = (path: string) => Promise<FileContent>;

export interface LoadResult {
  dataset: RegionDataset;
  issues: DataIssue[];
}

/** Validates one file; an empty list means the file is valid on its own. */
export function validateFile(kind: FileKind, content: FileContent, fileName: string): DataIssue[] {
  return validateTable(fileOfKind(kind).table, content, fileName).issues;
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
    earlierNationalFlows: [],
    nationalPupilTeacher: [],
    nationalPupilProjections: [],
    ittNewEntrants: [],
    qtsAwards: [],
    publishedTraineeNeed: [],
    partnerships: [],
    partnershipPlans: [],
    partnershipLimits: [],
    regionalCaps: [],
    allocationRules: { values: {}, provenance: 'illustrative' },
    schools: [],
    indicators: [],
  };
}

type Rows = Located<unknown>[];

/** Reads and validates every table file; absent, unreadable or invalid files become issues. */
async function readTables(read: DataReader, issues: DataIssue[]): Promise<Map<string, Rows>> {
  const results = await Promise.all(
    TABLE_FILES.map(async (file) => {
      try {
        return validateTable(file.table, await read(file.path), file.path);
      } catch (error) {
        return {
          table: null,
          issues: [issue(file.path, null, null, `could not be read (${String(error)})`)],
        };
      }
    }),
  );
  const tables = new Map<string, Rows>();
  results.forEach((result, index) => {
    const file = TABLE_FILES[index] as AnyTableFile;
    issues.push(...result.issues);
    if (result.table) tables.set(file.key, result.table.rows);
  });
  return tables;
}

function codeSetOf(
  set: CodeSet<unknown>,
  rows: Rows | undefined,
  fallback: RegionDataset,
): ResolvedCodeSet {
  const cell = (row: unknown, column: string) => (row as Record<string, string>)[column];
  const entries = rows
    ? rows.map(({ value }) => ({
        code: cell(value, set.column) as string,
        name: set.nameColumn ? cell(value, set.nameColumn) : undefined,
      }))
    : set.inDataset(fallback);
  return {
    description: set.description,
    codes: new Set(entries.map((e) => e.code)),
    names: new Map(entries.flatMap((e) => (e.name ? [[e.code, e.name] as const] : []))),
  };
}

/** A boundary file's codes, or null (with an issue) when it cannot be read. */
async function boundaryCodeSet(name: string, read: DataReader, issues: DataIssue[]) {
  const file = BOUNDARY_FILES.find((b) => b.codes?.name === name);
  if (!file?.codes) throw new Error(`no registry entry provides the code set "${name}"`);
  try {
    const decoded = decodeUtf8(await read(file.path));
    if (!decoded.ok) {
      issues.push(notUtf8(file.path, decoded.line));
      return null;
    }
    const names = file.codes.parse(decoded.text);
    const named = [...names].filter(([, name]) => name !== '');
    return {
      description: file.codes.description,
      codes: new Set(names.keys()),
      names: new Map(named),
    };
  } catch (error) {
    issues.push(issue(file.path, null, null, `could not be read (${String(error)})`));
    return null;
  }
}

/** The files a file's dataset fields are built from: itself and `alsoReads`. */
const inputsOf = (file: AnyTableFile) => [file, ...(file.dataset?.alsoReads ?? [])];

/**
 * A file's dataset fields: built from the accepted rows when all its inputs were accepted
 * (or, if the mapping allows it, on a first load), else the fallback dataset's fields.
 */
function fieldsOf(
  file: AnyTableFile,
  accepted: ReadonlyMap<string, Rows>,
  dataset: RegionDataset,
  previous: RegionDataset | undefined,
): Partial<RegionDataset> {
  const mapping = file.dataset;
  if (!mapping) return {};
  const complete = inputsOf(file).every((input) => accepted.has(input.key));
  if (!complete && (previous || !mapping.partialOnFirstLoad)) {
    const fallback = previous ?? emptyDataset();
    return Object.fromEntries(mapping.fields.map((field) => [field, fallback[field]]));
  }
  const rowsOf: RowsOf = <Row>(input: TableFile<string, Row>) =>
    (accepted.get(input.key) ?? []) as Located<Row>[];
  return mapping.build({ rows: rowsOf(file), rowsOf, dataset });
}

/**
 * Loads the dataset. With `previous`, a rejected file keeps that dataset's fields (so a bad
 * replacement file never wipes what was loaded); without it, they stay empty.
 */
export async function loadRegionDataset(
  read: DataReader,
  previous?: RegionDataset,
): Promise<LoadResult> {
  const issues: DataIssue[] = [];
  const validated = await readTables(read, issues);
  const fallback = previous ?? emptyDataset();
  const accepted = new Map<string, Rows>();
  const codeSets = new Map<string, ResolvedCodeSet | null>();
  const joined = new Set<string>();
  const mapped = new Set<string>();
  let dataset: RegionDataset = { ...fallback };

  // In registry order, so each file joins to the files before it as they were loaded.
  for (const file of TABLE_FILES) {
    const rows = validated.get(file.key);
    if (rows) {
      for (const name of codeSetsUsed(file.joins ?? [])) {
        if (!codeSets.has(name)) codeSets.set(name, await boundaryCodeSet(name, read, issues));
      }
      const lookup = (name: string) => codeSets.get(name) ?? null;
      const problems = joinProblems(file.joins ?? [], rows, lookup, dataset);
      for (const p of problems) issues.push(issue(file.path, p.line, p.column, p.reason, p.fix));
      if (problems.length === 0) accepted.set(file.key, rows);
    }
    joined.add(file.key);
    if (file.codes) {
      // A refused file with nothing loaded before it provides no codes: the joins to it are
      // skipped rather than every row of every other file reported against an empty set.
      const rowsOf = accepted.get(file.key);
      codeSets.set(
        file.codes.name,
        rowsOf || previous ? codeSetOf(file.codes, rowsOf, fallback) : null,
      );
    }
    for (const owner of TABLE_FILES) {
      if (mapped.has(owner.key) || !inputsOf(owner).every((input) => joined.has(input.key))) {
        continue;
      }
      mapped.add(owner.key);
      dataset = { ...dataset, ...fieldsOf(owner, accepted, dataset, previous) };
    }
  }

  const indicators = TABLE_FILES.flatMap((file) => {
    if (!file.indicators) return [];
    const rows = accepted.get(file.key);
    if (rows) return buildIndicators(file.indicators, rows, dataset);
    const ids = new Set(file.indicators.columns.map((column) => column.id));
    return fallback.indicators.filter((indicator) => ids.has(indicator.id));
  });
  return { dataset: { ...dataset, indicators }, issues };
}
