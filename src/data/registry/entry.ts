/**
 * What the registry says about one data file: where it is, where it comes from, how its rows
 * are checked, how they join the other files, what they become in the RegionDataset and which
 * map indicators they offer. index.ts lists the entries; the loader, `npm run data:check`, the
 * Data sources page and the map indicator list all read them. DEVELOPERS.md has the checklist
 * for adding one.
 */
import type { z } from 'zod';
import type { FileSpec, Located, TableProblem } from '../schemas.ts';
import type { GeographyLevel, Provenance, RegionDataset } from '../types.ts';

/** Where a file comes from, for the Data sources page (data/SOURCES.md says the same in prose). */
export interface SourceInfo {
  /** What the file holds, as the Data sources page titles it. */
  title: string;
  source: string;
  date: string;
  licence: string;
  /** The provenances of the figures in the file (a file may mix published and estimated rows). */
  provenance: readonly Provenance[];
  notes: string;
}

/** The columns of a row type whose values are codes or names (text, or null for an EES symbol). */
export type CodeColumn<Row> = {
  [C in keyof Row]-?: Row[C] extends string | null ? C : never;
}[keyof Row] &
  string;

/** The columns of a row type whose values are numbers (or null for an EES symbol). */
export type NumberColumn<Row> = {
  [C in keyof Row]-?: Row[C] extends number | null ? C : never;
}[keyof Row] &
  string;

/**
 * A rule joining a file to the others. Code sets are named by the file that provides them
 * (`codes` of an entry), e.g. 'districts': the districts of the region as loaded.
 */
export type JoinRule<Row> = RefersTo<Row> | Covers<Row> | OneValue<Row> | JoinCheck<Row>;

/** Every row's code in `column` is one of the set (or of `orAlso`); a null (EES `z`) passes. */
export interface RefersTo<Row> {
  column: CodeColumn<Row>;
  in: string;
  orAlso?: readonly string[];
  /** A column naming the code, which must agree with the set's name for it. */
  nameColumn?: CodeColumn<Row>;
}

/**
 * Every code of the set has a row, for each combination of the `per` columns' values (the
 * given values, or those present in the file), e.g. a baseline per district and phase.
 */
export interface Covers<Row> {
  column: CodeColumn<Row>;
  covers: string;
  /** What a row is, in the message: `no ${what} row for ...`. */
  what: string;
  per?: readonly { column: CodeColumn<Row>; values?: readonly string[] }[];
}

/** Every row holds the same value in `column` (e.g. one planning region). */
export interface OneValue<Row> {
  column: CodeColumn<Row>;
  oneValue: string;
}

/** Any other check against the dataset loaded so far (files earlier in the registry). */
export interface JoinCheck<Row> {
  check(rows: readonly Located<Row>[], dataset: RegionDataset): TableProblem[];
}

/** A set of codes a file provides for other files' join rules. */
export interface CodeSet<Row> {
  name: string;
  /** Completes `"E08000099" is not ...`, e.g. 'a district of the region (districts.csv)'. */
  description: string;
  column: CodeColumn<Row>;
  /** Column with each code's name, for messages. */
  nameColumn?: CodeColumn<Row>;
  /** The codes in a dataset: used when this file is rejected (the previous table stays). */
  inDataset(dataset: RegionDataset): readonly { code: string; name?: string }[];
}

/** Rows for the mapping of a file that reads more than one. */
export type RowsOf = <Row>(file: TableFile<string, Row>) => Located<Row>[];

/** How a file's rows become RegionDataset fields. */
export interface DatasetMapping<Row, F extends keyof RegionDataset = keyof RegionDataset> {
  fields: readonly F[];
  /** Other files the fields are built from; the fields change only when all of them load. */
  alsoReads?: readonly AnyTableFile[];
  /**
   * On a first load, build from the files that loaded (a rejected one gives no rows) instead of
   * leaving the fields empty. With a previous dataset, its fields stay as they were.
   */
  partialOnFirstLoad?: boolean;
  build(input: {
    rows: Located<Row>[];
    rowsOf: RowsOf;
    dataset: RegionDataset;
  }): Pick<RegionDataset, F>;
}

