/**
 * A partnership's own list of partner schools, as a CSV file: columns partnership_code,
 * school_urn and share ('z' or blank when the school is not shared, or to split it equally).
 * A file may hold several partnerships; each one's list replaces its previous links (the
 * illustrative default or an earlier import). Validated whole before anything changes.
 */
import { z } from 'zod';
import { formatCsvRecords } from '../data/csv-writer.ts';
import { readCsvFile } from '../data/ees.ts';
import type { DataIssue, Partnership, School } from '../data/types.ts';
import { toDataIssue, type RawRow } from './intelligence.ts';
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
  maxIssues: 50,
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
    partnership_code: z
      .string()
      .trim()
      .refine(
        (code) => partnerships.has(code),
        'is not a partnership of the dataset (unknown partnership code)',
      ),
    school_urn: z
      .string()
      .trim()
      .refine((urn) => schools.has(urn), 'is not a school of the region (unknown URN)')
      .refine((urn) => {
        const school = schools.get(urn);
        return school === undefined || isEligibleSchool(school);
      }, 'has no primary or secondary pupils in the schools list, so it carries no need'),
    share: z
      .string()
      .trim()
      .transform((text, ctx) => {
        if (text === '' || text === 'z') return null;
        const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
        if (!(value > 0 && value <= 1)) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a number above 0 and at most 1, or z when not shared',
          });
          return z.NEVER;
        }
        return value;
      }),
  });
}

/** Validate a partner-school list and, only when it is all valid, return the new assignment. */
export function importPartnerSchools(
  assignment: PartnerSchoolAssignment,
  text: string,
  fileName: string,
  context: PartnerSchoolContext,
): PartnerSchoolImportResult {
  const refuse = (issues: DataIssue[]): PartnerSchoolImportResult => ({
    ok: false,
    assignment,
    issues: issues.slice(0, PARTNER_SCHOOL_LIMITS.maxIssues),
  });
  const file = readCsvFile(
    text,
    fileName,
    PARTNER_SCHOOL_COLUMNS,
    PARTNER_SCHOOL_LIMITS,
    'partner-school list',
  );
  if (!file.ok) return refuse(file.issues);
  const { rows } = file;
  const schema = rowSchema(context);
  const issues: DataIssue[] = [];
  const incoming: PartnerSchoolLink[] = [];
  const rowOf = new Map<string, number>();
  const rowsOfSchool = new Map<string, number[]>();
  rows.forEach((raw: RawRow, index) => {
    const row = index + 2;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      issues.push(
        ...parsed.error.issues.map((issue) => toDataIssue(issue, raw, { file: fileName, row })),
      );
      return;
    }
    const { partnership_code: code, school_urn: urn, share } = parsed.data;
    const key = `${code}|${urn}`;
    const earlier = rowOf.get(key);
    if (earlier !== undefined) {
      issues.push({
        file: fileName,
        row,
        column: 'school_urn',
        message: `school ${urn} is listed for ${code} again (first on row ${earlier})`,
      });
      return;
    }
    rowOf.set(key, row);
    rowsOfSchool.set(urn, [...(rowsOfSchool.get(urn) ?? []), row]);
    incoming.push({ partnershipCode: code, schoolUrn: urn, share, provenance: 'imported' });
  });
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
