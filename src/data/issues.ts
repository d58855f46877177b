import type { DataIssue } from './types.ts';

/** One sentence naming the file, row and column of a data problem, e.g. for an error summary. */
export function describeIssue(issue: DataIssue): string {
  const where = [issue.file];
  if (issue.row !== null) where.push(`row ${issue.row}`);
  if (issue.column !== null) where.push(`column ${issue.column}`);
  return `${where.join(', ')}: ${issue.message}`;
}
