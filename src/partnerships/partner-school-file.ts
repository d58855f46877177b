/**
 * A partnership's own list of partner schools, as a CSV file: columns partnership_code,
 * school_urn and share ('z' or blank when the school is not shared, or to split it equally).
 * A file may hold several partnerships; each one's list replaces its previous links (the
 * illustrative default or an earlier import). Validated whole before anything changes.
 */
import { z } from 'zod';
import { cell, checkNumber, rowIssues } from '../data/cells.ts';
import { capIssues, readCsv } from '../data/csv-reader.ts';
import { formatCsvRecords } from '../data/csv-writer.ts';
import type { DataIssue, Partnership, School } from '../data/types.ts';
import type { FileContent } from '../data/utf8.ts';
import {
  SHARE_TOLERANCE,
  isEligibleSchool,
  replacePartnershipLinks,
  type PartnerSchoolAssignment,
  type PartnerSchoolLink,
} from './partner-schools.ts';

export const PARTNER_SCHOOL_COLUMNS = ['partnership_code', 'school_urn', 'share'] as const;

export const PARTNER_SCHOOL_LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxRows: 50_000,
} as const;

export interface PartnerSchoolContext {
  partnerships: readonly Pick<Partnership, 'code'>[];
  schools: readonly School[];
}

export type PartnerSchoolImportResult =
  | { ok: true; assignment: PartnerSchoolAssignment; partnershipCodes: string[]; links: number }
  | { ok: false; assignment: PartnerSchoolAssignment; issues: DataIssue[] };

function rowSchema(context: PartnerSchoolContext) {
  const partnerships = new Set(context.partnerships.map((p) => p.code));
  const schools = new Map(context.schools.map((s) => [s.urn, s]));
  return z.object({
    partnership_code: cell<string>((code) =>
      partnerships.has(code)
        ? { value: code }
        : {
            reason: `"${code}" is not a partnership of the region`,
            fix: "Enter the code of one of the region's partnerships",
          },
    ),
    school_urn: cell<string>((urn) => {
      const school = schools.get(urn);
      if (school === undefined) {
        return {
          reason: `"${urn}" is not the URN of a school in the region`,
          fix: 'Enter the URN of a school in the region (5 to 7 digits)',
        };
      }
      return isEligibleSchool(school)
        ? { value: urn }
        : {
            reason: `school ${urn} has no primary or secondary pupils in the schools list, so it carries no need`,
            fix: 'Remove the row, or enter a school with pupils',
          };
    }),
    share: cell<number | null>(
      (text) =>
        text === 'z'
          ? { value: null }
          : checkNumber(text, { above: 0, max: 1, what: 'a share of the school' }),
      { blank: { value: null } },
    ),
  });
}

/** Validate a partner-school list and, only when it is all valid, return the new assignment. */
export function importPartnerSchools(
  assignment: PartnerSchoolAssignment,
  content: FileContent,
  fileName: string,
  context: PartnerSchoolContext,
): PartnerSchoolImportResult {
  const refuse = (issues: DataIssue[]): PartnerSchoolImportResult => ({
    ok: false,
    assignment,
    issues: capIssues(issues, fileName),
  });
  const file = readCsv(content, fileName, {
    limits: PARTNER_SCHOOL_LIMITS,
    required: PARTNER_SCHOOL_COLUMNS,
    what: 'partner-school list',
  });
  if (!file.ok) return refuse(file.issues);
  const schema = rowSchema(context);
  const issues: DataIssue[] = [];
  const incoming: PartnerSchoolLink[] = [];
  const rowOf = new Map<string, number>();
  const rowsOfSchool = new Map<string, number[]>();
  for (const { line: row, cells } of file.table.rows) {
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      issues.push(...rowIssues(parsed.error.issues, { file: fileName, row }));
      continue;
    }
    const { partnership_code: code, school_urn: urn, share } = parsed.data;
    const key = `${code}|${urn}`;
    const earlier = rowOf.get(key);
    if (earlier !== undefined) {
      issues.push({
        file: fileName,
        row,
        column: 'school_urn',
        message: `school ${urn} is listed for ${code} again (first on line ${earlier})`,
        fix: 'List each school once for each partnership',
      });
      continue;
    }
    rowOf.set(key, row);
    rowsOfSchool.set(urn, [...(rowsOfSchool.get(urn) ?? []), row]);
    incoming.push({ partnershipCode: code, schoolUrn: urn, share, provenance: 'imported' });
  }
  if (issues.length > 0) return refuse(issues);

  const codes = new Set(incoming.map((link) => link.partnershipCode));
  const next = replacePartnershipLinks(assignment, codes, incoming);
  // Declared shares of one school, across all partnerships, must leave no double count.
  const declared = new Map<string, { sum: number; holders: string[] }>();
  for (const link of next.links) {
    if (link.share === null) continue;
    const item = declared.get(link.schoolUrn) ?? { sum: 0, holders: [] };
    item.sum += link.share;
    item.holders.push(`${link.partnershipCode} ${link.share}`);
    declared.set(link.schoolUrn, item);
  }
  for (const [urn, { sum, holders }] of declared) {
    if (sum <= 1 + SHARE_TOLERANCE) continue;
    for (const row of rowsOfSchool.get(urn) ?? []) {
      issues.push({
        file: fileName,
        row,
        column: 'share',
        message: `shares of school ${urn} add up to ${Number(sum.toFixed(6))} (${holders.join(', ')}), more than 1; the school would be counted more than once`,
        fix: 'Enter shares of each school that add up to 1 or less',
      });
    }
  }
  if (issues.length > 0) return refuse(issues);
  return {
    ok: true,
    assignment: next,
    partnershipCodes: [...codes].sort(),
    links: incoming.length,
  };
}

/** One partnership's partner schools as a CSV file in the import format. */
export function exportPartnerSchools(
  assignment: PartnerSchoolAssignment,
  partnershipCode: string,
): string {
  const rows = assignment.links
    .filter((link) => link.partnershipCode === partnershipCode)
    .map((link) => ({
      partnership_code: link.partnershipCode,
      school_urn: link.schoolUrn,
      share: link.share === null ? 'z' : String(link.share),
    }));
  return `${formatCsvRecords(rows, PARTNER_SCHOOL_COLUMNS)}\n`;
}
