/**
 * What every upload on every page shows when a file is refused, in GOV.UK error-message style:
 * a summary whose title names the file once and says nothing changed, one item per problem
 * (where it is, what is wrong, what to do) linking to the upload field, and the field's own
 * message saying what to do next.
 */
import type { DataIssue } from '../data/types.ts';
import { describeFieldIssue, describeIssue, describeIssueInFile } from '../data/issues.ts';
import type { ErrorItem } from './tsp-error-summary.ts';

export interface FileIssueReport {
  /** The error summary's title. */
  heading: string;
  /** The summary's items, each linking to the upload field. */
  items: ErrorItem[];
  /** The upload field's error message. */
  fieldError: string;
}

/**
 * The report for a refused upload; `fieldId` is the file input's id, `chosen` how many files
 * were chosen together (all are refused when one is).
 */
export function fileIssueReport(
  issues: readonly DataIssue[],
  fieldId: string,
  chosen = 1,
): FileIssueReport {
  const href = `#${fieldId}`;
  const files = [...new Set(issues.map((issue) => issue.file).filter((file) => file !== ''))];
  if (files.length === 0) {
    // Nothing was read: the problem is with the field itself ("Select a file").
    return {
      heading: 'There is a problem',
      items: issues.map((issue) => ({ text: describeFieldIssue(issue), href })),
      fieldError: issues.length > 0 ? describeFieldIssue(issues[0]!) : '',
    };
  }
  if (chosen === 1 && files.length === 1) {
    const file = files[0]!;
    const items = issues.map((issue) => ({
      text: issue.file === '' ? describeFieldIssue(issue) : describeIssueInFile(issue),
      href,
    }));
    return {
      heading: `${file} was not used: nothing has changed`,
      items,
      fieldError: `${file} has ${items.length === 1 ? 'a problem' : `${items.length} problems`}: correct the file and upload it again`,
    };
  }
  const whose = files.length === 1 ? `${files[0]} has` : `${files.length} of them have`;
  return {
    heading: `None of the ${chosen} files was used: nothing has changed`,
    items: issues.map((issue) => ({ text: describeIssue(issue), href })),
    fieldError: `${whose} problems, listed above: correct them and upload the files again`,
  };
}
