import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point (path from the repository root) as `npm run` would, with tsx. */
export function runCommand(script: string, args: readonly string[]): Promise<CommandRun> {
  return new Promise((done) => {
    execFile(
      TSX,
      [resolve(ROOT, script), ...args],
      { cwd: ROOT, env: { ...process.env, TSP_DEBUG: '' }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** A line of a Node stack trace ("    at f (file.ts:1:2)"). */
export const STACK_LINE = /^\s+at /m;
