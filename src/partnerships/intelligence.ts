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
import { parseAcademicYear, toTimePeriod } from '../data/academic-year.ts';
import {
  cell,
  checkNumber,
  choiceFix,
  rowIssues,
  type Parsed,
  type RowPlace,
} from '../data/cells.ts';
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

const FTE_FIX = `Enter an FTE change from -${INTELLIGENCE_LIMITS.maxAbsFte} to ${INTELLIGENCE_LIMITS.maxAbsFte}, with up to ${INTELLIGENCE_LIMITS.maxDecimals} decimal places, such as 1 or -0.5`;

function readFteChange(text: string): Parsed<number> {
  const checked = checkNumber(text, {
    min: -INTELLIGENCE_LIMITS.maxAbsFte,
    max: INTELLIGENCE_LIMITS.maxAbsFte,
  });
  if ('reason' in checked) return { reason: checked.reason, fix: FTE_FIX };
  if ((text.split('.')[1]?.length ?? 0) > INTELLIGENCE_LIMITS.maxDecimals) {
    return {
      reason: `${text} has more than ${INTELLIGENCE_LIMITS.maxDecimals} decimal places`,
      fix: FTE_FIX,
    };
  }
  if (checked.value === 0) {
    return {
      reason: '0 changes nothing',
      fix: 'Enter a change other than 0, or leave the entry out',
    };
  }
  return checked;
}

function textField(maxLength: number, fix: string) {
  return cell<string>(
    (text) =>
      text.length > maxLength
        ? {
            reason: `the text is longer than ${maxLength} characters`,
            fix: `Enter at most ${maxLength} characters`,
          }
        : { value: text },
    { blank: { reason: 'the cell is blank', fix } },
  );
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

/** A form offers choices where a file has cells, so its instructions say "Select". */
type Mode = 'form' | 'file';

/**
 * The schema of one entry's fields (strings in, typed entry fields out). The year is read
 * as an academic year '2026/27' (a form) or an EES time_period '202627' (a file).
 */
function entrySchema(known: CompiledContext, mode: Mode) {
  const subjects = new Set<string>(SUBJECT_GROUPS);
  const kinds = new Set<string>(INTELLIGENCE_KINDS);
  const form = mode === 'form';
  const years = known.entryYears.map((year) => (form ? year : toTimePeriod(year)));
  const schoolFix = form
    ? 'Select a partner school'
    : 'Enter the URN of a partner school of the partnership';
  const subjectFix = form ? 'Select a subject' : choiceFix(SUBJECT_GROUPS, 'subject group');
  const yearFix = form ? 'Select an entry year' : choiceFix(years, 'entry year');
  const kindFix = form
    ? 'Select the kind of change'
    : choiceFix(INTELLIGENCE_KINDS, 'kind of change');
  return z
    .object({
      partnership_code: cell<string>((code) =>
        known.partnerships.has(code)
          ? { value: code }
          : {
              reason: `"${code}" is not a partnership of the region`,
              fix: "Enter the code of one of the region's partnerships",
            },
      ),
      school_urn: cell<string>(
        (urn) =>
          known.schools.has(urn)
            ? { value: urn }
            : {
                reason: `"${urn}" is not the URN of a school in the region`,
                fix: form
                  ? 'Select a partner school'
                  : 'Enter the URN of a partner school of the partnership',
              },
        { blank: { reason: 'the cell is blank', fix: schoolFix } },
      ),
      subject: cell<SubjectGroup>(
        (subject) =>
          subjects.has(subject)
            ? { value: subject as SubjectGroup }
            : {
                reason: `"${subject}" is not a subject group`,
                fix: subjectFix,
              },
        { blank: { reason: 'the cell is blank', fix: subjectFix } },
      ),
      time_period: cell<AcademicYear>(
        (text) => {
          const year = parseAcademicYear(text);
          return year !== null && known.years.has(year)
            ? { value: year }
            : {
                reason: `"${text}" is not one of the three entry years (${years.join(', ')})`,
                fix: yearFix,
              };
        },
        { blank: { reason: 'the cell is blank', fix: yearFix } },
      ),
      intelligence_kind: cell<IntelligenceKind>(
        (kind) =>
          kinds.has(kind)
            ? { value: kind as IntelligenceKind }
            : {
                reason: `"${kind}" is not a kind of change`,
                fix: kindFix,
              },
        { blank: { reason: 'the cell is blank', fix: kindFix } },
      ),
      fte_change: cell<number>(readFteChange, {
        blank: { reason: 'the cell is blank', fix: FTE_FIX },
      }),
      author: textField(INTELLIGENCE_LIMITS.maxAuthorLength, 'Enter who made the entry'),
      reason: textField(INTELLIGENCE_LIMITS.maxReasonLength, 'Enter the reason for the entry'),
    })
    .superRefine((row, ctx) => {
      const school = known.schools.get(row.school_urn);
      if (school === undefined || !known.partnerships.has(row.partnership_code)) return;
      if (!(known.partnersOf.get(row.partnership_code)?.has(row.school_urn) ?? false)) {
        ctx.addIssue({
          code: 'custom',
          path: ['school_urn'],
          message: `school ${row.school_urn} is not a partner school of ${row.partnership_code}`,
          params: {
            fix: form
              ? 'Select one of the partnership’s partner schools'
              : 'Enter one of the partnership’s partner schools, or upload its partner-school list first',
          },
        });
      }
      if (!schoolServesSubject(school, row.subject)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subject'],
          message: `${row.subject} is not taught at school ${row.school_urn} (${school.phase})`,
          params: { fix: `${form ? 'Select' : 'Enter'} a subject the school teaches` },
        });
      }
    });
}

export type RawRow = Record<string, string | undefined>;

/** Validated entry fields (everything but id and time of entry). */
export type EntryFields = Omit<IntelligenceEntry, 'id' | 'enteredAt'>;

/**
 * Validate one row of entry fields: a file row (`mode` 'file') or a form (`mode` 'form', whose
 * fields `place.columnName` names). Issues name the place, the column and the reason.
 */
export function validateEntryFields(
  raw: RawRow,
  context: IntelligenceContext | CompiledContextHandle,
  place: RowPlace,
  mode: Mode = 'file',
): { fields: EntryFields; issues: [] } | { fields: null; issues: DataIssue[] } {
  const known = 'compiled' in context ? context.compiled : compile(context);
  const parsed = entrySchema(known, mode).safeParse(raw);
  if (parsed.success) {
    const data = parsed.data;
    return {
      fields: {
        partnershipCode: data.partnership_code,
        schoolUrn: data.school_urn,
        subject: data.subject,
        year: data.time_period,
        kind: data.intelligence_kind,
        fteChange: data.fte_change,
        author: data.author,
        reason: data.reason,
      },
      issues: [],
    };
  }
  return { fields: null, issues: rowIssues(parsed.error.issues, place) };
}

/** A compiled context, to validate many rows without rebuilding the lookups. */
export interface CompiledContextHandle {
  compiled: CompiledContext;
}

export function compileIntelligenceContext(context: IntelligenceContext): CompiledContextHandle {
  return { compiled: compile(context) };
}

const FORM_FIELD_OF_COLUMN: Record<string, string> = Object.fromEntries(
  Object.entries(ENTRY_FIELD_COLUMNS).map(([field, column]) => [column, field]),
);

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
  const result = validateEntryFields(
    raw,
    context,
    { file: source, row: null, columnName: (column) => FORM_FIELD_OF_COLUMN[column] ?? column },
    'form',
  );
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
