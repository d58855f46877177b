/**
 * Local intelligence: a partnership adds or corrects school-level expectations (known
 * retirements, leavers, roll changes, new provision) per subject group and entry year.
 * Each entry keeps who entered it and why; its signed FTE change is added to the
 * partnership's forecast (P10, P50 and P90 alike) and flows into the amalgamation.
 *
 * `year` is the ENTRY year whose trainees would fill the post as NQTs a year later, the same
 * year as the district forecast's (a retirement in summer 2027 is need for 2027/28, met by
 * trainees entering in 2026/27).
 *
 * An entry counts in full for the partnership that made it, also at a school it shares:
 * it is that partnership's evidence. When two partnerships report the same school, subject,
 * year and kind, the amalgamation lists them as possible duplicates for the manager.
 */
import { z } from 'zod';
import type { AcademicYear, DataIssue, Partnership, School, SubjectGroup } from '../data/types.ts';
import { SUBJECT_GROUPS } from '../data/types.ts';
import { parseAcademicYear } from '../data/academic-year.ts';
import { schoolServesSubject, type PartnerSchoolAssignment } from './partner-schools.ts';
import { subjectYearKey, type IntelligenceTotals } from './partnership-forecast.ts';

export const INTELLIGENCE_KINDS = [
  'retirement',
  'leaver',
  'roll change',
  'new provision',
  'correction',
] as const;
export type IntelligenceKind = (typeof INTELLIGENCE_KINDS)[number];

export interface IntelligenceEntry {
  id: string;
  partnershipCode: string;
  schoolUrn: string;
  subject: SubjectGroup;
  /** Entry year, e.g. '2026/27'. */
  year: AcademicYear;
  kind: IntelligenceKind;
  /** Signed FTE change to the need (positive: more NQTs needed). At most 2 decimals. */
  fteChange: number;
  author: string;
  reason: string;
  /** ISO 8601 date-time the entry was made. */
  enteredAt: string;
}

/** What an entry is checked against. */
export interface IntelligenceContext {
  /** The three entry years of the forecast. */
  entryYears: readonly AcademicYear[];
  partnerships: readonly Pick<Partnership, 'code' | 'name'>[];
  schools: readonly School[];
  /** An entry must be about one of the partnership's partner schools. */
  assignment: PartnerSchoolAssignment;
}

export interface IntelligenceState {
  readonly entries: readonly IntelligenceEntry[];
}

export const EMPTY_INTELLIGENCE: IntelligenceState = { entries: [] };

export type IntelligenceResult =
  | { ok: true; state: IntelligenceState; entry: IntelligenceEntry }
  | { ok: false; state: IntelligenceState; issues: DataIssue[] };

/** An entry as typed into a form (text boxes give strings; the same checks as a file row apply). */
export interface IntelligenceInput {
  partnershipCode: string;
  schoolUrn: string;
  subject: string;
  year: string;
  kind: string;
  fteChange: number | string;
  author: string;
  reason: string;
}

/** Bounds of one entry: a whole new school is some tens of FTE, so 100 catches typing slips. */
export const INTELLIGENCE_LIMITS = {
  maxAbsFte: 100,
  maxDecimals: 2,
  maxAuthorLength: 200,
  maxReasonLength: 1000,
} as const;

/** The entry fields under their submission-file column names. */
export const ENTRY_FIELD_COLUMNS = {
  partnershipCode: 'partnership_code',
  schoolUrn: 'school_urn',
  subject: 'subject',
  year: 'time_period',
  kind: 'intelligence_kind',
  fteChange: 'fte_change',
  author: 'author',
  reason: 'reason',
  enteredAt: 'entered_at',
  id: 'entry_id',
} as const;

function fteProblem(text: string): string | null {
  if (text === '') return 'is empty; an FTE change is required';
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return 'is not a number (write e.g. 1, -0.5 or 2.25)';
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > INTELLIGENCE_LIMITS.maxDecimals) {
    return `has more than ${INTELLIGENCE_LIMITS.maxDecimals} decimal places`;
  }
  const value = Number(text);
  if (value === 0) return 'changes nothing; leave the entry out instead';
  if (Math.abs(value) > INTELLIGENCE_LIMITS.maxAbsFte) {
    return `is outside -${INTELLIGENCE_LIMITS.maxAbsFte} to ${INTELLIGENCE_LIMITS.maxAbsFte} FTE for one school`;
  }
  return null;
}

const fteField = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const problem = fteProblem(text);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return Number(text);
  });

function textField(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, 'is empty; say who and why for every entry')
    .max(maxLength, `is longer than ${maxLength} characters`);
}

