/**
 * Validates the dataset in data/ (every file and the joins between them), or one user file.
 *
 *   npm run data:check
 *   npm run data:check -- --dir path/to/data
 *   npm run data:check -- --file my_swc.csv --kind swcTeacherFte
 *
 * Prints a summary line; exits 1 with every problem (file, row, column, reason) if any.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { replaceWithImportedFile, type ImportKind } from '../data/imports.ts';
import { loadRegionDataset, validateFile } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import { FILE_KINDS, isFileKind } from '../data/schemas.ts';
import type { DataIssue } from '../data/types.ts';

const USAGE = `usage: npm run data:check [-- --dir <data folder>] [-- --file <file.csv> --kind <kind>]
kinds: ${FILE_KINDS.join(', ')}`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--'))
    throw new Error(`${name} needs a value\n${USAGE}`);
  return value;
}

function report(issues: DataIssue[], summary: string): number {
  for (const i of issues) console.error(i.message);
  console.log(issues.length === 0 ? `${summary}: OK` : `${summary}: ${issues.length} problem(s)`);
  return issues.length === 0 ? 0 : 1;
}

async function checkUserFile(file: string, kind: string, dataDir: string): Promise<number> {
  if (!isFileKind(kind)) throw new Error(`unknown kind "${kind}"\n${USAGE}`);
  const text = await readFile(file, 'utf8');
  const name = basename(file);
  if (kind === 'swcTeacherFte' || kind === 'pupilProjectionImport') {
    // Imports are also checked against the loaded dataset (districts, base year).
    const { dataset } = await loadRegionDataset(nodeReader(dataDir));
    const { issues } = replaceWithImportedFile(dataset, kind as ImportKind, text, name);
    return report(issues, `data:check ${name} (${kind})`);
  }
  return report(validateFile(kind, text, name), `data:check ${name} (${kind})`);
}

async function checkDataset(dataDir: string): Promise<number> {
  const { dataset, issues } = await loadRegionDataset(nodeReader(dataDir));
  const counts = [
    `${dataset.districts.length} districts`,
    `${dataset.baselines.length} baselines`,
    `${dataset.pupilProjections.length} projections`,
    `${dataset.nationalFlows.length} national flows`,
    `${dataset.partnerships.length} partnerships`,
    `${dataset.partnershipPlans.length} plans`,
    `${dataset.schools.length} schools`,
    `${dataset.indicators.length} indicators`,
  ].join(', ');
  return report(issues, `data:check ${dataset.regionName || dataDir} (${counts})`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = option(args, '--dir') ?? DEFAULT_DATA_DIR;
  const file = option(args, '--file');
  const kind = option(args, '--kind');
  if (file !== undefined || kind !== undefined) {
    if (file === undefined || kind === undefined)
      throw new Error(`--file and --kind go together\n${USAGE}`);
    return checkUserFile(file, kind, dataDir);
  }
  return checkDataset(dataDir);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
