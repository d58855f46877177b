/**
 * zod 4 schemas for every data file: which columns it must have, what each cell may hold
 * (codes, numbers, ranges, EES symbols) and the whole-table rules (unique keys, shares that
 * sum to 1). `validateTable` applies one and names the file, row and column of each problem.
 */
import { z } from 'zod';
import { fromTimePeriod, isTimePeriod } from './academic-year.ts';
import { isMissingSymbol, parseCsv } from './ees.ts';
import {
  SECONDARY_SUBJECTS,
  SUBJECT_GROUPS,
  type AcademicYear,
  type DataIssue,
  type NationalFlowType,
  type PartnershipType,
  type Phase,
  type Provenance,
  type SecondarySubject,
  type SubjectGroup,
} from './types.ts';

/** Largest file accepted (the whole of England at LSOA level is about 33,000 rows). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 200_000;
/** Problems listed per file before the rest are summarised in one line. */
export const MAX_ISSUES_PER_FILE = 50;

export const PROVENANCES: readonly Provenance[] = [
  'published',
  'derived',
  'estimated',
  'illustrative',
  'imported',
];
export const NATIONAL_FLOW_TYPES: readonly NationalFlowType[] = [
  'Under 55 leaver rate',
  '55+ leaver rate',
  'Total leaver rate',
  'Returners',
  'New to state-funded sector entrants',
  'Newly qualified entrants',
];
export const PARTNERSHIP_TYPES: readonly PartnershipType[] = [
  'HEI',
  'SCITT',
  'School Direct',
  'Teach First',
  'Apprenticeship',
];

const BLANK_REASON = 'is blank: EES files use a symbol for a missing value (x, z, c, low, u)';

type Parsed<T> = { value: T } | { reason: string };

/** A cell schema: blank cells are refused; `parse` gets the trimmed text. */
function cell<T>(parse: (raw: string) => Parsed<T>) {
  return z.string().transform((raw, ctx): T => {
    const trimmed = raw.trim();
    const result: Parsed<T> =
      trimmed === '' ? { reason: BLANK_REASON } : parse(trimmed);
    if ('reason' in result) {
      ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    }
    return result.value;
  });
}

export const text = () => cell<string>((raw) => ({ value: raw }));

/** Text that may be an EES symbol for "none" (read as null). */
export const optionalText = () =>
  cell<string | null>((raw) => ({ value: isMissingSymbol(raw) ? null : raw }));

const GSS = /^[EWSNK]\d{8}$/;
export const gssCode = () =>
  cell<string>((raw) =>
    GSS.test(raw) ? { value: raw } : { reason: `"${raw}" is not a GSS code (E + 8 digits)` },
  );
export const optionalGssCode = () =>
  cell<string | null>((raw) =>
    isMissingSymbol(raw)
      ? { value: null }
      : GSS.test(raw)
        ? { value: raw }
        : { reason: `"${raw}" is not a GSS code (E + 8 digits) or an EES symbol` },
  );

/** EES academic-year time_period '202425', read as '2024/25'. */
export const academicYear = () =>
  cell<AcademicYear>((raw) => {
    if (!isTimePeriod(raw)) {
      return { reason: `"${raw}" is not an academic-year time_period like 202425` };
    }
    return { value: fromTimePeriod(raw) };
  });

export const calendarYear = () =>
  cell<number>((raw) =>
    /^\d{4}$/.test(raw) ? { value: Number(raw) } : { reason: `"${raw}" is not a year like 2019` },
  );

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

function checkNumber(raw: string, rule: NumberRule): Parsed<number> {
  const value = Number(raw);
  if (!Number.isFinite(value)) return { reason: `"${raw}" is not a number` };
  if (rule.integer && !Number.isInteger(value)) return { reason: `"${raw}" is not a whole number` };
  if (rule.min !== undefined && value < rule.min) {
    return { reason: rule.min === 0 ? `${raw} is negative` : `${raw} is below ${rule.min}` };
  }
  if (rule.max !== undefined && value > rule.max) return { reason: `${raw} is above ${rule.max}` };
  return { value };
}

