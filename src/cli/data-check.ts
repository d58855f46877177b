/**
 * Validates the dataset in data/ (every file and the joins between them), or one user file.
 *
 *   npm run data:check
 *   npm run data:check -- --dir path/to/data
 *   npm run data:check -- --file my_swc.csv --kind swcTeacherFte
 *
 * Prints a summary line; exits 1 with every problem (file, row, column, reason) if any.
 */
import { basename } from 'node:path';
import { replaceWithImportedFile } from '../data/imports.ts';
import { describeIssue } from '../data/issues.ts';
import { loadRegionDataset, validateFile } from '../data/load.ts';
import { DEFAULT_DATA_DIR, nodeReader } from '../data/node-reader.ts';
import { FILE_KINDS, isFileKind, isImportKind } from '../data/registry/index.ts';
import type { DataIssue } from '../data/types.ts';
import {
  CliError,
  EXIT_CODES,
  parseOptions,
  readOptionFile,
  runCli,
  type CliCommand,
  type ExitCode,
} from './cli.ts';

const COMMAND = {
  name: 'data:check',
  run: 'npm run data:check --',
  summary:
    'Validates every file in the dataset folder and the joins between them, or one file of your own.',
  options: {
    dir: {
      type: 'string',
      value: 'folder',
      help: 'dataset folder (default: the repository data/)',
    },
    file: { type: 'string', value: 'file.csv', help: 'check this file instead (needs --kind)' },
    kind: { type: 'string', value: 'kind', help: 'what --file holds (one of the kinds below)' },
  },
  notes: [`kinds: ${FILE_KINDS.join(', ')}`],
} as const satisfies CliCommand;

function report(issues: DataIssue[], summary: string): ExitCode {
  for (const issue of issues) console.error(describeIssue(issue));
  console.log(issues.length === 0 ? `${summary}: OK` : `${summary}: ${issues.length} problem(s)`);
  return issues.length === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput;
}

async function checkUserFile(file: string, kind: string, dataDir: string): Promise<ExitCode> {
  if (!isFileKind(kind)) throw new CliError(`--kind: unknown kind "${kind}" (see --help)`);
  const text = readOptionFile('file', file);
  const name = basename(file);
  if (isImportKind(kind)) {
    // Imports are also checked against the loaded dataset (districts, base year).
    const { dataset } = await loadRegionDataset(nodeReader(dataDir));
    const { issues } = replaceWithImportedFile(dataset, kind, text, name);
    return report(issues, `data:check ${name} (${kind})`);
  }
  return report(validateFile(kind, text, name), `data:check ${name} (${kind})`);
}

async function checkDataset(dataDir: string): Promise<ExitCode> {
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

await runCli(COMMAND, async (argv) => {
  const { values } = parseOptions(COMMAND, argv);
  const dataDir = values.dir ?? DEFAULT_DATA_DIR;
  if (values.file !== undefined || values.kind !== undefined) {
    if (values.file === undefined || values.kind === undefined)
      throw new CliError('--file and --kind go together (see --help)');
    return checkUserFile(values.file, values.kind, dataDir);
  }
  return checkDataset(dataDir);
});
