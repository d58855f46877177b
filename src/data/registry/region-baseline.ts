/** The region's pupils and teachers: base year, projections and secondary subject shares. */
import { z } from 'zod';
import { PUPILS_PER_AREA, TEACHERS_PER_AREA } from './ranges.ts';
import {
  academicYear,
  gssCode,
  numberCell,
  oneOf,
  phaseCell,
  provenanceCell,
  text,
} from '../cells.ts';
import { SECONDARY_SUBJECTS, type Phase } from '../types.ts';
import { COUNTY_CAVEAT, GIAS, OGL, SCAP, SWC_HOURS, TWM } from './citations.ts';
import { sharesSumToOne } from './checks.ts';
import { tableFile } from './entry.ts';

const PHASES: readonly Phase[] = ['primary', 'secondary'];

const districtPhaseColumns = {
  time_period: academicYear(),
  lad_code: gssCode(),
  lad_name: text(),
  phase: phaseCell(),
};

export const baselines = tableFile({
  key: 'baselines',
  path: 'district_phase_baseline.csv',
  title: 'District pupils and teacher FTE by phase in the base year 2024/25',
  source: `${SCAP}; ${GIAS}; ${TWM} (file 1)`,
  date: 'January 2025 school census; GIAS March 2018',
  licence: OGL,
  provenance: ['published', 'estimated'],
  notes: `Pupils: published SCAP number on roll for the four South Yorkshire districts (each its own LA); ESTIMATED for the five shire districts (GIAS 2018 pupils, calibrated to the SCAP definition and grown by the county-wide SCAP change). Teacher FTE: ESTIMATED for every district (pupils x national TWM teachers per SCAP pupil); replace it by importing the School Workforce Census LA file. Method text in the method column. ${COUNTY_CAVEAT}`,
  table: {
    title: 'district baseline',
    row: z.object({
      ...districtPhaseColumns,
      pupils_provenance: provenanceCell(),
      teachers_fte_provenance: provenanceCell(),
      method: text(),
      pupils: numberCell(PUPILS_PER_AREA),
      teachers_fte: numberCell(TEACHERS_PER_AREA),
    }),
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
  },
  joins: [
    { column: 'lad_code', in: 'districts', nameColumn: 'lad_name' },
    {
      column: 'lad_code',
      covers: 'districts',
      what: 'baseline',
      per: [{ column: 'phase', values: PHASES }],
    },
  ],
  dataset: {
    fields: ['baselines', 'baseYear'],
    build: ({ rows }) => ({
      baseYear: rows[0]?.value.time_period ?? null,
      baselines: rows.map(({ value: r }) => ({
        districtCode: r.lad_code,
        phase: r.phase,
        baseYear: r.time_period,
        pupils: r.pupils,
        teacherFte: r.teachers_fte,
        pupilsProvenance: r.pupils_provenance,
        teacherFteProvenance: r.teachers_fte_provenance,
        method: r.method,
      })),
    }),
  },
});

export const pupilProjections = tableFile({
  key: 'pupilProjections',
  path: 'district_pupil_projections.csv',
  title: 'District pupil projections by phase, 2025/26-2028/29',
  source: SCAP,
  date: 'SCAP 2025 (scorecard 2024/25; January 2026 census)',
  licence: OGL,
  provenance: ['published', 'derived', 'estimated'],
  notes:
    "figure_status says which years are counted: 2025/26 is the January 2026 census (counted; published for South Yorkshire); 2026/27 onward are projected: 2027/28 is the LA forecast (census x (1 + LA forecast growth), derived); 2026/27 is interpolated and 2028/29 extrapolated one year at the forecast growth rate (estimated). Shire districts follow their county's change (estimated; their 2025/26 is the county's census count shared out, so counted but estimated). The DfE metadata and technical guidance disagree on whether growth runs from the SCAP year or the latest census; the census reading is used.",
  table: {
    title: 'pupil projections',
    row: z.object({
      ...districtPhaseColumns,
      figure_status: oneOf(['counted', 'projected'] as const, 'figure status'),
      provenance: provenanceCell(),
      method: text(),
      pupils: numberCell(PUPILS_PER_AREA),
    }),
    key: ['time_period', 'lad_code', 'phase'],
  },
  joins: [
    { column: 'lad_code', in: 'districts', nameColumn: 'lad_name' },
    {
      column: 'lad_code',
      covers: 'districts',
      what: 'projection',
      per: [{ column: 'phase', values: PHASES }, { column: 'time_period' }],
    },
    {
      // Projections start after the base year of district_phase_baseline.csv.
      check: (rows, { baseYear }) =>
        rows
          .filter(({ value }) => baseYear !== null && value.time_period <= baseYear)
          .map(({ line, value }) => ({
            line,
            column: 'time_period',
            reason: `${value.time_period} is not after the base year ${baseYear}`,
          })),
    },
  ],
  dataset: {
    fields: ['pupilProjections'],
    build: ({ rows }) => ({
      pupilProjections: rows.map(({ value: r }) => ({
        districtCode: r.lad_code,
        phase: r.phase,
        year: r.time_period,
        pupils: r.pupils,
        counted: r.figure_status === 'counted',
        provenance: r.provenance,
        method: r.method,
      })),
    }),
  },
});

export const subjectShares = tableFile({
  key: 'subjectShares',
  path: 'secondary_subject_shares.csv',
  title: 'Share of secondary teaching hours by TWM subject',
  source: `${SWC_HOURS}; transcription in data/source/swc_hours_taught_by_subject_202425.csv`,
  date: 'School Workforce Census November 2024 (2024/25)',
  licence: OGL,
  provenance: ['derived', 'estimated'],
  notes:
    'Directly mapped subjects are derived from published hours; Biology, Chemistry and Physics include a share of General/Combined Science hours (estimated); Classics is not in the transcribed table and is estimated from the TWM inflow ratio to History; Others is the remainder (estimated). National shares are applied to every district.',
  table: {
    title: 'secondary subject shares',
    row: z.object({
      subject: oneOf(SECONDARY_SUBJECTS, 'TWM secondary subject'),
      provenance: provenanceCell(),
      method: text(),
      teaching_share: numberCell({ min: 0, max: 1 }),
    }),
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
  },
  dataset: {
    fields: ['subjectShares'],
    build: ({ rows }) => ({
      subjectShares: rows.map(({ value: r }) => ({
        subject: r.subject,
        share: r.teaching_share,
        provenance: r.provenance,
        method: r.method,
      })),
    }),
  },
});

/** In the order the Data sources page lists them. */
export const regionBaselineFiles = [baselines, pupilProjections, subjectShares] as const;