/** A number that must be present. */
export const numberCell = (rule: NumberRule = {}) =>
  cell<number>((raw) =>
    isMissingSymbol(raw)
      ? { reason: `"${raw}" is a missing-value symbol but a number is required here` }
      : checkNumber(raw, rule),
  );

/** A number or an EES missing-value symbol (read as null). */
export const optionalNumber = (rule: NumberRule = {}) =>
  cell<number | null>((raw) => (isMissingSymbol(raw) ? { value: null } : checkNumber(raw, rule)));

export const oneOf = <T extends string>(values: readonly T[], what: string) =>
  cell<T>((raw) =>
    (values as readonly string[]).includes(raw)
      ? { value: raw as T }
      : { reason: `"${raw}" is not a known ${what} (expected one of: ${values.join(', ')})` },
  );

export const phaseCell = () =>
  cell<Phase>((raw) => {
    const lower = raw.toLowerCase();
    return lower === 'primary' || lower === 'secondary'
      ? { value: lower }
      : { reason: `"${raw}" is not a phase (Primary or Secondary)` };
  });

export const provenanceCell = () => oneOf(PROVENANCES, 'provenance');
export const yesNo = () => oneOf(['Yes', 'No'] as const, 'value');

// ---------------------------------------------------------------------------------------
// File specifications

export interface TableProblem {
  line: number | null;
  column: string | null;
  reason: string;
}

export interface FileSpec<Row> {
  /** What the file holds, for messages. */
  title: string;
  row: z.ZodType<Row>;
  /** Columns whose values together must be unique. */
  key?: readonly string[];
  /** Whole-table rules after every row is valid. */
  tableChecks?: (rows: readonly Located<Row>[]) => TableProblem[];
}

/** A parsed row with its 1-based line number in the file (header = 1). */
export interface Located<Row> {
  line: number;
  value: Row;
}

/** A spec whose row type is inferred from its schema (so table checks are typed). */
function spec<S extends z.ZodType>(fileSpec: {
  title: string;
  row: S;
  key?: readonly string[];
  tableChecks?: (rows: readonly Located<z.output<S>>[]) => TableProblem[];
}): FileSpec<z.output<S>> {
  return fileSpec as FileSpec<z.output<S>>;
}

const districtsRow = z.object({
  time_period: academicYear(),
  geographic_level: oneOf(['Local authority district'] as const, 'geographic_level'),
  lad_code: gssCode(),
  lad_name: text(),
  old_la_code: numberCell({ min: 1, integer: true }),
  new_la_code: gssCode(),
  la_name: text(),
  planning_region: text(),
  membership: text(),
});

const nationalPupilTeacherRow = z.object({
  time_period: academicYear(),
  phase: phaseCell(),
  projection: yesNo(),
  pupils: numberCell({ min: 0 }),
  teachers_fte: numberCell({ min: 0 }),
});

const nationalFlowRow = z.object({
  time_period: academicYear(),
  phase: phaseCell(),
  subject: oneOf([...SUBJECT_GROUPS, 'Total'] as const, 'TWM subject'),
  flow_type: oneOf(NATIONAL_FLOW_TYPES, 'TWM flow type'),
  flow_status: oneOf(['Historic', 'Trajectory'] as const, 'flow status'),
  publication_year: calendarYear(),
  leaver_rate: optionalNumber({ min: 0, max: 1 }),
  flow_fte: optionalNumber({ min: 0 }),
});

const districtPhaseColumns = {
  time_period: academicYear(),
  lad_code: gssCode(),
  phase: phaseCell(),
};

const baselineRow = z.object({
  ...districtPhaseColumns,
  pupils_provenance: provenanceCell(),
  teachers_fte_provenance: provenanceCell(),
  method: text(),
  pupils: numberCell({ min: 0 }),
  teachers_fte: numberCell({ min: 0 }),
});

