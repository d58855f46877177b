/**
 * The allocation a cycle starts from, as EES tidy CSV (one row per partnership x subject):
 * the returns' identifying columns plus allocation_count, and optionally capacity_count
 * (places the partnership could train) and need_weight (cold-spot need weight, 1 = average).
 * Also writes transfer proposals as CSV.
 */
import { z } from 'zod';
import { toTimePeriod } from '../data/academic-year.ts';
import {
  academicYear,
  cell,
  checkNumber,
  numberCell,
  oneOf,
  partnershipCode,
  rowIssues,
  sameName,
  text,
  type NumberRule,
} from '../data/cells.ts';
import { capIssues, readCsv } from '../data/csv-reader.ts';
import { formatCsvRecords } from '../data/csv-writer.ts';
import { eesLocation } from '../data/ees.ts';
import type { FileContent } from '../data/utf8.ts';
import { SUBJECT_GROUPS, type DataIssue, type SubjectGroup } from '../data/types.ts';
import { cycleMonthName } from './cycle.ts';
import type { AllocationLine } from './ledger.ts';
import { MAX_RETURN_COUNT, RETURNS_LIMITS, cellKey } from './returns.ts';
import type { TransferProposal } from './transfer-model.ts';

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

const PLACES: NumberRule = {
  min: 0,
  below: MAX_RETURN_COUNT,
  integer: true,
  what: 'a whole number of places',
};
/** 1 is the average need; a district is never weighted 100 times the average. */
const NEED_WEIGHT: NumberRule = { min: 0, max: 100, what: 'a need weight (1 is average)' };

/** An optional column: blank or z (not applicable) when not known. */
const optionalNumber = (rule: NumberRule) =>
  cell<number | undefined>((raw) => (raw === 'z' ? { value: undefined } : checkNumber(raw, rule)), {
    blank: { value: undefined },
  }).optional();

/** An allocation is for a whole year: a month here means a monthly return was given instead. */
const yearIdentifier = cell<string>((raw) =>
  raw === 'Academic year'
    ? { value: raw }
    : {
        reason: `"${raw}" is not Academic year: an allocation has one row per partnership and subject for the whole year`,
        fix: 'Enter Academic year, or check that this is the allocation file and not a monthly return',
      },
).optional();

const rowSchema = z.object({
  time_period: academicYear(),
  time_identifier: yearIdentifier,
  partnership_code: partnershipCode(),
  partnership_name: text(),
  subject: oneOf(SUBJECT_GROUPS, 'subject group'),
  allocation_count: numberCell(PLACES),
  capacity_count: optionalNumber(PLACES),
  need_weight: optionalNumber(NEED_WEIGHT),
});

export type AllocationImportResult =
  { ok: true; file: AllocationFile } | { ok: false; issues: DataIssue[] };

export function importAllocationCsv(
  content: FileContent,
  fileName: string,
): AllocationImportResult {
  const refuse = (issues: DataIssue[]): AllocationImportResult => ({
    ok: false,
    issues: capIssues(issues, fileName),
  });
  const file = readCsv(content, fileName, {
    limits: RETURNS_LIMITS,
    required: ALLOCATION_COLUMNS,
    what: 'allocation file',
  });
  if (!file.ok) return refuse(file.issues);
  const issues: DataIssue[] = [];
  const lines: AllocationLine[] = [];
  const capacities = new Map<string, number>();
  const needWeights = new Map<string, number>();
  const periods = new Set<string>();
  const seen = new Map<string, number>();
  const named = new Map<string, { name: string; row: number }>();
  for (const { line: row, cells } of file.table.rows) {
    const parsed = rowSchema.safeParse(cells);
    if (!parsed.success) {
      const found = rowIssues(parsed.error.issues, { file: fileName, row });
      issues.push(...found);
      // A month here means the file is a monthly return: one line says so, not one per row.
      if (found.some((issue) => issue.column === 'time_identifier')) return refuse(issues);
      continue;
    }
    const data = parsed.data;
    const key = cellKey(data.partnership_code, data.subject);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        file: fileName,
        row,
        column: null,
        message: `${data.partnership_code} ${data.subject} is also on line ${earlier}`,
        fix: 'Keep one row for each partnership and subject',
      });
      continue;
    }
    seen.set(key, row);
    // One code, one partnership: a name that contradicts the code's first name is a slip.
    const first = named.get(data.partnership_code);
    if (first === undefined) named.set(data.partnership_code, { name: data.partnership_name, row });
    else if (!sameName(first.name, data.partnership_name)) {
      issues.push({
        file: fileName,
        row,
        column: 'partnership_name',
        message: `"${data.partnership_name}" is not the name line ${first.row} gives ${data.partnership_code} ("${first.name}")`,
        fix: `Enter ${first.name}, or the code of ${data.partnership_name}`,
      });
    }
    periods.add(toTimePeriod(data.time_period));
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
          message: `the capacity (${data.capacity_count}) is below the allocation (${data.allocation_count})`,
          fix: 'Enter a capacity of at least the allocation, or leave it blank when not known',
        });
      }
      capacities.set(key, data.capacity_count);
    }
    if (data.need_weight !== undefined) needWeights.set(key, data.need_weight);
  }
  if (periods.size > 1) {
    issues.push({
      file: fileName,
      row: null,
      column: 'time_period',
      message: `the file mixes time periods (${[...periods].join(', ')})`,
      fix: 'Give the allocation of one cycle',
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
): string {
  return formatCsvRecords(
    proposals.map((p) => ({
      time_period: timePeriod,
      time_identifier: cycleMonthName(monthIndex),
      ...eesLocation('Regional'),
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
