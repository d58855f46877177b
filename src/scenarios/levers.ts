/**
 * The scenario levers: what each one means, its unit, allowed range, default and the source
 * of the default. The zod schema, the JSON Schema test, the lever form and the error messages
 * all read their ranges from here, so they cannot drift apart.
 *
 * Paths are relative to a scenario's `levers` object; `<subject>` stands for any subject
 * group (Primary or a TWM secondary subject).
 */
import type { Provenance } from '../data/types.ts';

export interface LeverDoc {
  path: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  /** The value the model uses when the scenario leaves the lever out, in words. */
  defaultText: string;
  source: string;
  provenance: Provenance;
  /** May be written as a formula in the year. */
  formula?: boolean;
  integer?: boolean;
  /** The form's group heading. */
  group: LeverGroup;
}

export const LEVER_GROUPS = [
  'Pupils and demand',
  'Leaving, returning and new to sector',
  'Teacher training',
  'Induction and mentoring',
  'International teachers (iQTS)',
] as const;
export type LeverGroup = (typeof LEVER_GROUPS)[number];

const STAGE_LABELS = {
  ect1: 'early career teachers in their first year (ECT1)',
  ect2: 'early career teachers in their second year (ECT2)',
  years3to5: 'teachers in years 3 to 5 of service',
  years6plus: 'teachers with 6 or more years of service, under 55',
  over55: 'teachers aged 55 and over',
} as const;

const leaverMultiplier = (stage: keyof typeof STAGE_LABELS): LeverDoc => ({
  path: `leaverRateMultipliers.${stage}`,
  label: `Leaving rate multiplier: ${STAGE_LABELS[stage]}`,
  unit: 'multiplier of the national rate',
  min: 0,
  max: 3,
  defaultText: '1 (national TWM rates; early career from published leaving after 1, 3 and 5 years)',
  source: 'TWM flow trajectories and DfE School Workforce in England (early-career leaving).',
  provenance: 'published',
  group: 'Leaving, returning and new to sector',
});