const projectionRow = z.object({
  ...districtPhaseColumns,
  provenance: provenanceCell(),
  method: text(),
  pupils: numberCell({ min: 0 }),
});

const subjectShareRow = z.object({
  subject: oneOf(SECONDARY_SUBJECTS, 'TWM secondary subject'),
  provenance: provenanceCell(),
  method: text(),
  teaching_share: numberCell({ min: 0, max: 1 }),
});

const partnershipCode = () =>
  cell<string>((raw) =>
    /^[A-Z0-9]{2,4}$/.test(raw)
      ? { value: raw }
      : { reason: `"${raw}" is not a provider code (2-4 capital letters or digits)` },
  );

const partnershipRow = z.object({
  provider_name: text(),
  partnership_code: partnershipCode(),
  partnership_type: oneOf(PARTNERSHIP_TYPES, 'partnership type'),
  home_lad_code: optionalGssCode(),
  in_region_share_provenance: provenanceCell(),
  footprint_provenance: provenanceCell(),
  footprint_method: text(),
  in_region_share: numberCell({ min: 0, max: 1 }),
});

const trainingPartnerRow = z.object({
  partnership_code: partnershipCode(),
  training_partner_code: text(),
  training_partner_name: text(),
  partner_lad_code: optionalGssCode(),
});

const footprintRow = z.object({
  partnership_code: partnershipCode(),
  destination_code: cell<string>((raw) =>
    raw === 'outside' || GSS.test(raw)
      ? { value: raw }
      : { reason: `"${raw}" is neither a district GSS code nor "outside"` },
  ),
  provenance: provenanceCell(),
  footprint_share: numberCell({ min: 0, max: 1 }),
});

const planRow = z.object({
  partnership_code: partnershipCode(),
  subject: oneOf(SUBJECT_GROUPS, 'subject group'),
  provenance: provenanceCell(),
  capacity: numberCell({ min: 0, integer: true }),
  minimum_cohort: numberCell({ min: 0, integer: true }),
  last_year_allocation: numberCell({ min: 0, integer: true }),
  last_year_recruited: numberCell({ min: 0, integer: true }),
});

const longitude = () => numberCell({ min: -180, max: 180 });
const latitude = () => numberCell({ min: -90, max: 90 });
const urn = () =>
  cell<string>((raw) => (/^\d{5,7}$/.test(raw) ? { value: raw } : { reason: `"${raw}" is not a URN (5-7 digits)` }));

const giasRow = z.object({
  lad_code: gssCode(),
  lsoa_code: optionalGssCode(),
  school_urn: urn(),
  phase: text(),
  pupils: optionalNumber({ min: 0, integer: true }),
  longitude: longitude(),
  latitude: latitude(),
});

const ks4Row = z.object({
  lad_code: gssCode(),
  lsoa_code: optionalGssCode(),
  school_urn: urn(),
  school_name: text(),
  school_type: text(),
  record_type: text(),
  attainment8: optionalNumber({ min: 0, max: 90 }),
  progress8: optionalNumber({ min: -10, max: 10 }),
  english_maths_9_5_percent: optionalNumber({ min: 0, max: 100 }),
  ebacc_entry_percent: optionalNumber({ min: 0, max: 100 }),
  longitude: longitude(),
  latitude: latitude(),
});

const rank = () => optionalNumber({ min: 1, max: 32844, integer: true });
const decile = () => optionalNumber({ min: 1, max: 10, integer: true });

const lsoaColumns = {
  time_period: calendarYear(),
  lad_code: gssCode(),
  lsoa_code: gssCode(),
  lsoa_name: text(),
};

const imd2015LsoaRow = z.object({
  ...lsoaColumns,
  msoa_code: gssCode(),
  imd2015_score: optionalNumber({ min: 0, max: 100 }),
  imd2015_rank: rank(),
  imd2015_decile: decile(),
  imd2015_children_and_young_people_subdomain_score: optionalNumber(),
  imd2015_adult_skills_subdomain_score: optionalNumber(),
});