/** Lookups built once per validation. */
interface CompiledContext {
  years: ReadonlySet<AcademicYear>;
  partnerships: ReadonlyMap<string, string>;
  schools: ReadonlyMap<string, School>;
  partnersOf: ReadonlyMap<string, ReadonlySet<string>>;
  entryYears: readonly AcademicYear[];
}

function compile(context: IntelligenceContext): CompiledContext {
  const partnersOf = new Map<string, Set<string>>();
  for (const link of context.assignment.links) {
    const set = partnersOf.get(link.partnershipCode) ?? new Set<string>();
    set.add(link.schoolUrn);
    partnersOf.set(link.partnershipCode, set);
  }
  return {
    years: new Set(context.entryYears),
    partnerships: new Map(context.partnerships.map((p) => [p.code, p.name])),
    schools: new Map(context.schools.map((s) => [s.urn, s])),
    partnersOf,
    entryYears: context.entryYears,
  };
}

/**
 * The schema of one entry's fields (strings in, typed entry fields out). The year is read
 * as an academic year '2026/27' (a form) or an EES time_period '202627' (a file).
 */
function entrySchema(known: CompiledContext) {
  const subjects = new Set<string>(SUBJECT_GROUPS);
  const kinds = new Set<string>(INTELLIGENCE_KINDS);
  return z
    .object({
      partnership_code: z
        .string()
        .trim()
        .refine(
          (code) => known.partnerships.has(code),
          'is not a partnership of the dataset (unknown partnership code)',
        ),
      school_urn: z
        .string()
        .trim()
        .refine((urn) => known.schools.has(urn), 'is not a school of the region (unknown URN)'),
      subject: z
        .string()
        .trim()
        .refine(
          (subject) => subjects.has(subject),
          `is not a subject group (one of: ${SUBJECT_GROUPS.join(', ')})`,
        ),
      time_period: z
        .string()
        .trim()
        .transform((year) => parseAcademicYear(year))
        .refine(
          (year): year is AcademicYear => year !== null && known.years.has(year),
          `is not one of the three entry years (${known.entryYears.join(', ')})`,
        ),
      intelligence_kind: z
        .string()
        .trim()
        .refine(
          (kind) => kinds.has(kind),
          `is not a kind of entry (one of: ${INTELLIGENCE_KINDS.join(', ')})`,
        ),
      fte_change: fteField,
      author: textField(INTELLIGENCE_LIMITS.maxAuthorLength),
      reason: textField(INTELLIGENCE_LIMITS.maxReasonLength),
    })
    .superRefine((row, ctx) => {
      const school = known.schools.get(row.school_urn);
      if (school === undefined || !known.partnerships.has(row.partnership_code)) return;
      if (!(known.partnersOf.get(row.partnership_code)?.has(row.school_urn) ?? false)) {
        ctx.addIssue({
          code: 'custom',
          path: ['school_urn'],
          message: `is not a partner school of ${row.partnership_code}`,
        });
      }
      if (subjects.has(row.subject) && !schoolServesSubject(school, row.subject as SubjectGroup)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subject'],
          message: `does not match the phase of school ${row.school_urn} (${school.phase})`,
        });
      }
    });
}

export type RawRow = Record<string, string | undefined>;

/** Validated entry fields (everything but id and time of entry). */
export type EntryFields = Omit<IntelligenceEntry, 'id' | 'enteredAt'>;

/**
 * Validate one row of entry fields. Issues name `fileName`, `row` and the column (mapped
 * through `columnName`, so a form can name its own fields); the message leads with the
 * column and the value given.
 */
export function validateEntryFields(
  raw: RawRow,
  context: IntelligenceContext | CompiledContextHandle,
  where: IssueLocation,
): { fields: EntryFields; issues: [] } | { fields: null; issues: DataIssue[] } {
  const known = 'compiled' in context ? context.compiled : compile(context);
  const parsed = entrySchema(known).safeParse(raw);
  if (parsed.success) {
    const data = parsed.data;
    return {
      fields: {
        partnershipCode: data.partnership_code,
        schoolUrn: data.school_urn,
        subject: data.subject as SubjectGroup,
        year: data.time_period,
        kind: data.intelligence_kind as IntelligenceKind,
        fteChange: data.fte_change,
        author: data.author,
        reason: data.reason,
      },
      issues: [],
    };
  }
  return {
    fields: null,
    issues: parsed.error.issues.map((issue) => toDataIssue(issue, raw, where)),
  };
}

/** A compiled context, to validate many rows without rebuilding the lookups. */
export interface CompiledContextHandle {
  compiled: CompiledContext;
}

