/**
 * A `DataReader` over the file system, for the CLI and tests (never imported by browser code).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { DataReader } from './load.ts';

/** The repository's data/ folder. */
export const DEFAULT_DATA_DIR = resolve(fileURLToPath(new URL('../../data', import.meta.url)));

/** Reads paths relative to `dataDir` (default: the repository's data/). */
export function nodeReader(dataDir: string = DEFAULT_DATA_DIR): DataReader {
  return (path) => readFile(join(dataDir, path));
}