const imd2019LsoaRow = z.object({
  ...lsoaColumns,
  imd2019_imd_rank: rank(),
  imd2019_imd_decile: decile(),
  imd2019_education_rank: rank(),
  imd2019_education_decile: decile(),
});

const imdDerivedIndicators = {
  provenance: provenanceCell(),
  imd2015_popweighted_score: optionalNumber({ min: 0, max: 100 }),
  imd2015_proportion_lsoas_most_deprived_10pc: optionalNumber({ min: 0, max: 1 }),
  imd2015_extent: optionalNumber({ min: 0, max: 1 }),
};

const imd2015MsoaRow = z.object({
  lad_code: gssCode(),
  msoa_code: gssCode(),
  msoa_name: text(),
  ...imdDerivedIndicators,
});

const imd2015LadRow = z.object({ lad_code: gssCode(), lad_name: text(), ...imdDerivedIndicators });

const laLevelColumns = {
  time_period: academicYear(),
  geographic_level: oneOf(['National', 'Regional', 'Local authority'] as const, 'geographic_level'),
  new_la_code: optionalGssCode(),
  la_name: optionalText(),
};

const laitRow = z.object({
  ...laLevelColumns,
  region_code: optionalGssCode(),
  attainment8: optionalNumber({ min: 0, max: 90 }),
  progress8: optionalNumber({ min: -10, max: 10 }),
  english_maths_9_4_percent: optionalNumber({ min: 0, max: 100 }),
  english_maths_9_5_percent: optionalNumber({ min: 0, max: 100 }),
});

const gcse5acRow = z.object({
  ...laLevelColumns,
  five_ac_em_percent: optionalNumber({ min: 0, max: 100 }),
});

/** A user's School Workforce Census file: teacher FTE by LA (or district) and phase. */
const swcTeacherFteRow = z.object({
  time_period: academicYear(),
  geographic_level: text(),
  phase: phaseCell(),
  fte: numberCell({ min: 0 }),
});

/** A user's pupil projection file: pupils by district (or LA) and phase. */
const pupilProjectionImportRow = z.object({
  time_period: academicYear(),
  geographic_level: text(),
  phase: phaseCell(),
  pupils: numberCell({ min: 0 }),
});

function sharesSumToOne<Row>(
  rows: readonly Located<Row>[],
  groupOf: (row: Row) => string,
  shareOf: (row: Row) => number,
  column: string,
  what: (group: string) => string,
): TableProblem[] {
  const sums = new Map<string, { sum: number; line: number }>();
  for (const { line, value } of rows) {
    const group = groupOf(value);
    const entry = sums.get(group) ?? { sum: 0, line };
    entry.sum += shareOf(value);
    sums.set(group, entry);
  }
  return [...sums]
    .filter(([, { sum }]) => Math.abs(sum - 1) > 1e-3)
    .map(([group, { sum, line }]) => ({
      line,
      column,
      reason: `${what(group)} sum to ${sum.toFixed(4)}, not 1`,
    }));
}

