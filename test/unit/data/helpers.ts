import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegionDataset, type DataReader, type LoadResult } from '../../../src/data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../../../src/data/node-reader.ts';
import type { FileContent } from '../../../src/data/utf8.ts';

export const FIXTURES = join(DEFAULT_DATA_DIR, '..', 'test', 'fixtures', 'data');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The real data/ files, with some paths replaced by other texts. */
export function readerWith(overrides: Record<string, FileContent>): DataReader {
  const real = nodeReader();
  return (path) =>
    path in overrides ? Promise.resolve(overrides[path] as FileContent) : real(path);
}

let realLoad: Promise<LoadResult> | undefined;

/** The default dataset, loaded once per test file. */
export function loadReal(): Promise<LoadResult> {
  realLoad ??= loadRegionDataset(nodeReader());
  return realLoad;
}
