/**
 * The allocation a cycle starts from, as EES tidy CSV (one row per partnership x subject):
 * the returns' identifying columns plus allocation_count, and optionally capacity_count
 * (places the partnership could train) and need_weight (cold-spot need weight, 1 = average).
 * Also writes transfer proposals as CSV.
 */
import { formatCsvRecords } from '../data/csv-writer.ts';
import { readCsvFile } from '../data/ees.ts';
import { z } from 'zod';
import { SUBJECT_GROUPS, type DataIssue, type SubjectGroup } from '../data/types.ts';
import { cycleMonthName } from './cycle.ts';
import type { AllocationLine } from './ledger.ts';
import { cellKey, RETURNS_LIMITS } from './returns.ts';
import type { TransferProposal } from './transfer-model.ts';
import { isTimePeriod } from '../data/academic-year.ts';

export const ALLOCATION_COLUMNS = [
  'time_period',
  'partnership_code',
  'partnership_name',
  'subject',
  'allocation_count',
] as const;

export interface AllocationFile {
  timePeriod: string;
  lines: AllocationLine[];
  capacities: Map<string, number>;
  needWeights: Map<string, number>;
}

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number of places, 0 or more')
  .transform(Number);
/** An optional column: blank or 'z' (not applicable) when not known. */
const optionalNumber = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine(
      (text) => text === undefined || text === '' || text === 'z' || pattern.test(text),
      message,
    )
    .transform((text) =>
      text === undefined || text === '' || text === 'z' ? undefined : Number(text),
    );

const rowSchema = z.object({
  time_period: z.string().trim().refine(isTimePeriod, 'must be an academic year such as 202526'),
  partnership_code: z.string().trim().min(1, 'is empty'),
  partnership_name: z.string().trim().min(1, 'is empty'),
  subject: z
    .string()
    .trim()
    .refine(
      (s) => (SUBJECT_GROUPS as readonly string[]).includes(s),
      'is not a known subject group',
    ),
  allocation_count: wholeNumber,
  capacity_count: optionalNumber(
    /^\d+$/,
    'must be a whole number of places, or blank when not known',
  ),
  need_weight: optionalNumber(/^\d+(\.\d+)?$/, 'must be a number, 0 or more, or blank'),
});

export type AllocationImportResult =
  { ok: true; file: AllocationFile } | { ok: false; issues: DataIssue[] };

export function importAllocationCsv(text: string, fileName: string): AllocationImportResult {
  const refuse = (issues: DataIssue[]): AllocationImportResult => ({
    ok: false,
    issues: issues.slice(0, RETURNS_LIMITS.maxIssues),
  });
  const file = readCsvFile(text, fileName, ALLOCATION_COLUMNS, RETURNS_LIMITS, 'allocation file');
  if (!file.ok) return refuse(file.issues);
  const { rows } = file;
  const issues: DataIssue[] = [];
  const lines: AllocationLine[] = [];
  const capacities = new Map<string, number>();
  const needWeights = new Map<string, number>();
  const periods = new Set<string>();
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 2;
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = typeof issue.path[0] === 'string' ? issue.path[0] : null;
        issues.push({
          file: fileName,
          row,
          column,
          message: `${column ?? 'row'} ${issue.message}`,
        });
      }
      return;
    }
    const data = parsed.data;
    const key = cellKey(data.partnership_code, data.subject);
    if (seen.has(key)) {
      issues.push({
        file: fileName,
        row,
        column: null,
        message: `duplicate of row ${seen.get(key)}: ${data.partnership_code} ${data.subject}`,
      });
      return;
    }
    seen.set(key, row);
    periods.add(data.time_period);
    lines.push({
      partnershipCode: data.partnership_code,
      partnershipName: data.partnership_name,
      subject: data.subject as SubjectGroup,
      places: data.allocation_count,
    });
    if (data.capacity_count !== undefined) {
      if (data.capacity_count < data.allocation_count) {
        issues.push({
          file: fileName,
          row,
          column: 'capacity_count',
          message: `capacity (${data.capacity_count}) is below the allocation (${data.allocation_count})`,
        });
      }
      capacities.set(key, data.capacity_count);
    }
    if (data.need_weight !== undefined) needWeights.set(key, data.need_weight);
  });
  if (rows.length === 0)
    issues.push({ file: fileName, row: null, column: null, message: 'the file has no rows' });
  if (periods.size > 1) {
    issues.push({
      file: fileName,
      row: null,
      column: 'time_period',
      message: `the file mixes time periods (${[...periods].join(', ')}); give one cycle`,
    });
  }
  if (issues.length > 0) return refuse(issues);
  return { ok: true, file: { timePeriod: [...periods][0]!, lines, capacities, needWeights } };
}

/** Proposals as EES-style CSV, one row per move. */
export function proposalsToCsv(
  proposals: readonly TransferProposal[],
  timePeriod: string,
  monthIndex: number,
  country = { code: 'E92000001', name: 'England' },
): string {
  return formatCsvRecords(
    proposals.map((p) => ({
      time_period: timePeriod,
      time_identifier: cycleMonthName(monthIndex),
      geographic_level: 'Regional',
      country_code: country.code,
      country_name: country.name,
      proposal_id: p.id,
      from_partnership_code: p.from.partnershipCode,
      from_partnership_name: p.from.partnershipName,
      from_subject: p.from.subject,
      to_partnership_code: p.to.partnershipCode,
      to_partnership_name: p.to.partnershipName,
      to_subject: p.to.subject,
      places_count: String(p.places),
      expected_recruitment_gain: p.expectedGain.toFixed(2),
      need_weighted_gain: p.weightedGain.toFixed(2),
      reason: p.reason,
    })),
  );
}