export const FILE_SPECS = {
  districts: spec({ title: 'districts', row: districtsRow, key: ['lad_code'] }),
  nationalPupilTeacher: spec({
    title: 'national pupils and teachers',
    row: nationalPupilTeacherRow,
    key: ['time_period', 'phase'],
  }),
  nationalFlows: spec({
    title: 'national TWM flows',
    row: nationalFlowRow,
    key: ['time_period', 'phase', 'subject', 'flow_type'],
    tableChecks: (rows) =>
      rows.flatMap(({ line, value }) => {
        const isRate = value.flow_type.includes('rate');
        const misplaced = isRate ? value.flow_fte : value.leaver_rate;
        return misplaced === null
          ? []
          : [
              {
                line,
                column: isRate ? 'flow_fte' : 'leaver_rate',
                reason: `must be z for a ${isRate ? 'rate' : 'count'} flow (${value.flow_type})`,
              },
            ];
      }),
  }),
  baselines: spec({
    title: 'district baseline',
    row: baselineRow,
    key: ['lad_code', 'phase'],
    tableChecks: (rows) => {
      const first = rows[0]?.value.time_period;
      return rows
        .filter(({ value }) => value.time_period !== first)
        .map(({ line, value }) => ({
          line,
          column: 'time_period',
          reason: `${value.time_period} differs from the base year ${first} of the first row`,
        }));
    },
  }),
  pupilProjections: spec({
    title: 'pupil projections',
    row: projectionRow,
    key: ['time_period', 'lad_code', 'phase'],
  }),
  subjectShares: spec({
    title: 'secondary subject shares',
    row: subjectShareRow,
    key: ['subject'],
    tableChecks: (rows) => {
      const present = new Set(rows.map(({ value }) => value.subject));
      const missing = SECONDARY_SUBJECTS.filter((s) => !present.has(s));
      return [
        ...sharesSumToOne(
          rows,
          () => 'all',
          (r) => r.teaching_share,
          'teaching_share',
          () => 'teaching shares',
        ),
        ...missing.map((s) => ({ line: null, column: 'subject', reason: `no row for ${s}` })),
      ];
    },
  }),
  partnerships: spec({ title: 'partnerships', row: partnershipRow, key: ['partnership_code'] }),
  trainingPartners: spec({
    title: 'training partners',
    row: trainingPartnerRow,
    key: ['partnership_code', 'training_partner_code'],
  }),
  employmentFootprints: spec({
    title: 'employment footprints',
    row: footprintRow,
    key: ['partnership_code', 'destination_code'],
    tableChecks: (rows) =>
      sharesSumToOne(
        rows,
        (r) => r.partnership_code,
        (r) => r.footprint_share,
        'footprint_share',
        (code) => `footprint shares of ${code}`,
      ),
  }),
  partnershipPlans: spec({
    title: 'partnership plans',
    row: planRow,
    key: ['partnership_code', 'subject'],
    tableChecks: (rows) =>
      rows.flatMap(({ line, value }) =>
        value.capacity > 0 && value.minimum_cohort > value.capacity
          ? [
              {
                line,
                column: 'minimum_cohort',
                reason: `${value.minimum_cohort} exceeds the capacity ${value.capacity}`,
              },
            ]
          : [],
      ),
  }),
  schoolsGias: spec({ title: 'GIAS schools', row: giasRow, key: ['school_urn'] }),
  schoolsKs4: spec({ title: 'KS4 schools', row: ks4Row, key: ['school_urn'] }),
  imd2015Lsoa: spec({ title: 'IMD 2015 (LSOA)', row: imd2015LsoaRow, key: ['lsoa_code'] }),
  imd2019Lsoa: spec({ title: 'IMD 2019 (LSOA)', row: imd2019LsoaRow, key: ['lsoa_code'] }),
  imd2015Msoa: spec({ title: 'IMD 2015 (MSOA, derived)', row: imd2015MsoaRow, key: ['msoa_code'] }),
  imd2015Lad: spec({ title: 'IMD 2015 (district, derived)', row: imd2015LadRow, key: ['lad_code'] }),
  laitKs4: spec({
    title: 'LAIT attainment',
    row: laitRow,
    key: ['time_period', 'geographic_level', 'region_code', 'new_la_code'],
  }),
  gcse5ac: spec({
    title: '5+ A*-C GCSE',
    row: gcse5acRow,
    key: ['time_period', 'geographic_level', 'new_la_code'],
  }),
  swcTeacherFte: spec({ title: 'School Workforce Census teacher FTE', row: swcTeacherFteRow }),
  pupilProjectionImport: spec({ title: 'pupil projections', row: pupilProjectionImportRow }),
};

export type FileKind = keyof typeof FILE_SPECS;
export type RowOf<K extends FileKind> = z.output<(typeof FILE_SPECS)[K]['row']>;

export const FILE_KINDS = Object.keys(FILE_SPECS) as FileKind[];

export function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as string[]).includes(value);
}