/** A map indicator a file offers (the Maps page lists every one the dataset has). */
export interface IndicatorOffer {
  id: string;
  label: string;
  level: GeographyLevel;
  unit: string;
  higherIsWorse: boolean;
}

/** The map indicators of a file: one per column, each area's value read from its row. */
export interface IndicatorSpec<Row> {
  level: GeographyLevel;
  /** The column holding each row's area code. */
  area: CodeColumn<Row>;
  /**
   * Rows are education LAs (`area` is new_la_code, with a time_period): each district takes
   * its LA's value in the latest year with values, a county figure for shire districts.
   */
  fromEducationLa?: boolean;
  source: string;
  provenance: Provenance;
  columns: readonly (Omit<IndicatorOffer, 'level'> & { column: NumberColumn<Row> })[];
}

/** A tidy EES CSV in data/ that the loader reads into the dataset. */
export interface TableFile<K extends string, Row> extends SourceInfo {
  role: 'table';
  key: K;
  /** Path relative to data/; the `.meta.csv` beside it is covered by the entry. */
  path: string;
  /** Row schema, key columns and whole-table checks. */
  table: FileSpec<Row>;
  joins?: readonly JoinRule<Row>[];
  codes?: CodeSet<Row>;
  dataset?: DatasetMapping<Row>;
  indicators?: IndicatorSpec<Row>;
}

/** A kind of file a user brings (Data sources page, `data:check --kind`). */
export interface ImportFile<K extends string, Row> {
  role: 'import';
  key: K;
  /** The label of the choice on the Data sources page. */
  title: string;
  hint: string;
  /** Where such a file is published. */
  source: string;
  table: FileSpec<Row>;
}

/** A TopoJSON boundary file (copied, not built). */
export interface BoundaryFile extends SourceInfo {
  role: 'boundary';
  key: string;
  path: string;
  level: GeographyLevel;
  /** Codes of the areas, for join rules (e.g. every district has a boundary). */
  /** The codes the file provides, each with its name ('' when the file has none). */
  codes?: { name: string; description: string; parse(text: string): Map<string, string> };
}

/** Any other file kept in data/: read by its own page (in-year inputs) or by the build only. */
export interface ListedFile extends SourceInfo {
  role: 'listed';
  key: string;
  path: string;
}

// Rows differ from file to file; the typed entries are checked where they are written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTableFile = TableFile<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportFile = ImportFile<string, any>;
export type RegistryEntry = AnyTableFile | AnyImportFile | BoundaryFile | ListedFile;

/** The row type of a table or import entry. */
export type RowOf<E> = E extends { table: FileSpec<infer Row> } ? Row : never;

type TableInput<K extends string, S extends z.ZodType, F extends keyof RegionDataset> = Omit<
  TableFile<K, z.output<S>>,
  'role' | 'table' | 'dataset'
> & {
  table: Omit<FileSpec<z.output<S>>, 'row'> & { row: S };
  dataset?: DatasetMapping<z.output<S>, F>;
};

/** A table entry whose row type is inferred from its schema (so rules and mappers are typed). */
export function tableFile<
  K extends string,
  S extends z.ZodType,
  F extends keyof RegionDataset = never,
>(entry: TableInput<K, S, F>): TableFile<K, z.output<S>> {
  return { role: 'table', ...entry } as TableFile<K, z.output<S>>;
}

export function importFile<K extends string, S extends z.ZodType>(
  entry: Omit<ImportFile<K, z.output<S>>, 'role' | 'table'> & {
    table: Omit<FileSpec<z.output<S>>, 'row'> & { row: S };
  },
): ImportFile<K, z.output<S>> {
  return { role: 'import', ...entry } as ImportFile<K, z.output<S>>;
}
