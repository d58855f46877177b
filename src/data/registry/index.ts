/**
 * The data-file registry: one entry per file in data/ and per kind of file a user brings. The
 * loader reads the table entries in this order (a file providing codes comes before the files
 * that join to them), `npm run data:check` checks them, the Data sources page lists every file
 * and the Maps page offers their indicators. To add a source, see DEVELOPERS.md.
 */
import { allocationFiles } from './allocation.ts';
import { attainmentFiles } from './attainment.ts';
import { boundaryFiles } from './boundaries.ts';
import { deprivationFiles } from './deprivation.ts';
import { districtFiles } from './districts.ts';
import type {
  AnyImportFile,
  AnyTableFile,
  BoundaryFile,
  IndicatorOffer,
  RegistryEntry,
} from './entry.ts';
import { indicatorOffers } from './indicators.ts';
import { ittFiles } from './itt.ts';
import { ittNationalFiles } from './itt-national.ts';
import { nationalFiles } from './national.ts';
import { regionBaselineFiles } from './region-baseline.ts';
import { schoolFiles } from './schools.ts';
import { sourceCopies } from './source-copies.ts';
import { userFiles } from './user-files.ts';

export const DATA_FILE_REGISTRY = [
  ...districtFiles,
  ...nationalFiles,
  ...ittNationalFiles,
  ...regionBaselineFiles,
  ...ittFiles,
  ...allocationFiles,
  ...schoolFiles,
  ...deprivationFiles,
  ...attainmentFiles,
  ...boundaryFiles,
  ...sourceCopies,
  ...userFiles,
] as const;

type Entry = (typeof DATA_FILE_REGISTRY)[number];
/** The key of a file the loader reads. */
export type TableKey = Extract<Entry, { role: 'table' }>['key'];
/** The key of a kind of file a user brings. */
export type ImportKey = Extract<Entry, { role: 'import' }>['key'];
/** A file `data:check --kind` can check: a default file's kind or a user file's. */
export type FileKind = TableKey | ImportKey;

const ENTRIES: readonly RegistryEntry[] = DATA_FILE_REGISTRY;

/** The files the loader reads, in reading order. */
export const TABLE_FILES = ENTRIES.filter((e): e is AnyTableFile => e.role === 'table');
export const IMPORT_FILES = ENTRIES.filter((e): e is AnyImportFile => e.role === 'import');
export const BOUNDARY_FILES: readonly BoundaryFile[] = boundaryFiles;

/** Every file in data/ (besides SOURCES.md), in the order the Data sources page lists them. */
export const FILES_IN_DATA = ENTRIES.filter(
  (e): e is Exclude<RegistryEntry, AnyImportFile> => e.role !== 'import',
);

/** The path in data/ of each file the loader reads. */
export const DATA_FILES = Object.fromEntries(TABLE_FILES.map((f) => [f.key, f.path])) as Record<
  TableKey,
  string
>;

export const FILE_KINDS: readonly FileKind[] = [...TABLE_FILES, ...IMPORT_FILES].map(
  (entry) => entry.key as FileKind,
);

export function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as readonly string[]).includes(value);
}

export function isImportKind(value: string): value is ImportKey {
  return IMPORT_FILES.some((file) => file.key === value);
}

/** The table or import entry of a kind. */
export function fileOfKind(kind: FileKind): AnyTableFile | AnyImportFile {
  const entry = [...TABLE_FILES, ...IMPORT_FILES].find((e) => e.key === kind);
  if (!entry) throw new Error(`no registry entry for ${kind}`);
  return entry;
}

export { boundaryPath } from './boundaries.ts';

/** Every map indicator the default files offer, in the order the dataset lists them. */
export const INDICATOR_OFFERS: readonly IndicatorOffer[] = TABLE_FILES.flatMap((file) =>
  file.indicators ? indicatorOffers(file.indicators) : [],
);

/** The `.meta.csv` beside a tidy CSV file. */
export function metaFileOf(path: string): string {
  return path.replace(/\.csv$/, '.meta.csv');
}

export type { RegistryEntry } from './entry.ts';
export { BOUNDARY_ATTRIBUTION } from './boundaries.ts';
export { OGL } from './citations.ts';