/** One issue with its full sentence: `file row 4, column lad_code: reason`. */
export function issue(
  file: string,
  row: number | null,
  column: string | null,
  reason: string,
): DataIssue {
  const where = [row === null ? null : `row ${row}`, column === null ? null : `column ${column}`]
    .filter((part) => part !== null)
    .join(', ');
  return { file, row, column, message: `${file}${where ? ` ${where}` : ''}: ${reason}` };
}

export interface ValidatedTable<Row> {
  rows: Located<Row>[];
  /** All columns of the file, including ones the schema does not read. */
  columns: string[];
  raw: Record<string, string>[];
}

/**
 * Validates a file's text against its spec. Returns the typed rows, or null with the issues
 * when anything is wrong (a file with any error is rejected whole).
 */
export function validateTable<K extends FileKind>(
  kind: K,
  text: string,
  fileName: string,
  extraRequired: readonly string[] = [],
): { table: ValidatedTable<RowOf<K>> | null; issues: DataIssue[] } {
  const spec = FILE_SPECS[kind] as unknown as FileSpec<RowOf<K>>;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      table: null,
      issues: [issue(fileName, null, null, `file is ${mb(bytes)} MB; the limit is ${mb(MAX_FILE_BYTES)} MB`)],
    };
  }
  let parsed: { columns: string[]; rows: Record<string, string>[] };
  try {
    parsed = parseCsv(text);
  } catch (error) {
    return { table: null, issues: [issue(fileName, null, null, `not a readable CSV file (${String(error)})`)] };
  }
  if (parsed.rows.length > MAX_ROWS) {
    return {
      table: null,
      issues: [issue(fileName, null, null, `file has ${parsed.rows.length} rows; the limit is ${MAX_ROWS}`)],
    };
  }
  if (parsed.rows.length === 0) {
    return { table: null, issues: [issue(fileName, null, null, `has no data rows (${spec.title})`)] };
  }
  const shape = (spec.row as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const required = [...Object.keys(shape), ...extraRequired];
  const missing = required.filter((c) => !parsed.columns.includes(c));
  if (missing.length > 0) {
    return {
      table: null,
      issues: missing.map((c) => issue(fileName, 1, c, `missing required column (${spec.title} file)`)),
    };
  }
  const issues: DataIssue[] = [];
  const rows: Located<RowOf<K>>[] = [];
  parsed.rows.forEach((raw, index) => {
    const line = index + 2;
    const result = spec.row.safeParse(raw);
    if (result.success) {
      rows.push({ line, value: result.data });
    } else {
      for (const problem of result.error.issues) {
        issues.push(issue(fileName, line, String(problem.path[0] ?? ''), problem.message));
      }
    }
    for (const column of extraRequired) {
      if ((raw[column] ?? '').trim() === '') issues.push(issue(fileName, line, column, BLANK_REASON));
    }
  });
  if (spec.key) {
    const seen = new Map<string, number>();
    parsed.rows.forEach((raw, index) => {
      const key = (spec.key as readonly string[]).map((c) => raw[c] ?? '').join(' | ');
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(
          issue(
            fileName,
            index + 2,
            (spec.key as readonly string[]).join(', '),
            `duplicate of row ${first} (${key})`,
          ),
        );
      } else {
        seen.set(key, index + 2);
      }
    });
  }
  if (issues.length === 0 && spec.tableChecks) {
    for (const p of spec.tableChecks(rows)) issues.push(issue(fileName, p.line, p.column, p.reason));
  }
  if (issues.length > MAX_ISSUES_PER_FILE) {
    const more = issues.length - MAX_ISSUES_PER_FILE;
    issues.splice(MAX_ISSUES_PER_FILE);
    issues.push(issue(fileName, null, null, `${more} more problems not listed`));
  }
  return issues.length > 0
    ? { table: null, issues }
    : { table: { rows, columns: parsed.columns, raw: parsed.rows }, issues };
}

export type { SecondarySubject, SubjectGroup };