export const LEVERS: readonly LeverDoc[] = [
  ...(['primary', 'secondary'] as const).map((phase): LeverDoc => ({
    path: `pupilGrowthAdjustment.${phase}`,
    label: `Change to ${phase} pupil growth`,
    unit: 'fraction per year (-0.01 = 1 percentage point a year slower)',
    min: -0.1,
    max: 0.1,
    defaultText: '0 (the district pupil projections as published)',
    source: 'District pupil projections (SCAP) in data/district_pupil_projections.csv.',
    provenance: 'published',
    formula: true,
    group: 'Pupils and demand',
  })),
  ...(['primary', 'secondary'] as const).map((phase): LeverDoc => ({
    path: `elasticity.${phase}`,
    label: `Pupil:teacher elasticity, ${phase}`,
    unit: 'ratio (teacher growth / pupil growth)',
    min: 0,
    max: 3,
    defaultText: 'implied by the national TWM projections (about 0.80 primary, 0.05 secondary)',
    source: 'TWM file 1: teacher FTE growth / pupil growth over the projection years.',
    provenance: 'derived',
    group: 'Pupils and demand',
  })),
  ...(['primary', 'secondary'] as const).map((phase): LeverDoc => ({
    path: `pupilTeacherRatio.${phase}`,
    label: `Pupil:teacher ratio, ${phase} (used when demand follows the ratio)`,
    unit: 'pupils per teacher FTE',
    min: 1,
    max: 200,
    defaultText: 'national base-year ratio (TWM file 1)',
    source: 'TWM file 1: base-year national pupils / teacher FTE.',
    provenance: 'derived',
    group: 'Pupils and demand',
  })),
  leaverMultiplier('ect1'),
  leaverMultiplier('ect2'),
  leaverMultiplier('years3to5'),
  leaverMultiplier('years6plus'),
  leaverMultiplier('over55'),
  {
    path: 'returnerMultiplier',
    label: 'Returners to teaching multiplier',
    unit: 'multiplier of the national TWM returner numbers',
    min: 0,
    max: 3,
    defaultText: '1 (TWM returners trajectory)',
    source: 'TWM flow trajectories, "Returners".',
    provenance: 'published',
    formula: true,
    group: 'Leaving, returning and new to sector',
  },
  ...(['primary', 'secondary'] as const).map((phase): LeverDoc => ({
    path: `workingHourLossRate.${phase}`,
    label: `Working-hour losses, ${phase} (e.g. more part-time working)`,
    unit: 'share of the FTE stock lost each year to reduced hours (negative: hours added)',
    min: -0.1,
    max: 0.5,
    defaultText:
      'estimated from the TWM stock-flow identity (about 0.005 primary, 0.002 secondary)',
    source:
      'TWM file 1 stock and the latest flows: the identity residual as a share of stock, mean of the last five historic years outside COVID.',
    provenance: 'estimated',
    group: 'Leaving, returning and new to sector',
  })),
  {
    path: 'newToSectorMultiplier',
    label: 'New to state-funded sector multiplier',
    unit: 'multiplier of the national TWM new-to-sector numbers',
    min: 0,
    max: 3,
    defaultText: '1 (TWM new to state-funded sector trajectory)',
    source: 'TWM flow trajectories, "New to state-funded sector entrants".',
    provenance: 'published',
    formula: true,
    group: 'Leaving, returning and new to sector',
  },
  {
    path: 'completionRate.<subject>',
    label: 'ITT completion rate',
    unit: 'fraction of trainees gaining QTS',
    min: 0.01,
    max: 1,
    defaultText: 'primary 91%, maths 89%, physics 84%, other subjects 86.5%',
    source: 'ITT performance profiles 2023/24; other subjects the mean of maths and physics.',
    provenance: 'published',
    group: 'Teacher training',
  },
  {
    path: 'employmentRate.<subject>',
    label: 'Employment rate of qualifiers',
    unit: 'fraction in a state-funded school the next year',
    min: 0.01,
    max: 1,
    defaultText: 'primary 68%, maths 70%, physics 64%, other subjects 67%',
    source: 'ITT performance profiles 2023/24; other subjects the mean of maths and physics.',
    provenance: 'published',
    group: 'Teacher training',
  },
  {
    path: 'recruitmentShare.<subject>',
    label: 'Recruitment as a share of allocation',
    unit: 'fraction of the places needed that are filled (1 = target met)',
    min: 0,
    max: 2,
    defaultText: '1 (years not yet recruited are planned to meet need)',
    source:
      'Assumption. Applies to entry years not yet recruited; years already recruited follow the TWM newly qualified entrants trajectory.',
    provenance: 'illustrative',
    formula: true,
    group: 'Teacher training',
  },
  {
    path: 'inductionYears',
    label: 'Length of statutory induction',
    unit: 'years',
    min: 0,
    max: 2,
    integer: true,
    defaultText: '2 (Early Career Framework, since September 2021)',
    source: 'DfE statutory induction guidance.',
    provenance: 'published',
    group: 'Induction and mentoring',
  },
  ...(['ect1', 'ect2'] as const).map((stage, i): LeverDoc => ({
    path: `ectTimetableReduction.${stage}`,
    label: `Timetable reduction in induction year ${i + 1}`,
    unit: 'fraction of an FTE (0.1 = an ECT counts 0.9 FTE of teaching)',
    min: 0,
    max: 0.5,
    defaultText: stage === 'ect1' ? '0.10' : '0.05',
    source: 'DfE statutory induction guidance: 10% in year 1, 5% in year 2.',
    provenance: 'published',
    group: 'Induction and mentoring',
  })),
  {
    path: 'mentorCapacity.trainedMentors',
    label: 'Trained mentors available in the region',
    unit: 'mentors per year',
    min: 0,
    max: 1_000_000,
    defaultText: 'no limit (no public count of trained mentors by area)',
    source:
      'Assumption: no public count by district. When set, ECTs beyond the mentor places are flagged.',
    provenance: 'illustrative',
    formula: true,
    group: 'Induction and mentoring',
  },
  {
    path: 'mentorCapacity.ectsPerMentor',
    label: 'ECTs one mentor can support',
    unit: 'ECTs per mentor',
    min: 1,
    max: 4,
    defaultText: '1 (every ECT has a dedicated mentor)',
    source: 'DfE statutory induction guidance: each ECT has a dedicated mentor.',
    provenance: 'published',
    group: 'Induction and mentoring',
  },
  {
    path: 'internationalQts.completers',
    label: 'iQTS completers in England',
    unit: 'people per year',
    min: 0,
    max: 100_000,
    defaultText: '0 (no international inflow beyond the TWM new-to-sector figures)',
    source: 'Assumption; see the scenario description for the evidence used.',
    provenance: 'illustrative',
    formula: true,
    group: 'International teachers (iQTS)',
  },
  {
    path: 'internationalQts.shareGainingQts',
    label: 'Share of completers gaining QTS and teaching in England',
    unit: 'fraction',
    min: 0,
    max: 1,
    defaultText: '0',
    source: 'Assumption; see the scenario description.',
    provenance: 'illustrative',
    group: 'International teachers (iQTS)',
  },
  {
    path: 'internationalQts.shareComingToRegion',
    label: 'Share of those teaching in England who come to this region',
    unit: 'fraction',
    min: 0,
    max: 1,
    defaultText: "the region's share of national teacher FTE",
    source: 'Base-year district teacher FTE / national teacher FTE (TWM file 1).',
    provenance: 'derived',
    group: 'International teachers (iQTS)',
  },
];