export function compileIntelligenceContext(context: IntelligenceContext): CompiledContextHandle {
  return { compiled: compile(context) };
}

/** Where an issue is: file, row, and how to name a column (a form names its own fields). */
export interface IssueLocation {
  file: string;
  row: number | null;
  /** The `column` reported (default: the file column). */
  columnName?: (column: string) => string;
  /** The name the message starts with (default: the reported column). */
  columnLabel?: (column: string) => string;
}

/** A zod issue as a DataIssue: the column named, then the value given, then the reason. */
export function toDataIssue(issue: z.core.$ZodIssue, raw: RawRow, where: IssueLocation): DataIssue {
  const column = typeof issue.path[0] === 'string' ? issue.path[0] : null;
  if (column === null) {
    return { file: where.file, row: where.row, column: null, message: `row ${issue.message}` };
  }
  const given = raw[column];
  const value = (given ?? '').trim();
  const shown = value === '' ? '' : ` ("${value}")`;
  const reason =
    issue.code === 'invalid_type' && given === undefined ? 'is missing' : issue.message;
  const name = where.columnName?.(column) ?? column;
  const label = where.columnLabel?.(column) ?? name;
  return { file: where.file, row: where.row, column: name, message: `${label}${shown} ${reason}` };
}

const FORM_FIELD_OF_COLUMN: Record<string, string> = Object.fromEntries(
  Object.entries(ENTRY_FIELD_COLUMNS).map(([field, column]) => [column, field]),
);

/** How a form labels each entry field in messages. */
export const ENTRY_FIELD_LABELS: Record<keyof typeof ENTRY_FIELD_COLUMNS, string> = {
  partnershipCode: 'Partnership',
  schoolUrn: 'School URN',
  subject: 'Subject',
  year: 'Entry year',
  kind: 'Kind of change',
  fteChange: 'FTE change',
  author: 'Entered by',
  reason: 'Reason',
  enteredAt: 'Entered at',
  id: 'Entry id',
};

/** Next id for a partnership's entry: its code and a running number ('S21-7'). */
export function nextEntryId(
  entries: readonly IntelligenceEntry[],
  partnershipCode: string,
): string {
  let highest = 0;
  const pattern = new RegExp(`^${partnershipCode.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  for (const entry of entries) {
    const match = pattern.exec(entry.id);
    if (match?.[1] !== undefined) highest = Math.max(highest, Number(match[1]));
  }
  return `${partnershipCode}-${highest + 1}`;
}

/**
 * Add one entry typed into a form. On any problem the state is returned unchanged with
 * issues naming the form field (`column`) and reason; `now` stamps the entry.
 */
export function addIntelligenceEntry(
  state: IntelligenceState,
  input: IntelligenceInput,
  context: IntelligenceContext,
  now: Date,
  source = 'local intelligence form',
): IntelligenceResult {
  const raw: RawRow = {
    partnership_code: input.partnershipCode,
    school_urn: input.schoolUrn,
    subject: input.subject,
    time_period: input.year,
    intelligence_kind: input.kind,
    fte_change: String(input.fteChange),
    author: input.author,
    reason: input.reason,
  };
  const result = validateEntryFields(raw, context, {
    file: source,
    row: null,
    columnName: (column) => FORM_FIELD_OF_COLUMN[column] ?? column,
    columnLabel: (column) => {
      const field = FORM_FIELD_OF_COLUMN[column] as keyof typeof ENTRY_FIELD_LABELS | undefined;
      return field === undefined ? column : ENTRY_FIELD_LABELS[field];
    },
  });
  if (result.fields === null) return { ok: false, state, issues: result.issues };
  const entry: IntelligenceEntry = {
    id: nextEntryId(state.entries, result.fields.partnershipCode),
    ...result.fields,
    enteredAt: now.toISOString(),
  };
  return { ok: true, state: { entries: [...state.entries, entry] }, entry };
}

/** The state without one entry (unchanged when the id is not held). */
export function removeIntelligenceEntry(state: IntelligenceState, id: string): IntelligenceState {
  return { entries: state.entries.filter((entry) => entry.id !== id) };
}

/** One partnership's adjustments summed by subject|year, for `partnershipForecast`. */
export function intelligenceTotals(
  entries: readonly IntelligenceEntry[],
  partnershipCode: string,
): IntelligenceTotals {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    if (entry.partnershipCode !== partnershipCode) continue;
    const key = subjectYearKey(entry.subject, entry.year);
    totals.set(key, (totals.get(key) ?? 0) + entry.fteChange);
  }
  return totals;
}
