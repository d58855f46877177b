/**
 * Problems with input, in words: where (file, line, column) and what is wrong, then what to
 * do. Every command line and page shows issues through these, so no message names the file
 * twice or reads differently on two pages.
 */
import type { DataIssue } from './types.ts';

/** "line 4, column fte" (or either alone, or ''). */
export function issuePlace(issue: Pick<DataIssue, 'row' | 'column'>): string {
  const parts: string[] = [];
  if (issue.row !== null) parts.push(`line ${issue.row}`);
  if (issue.column !== null && issue.column !== '') parts.push(`column ${issue.column}`);
  return parts.join(', ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * One line for a command line or a log: "swc.csv, line 4, column fte: "0x10" is not a plain
 * number; enter a number of teachers (FTE) above 0 and below 100,000".
 */
export function describeIssue(issue: DataIssue): string {
  const where = [issue.file, issuePlace(issue)].filter((part) => part !== '').join(', ');
  const fix = issue.fix ? `; ${lowerFirst(issue.fix)}` : '';
  return `${where}: ${issue.message}${fix}`;
}

/**
 * One item of a page's error summary about a file the page names already: "Line 4, column
 * fte: "0x10" is not a plain number. Enter a number of teachers (FTE) above 0 and below 100,000".
 */
export function describeIssueInFile(issue: DataIssue): string {
  const place = issuePlace(issue);
  const text = `${place === '' ? '' : `${place.charAt(0).toUpperCase()}${place.slice(1)}: `}${issue.message}`;
  const sentence = place === '' ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
  return issue.fix ? `${sentence}. ${issue.fix}` : sentence;
}

/**
 * A form field's error (GOV.UK: say what to do, "Select a subject"), for the field and the
 * error summary; the reason when there is no instruction.
 */
export function describeFieldIssue(issue: DataIssue): string {
  const text = issue.fix ?? issue.message;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