/** Monte Carlo settings of a scenario (not levers of the model, but saved with it). */
export const RUN_SETTINGS: readonly LeverDoc[] = [
  {
    path: 'draws',
    label: 'Monte Carlo draws',
    unit: 'draws',
    min: 0,
    max: 20_000,
    integer: true,
    defaultText: '1000',
    source: 'More draws give steadier ranges; 0 gives the central projection only.',
    provenance: 'derived',
    group: 'Pupils and demand',
  },
  {
    path: 'spread',
    label: 'Monte Carlo spread',
    unit: 'multiple of the estimated standard deviations (0 = central projection)',
    min: 0,
    max: 5,
    defaultText: '1',
    source: 'Spread of the uncertain inputs, src/model/parameters.ts (uncertainty).',
    provenance: 'estimated',
    group: 'Pupils and demand',
  },
  {
    path: 'seed',
    label: 'Random seed',
    unit: 'whole number',
    min: -2_147_483_648,
    max: 2_147_483_647,
    integer: true,
    defaultText: '1',
    source:
      'The same seed gives the same draws, so runs can be repeated and compared draw by draw.',
    provenance: 'derived',
    group: 'Pupils and demand',
  },
];

export const DEFAULT_RUN = { draws: 1000, spread: 1, seed: 1 } as const;

/** The lever doc of a path: `completionRate.Physics` finds `completionRate.<subject>`. */
export function leverDoc(path: string): LeverDoc | undefined {
  return LEVERS.find((lever) =>
    lever.path.endsWith('.<subject>')
      ? path.startsWith(lever.path.slice(0, -'<subject>'.length)) && !path.endsWith('.')
      : lever.path === path,
  );
}

/** "between 0 and 3" or "a whole number from 0 to 2". */
export function rangeText(doc: Pick<LeverDoc, 'min' | 'max' | 'integer'>): string {
  return doc.integer
    ? `a whole number from ${doc.min} to ${doc.max}`
    : `between ${doc.min} and ${doc.max}`;
}
