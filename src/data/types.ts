/**
 * The region dataset: what the data layer (src/data) loads from data/ and what the supply
 * model, the allocation, the maps and the UI consume. Pure types, no I/O.
 *
 * Provenance is explicit: every record that is not a published figure carries
 * `provenance: 'estimated'` (computed openly from published figures, method stated) or
 * `'illustrative'` (made up for demonstration; must be labelled so wherever it is shown).
 */

export type Provenance = 'published' | 'derived' | 'estimated' | 'illustrative' | 'imported';

export type Phase = 'primary' | 'secondary';

/** The 18 secondary subject groups of the national Teacher Workforce Model (TWM), in its spelling. */
export const SECONDARY_SUBJECTS = [
  'Art and Design',
  'Biology',
  'Business Studies',
  'Chemistry',
  'Classics',
  'Computing',
  'Design and Technology',
  'Drama',
  'English',
  'Geography',
  'History',
  'Mathematics',
  'Modern Foreign Languages',
  'Music',
  'Others',
  'Physical Education',
  'Physics',
  'Religious Education',
] as const;
export type SecondarySubject = (typeof SECONDARY_SUBJECTS)[number];

/** A model cell's teaching group: 'Primary' for the primary phase, else a secondary subject. */
export type SubjectGroup = 'Primary' | SecondarySubject;
export const SUBJECT_GROUPS: readonly SubjectGroup[] = ['Primary', ...SECONDARY_SUBJECTS];

import type { AcademicYear } from './academic-year.ts';
export type { AcademicYear };

/** A local authority district (lower tier) of the region, keyed by its ONS GSS code. */
export interface District {
  code: string; // e.g. 'E08000019'
  name: string; // e.g. 'Sheffield'
  /** Upper-tier education authority whose statistics cover this district (county-wide for shire districts). */
  educationLaNumber: number; // e.g. 373, 830
  educationLaCode: string; // e.g. 'E10000007'
  educationLaName: string;
  /** e.g. 'constituent' / 'non-constituent' for SCR 2016 membership; free text for other regions. */
  membership: string;
}

/**
 * District pupils and teachers for one phase in the base year. District teacher FTE has no
 * public source at district level, so by default it is estimated (method in `method`).
 */
export interface DistrictPhaseBaseline {
  districtCode: string;
  phase: Phase;
  baseYear: AcademicYear;
  pupils: number;
  teacherFte: number;
  pupilsProvenance: Provenance;
  teacherFteProvenance: Provenance;
  /** Plain-English method, shown in the UI next to estimated figures. */
  method: string;
}

/**
 * Pupils per district and phase for years after the base year: a census count (outturn) or a
 * projection. Provenance says how sure the figure is; `counted` says whether the year has been
 * counted, so the Monte Carlo draws projection error only for years after the last count.
 */
export interface PupilProjection {
  districtCode: string;
  phase: Phase;
  year: AcademicYear;
  pupils: number;
  /** true when the year has been counted in the January school census (no projection error). */
  counted: boolean;
  provenance: Provenance;
  method: string;
}

/** Share of secondary teaching (FTE / hours) in each subject; shares sum to 1. */
export interface SubjectShare {
  subject: SecondarySubject;
  share: number;
  provenance: Provenance;
  method: string;
}

export type NationalFlowType =
  | 'Under 55 leaver rate'
  | '55+ leaver rate'
  | 'Total leaver rate'
  | 'Returners'
  | 'New to state-funded sector entrants'
  | 'Newly qualified entrants';

/** One national TWM flow value (rates are fractions of FTE stock; counts are FTE). */
export interface NationalFlow {
  phase: Phase;
  /** 'Total' for primary; a secondary subject for secondary (the TWM also has a secondary 'Total'). */
  subject: SubjectGroup | 'Total';
  type: NationalFlowType;
  year: AcademicYear;
  value: number;
  historic: boolean;
  publicationYear: number;
}

/** New entrants to ITT in England by entry year (ITT census, latest release giving the year). */
export interface IttNewEntrants {
  entryYear: AcademicYear;
  courseLevel: 'Postgraduate' | 'Undergraduate';
  /** 'Total' for all phases (the undergraduate figures are published for all phases only). */
  phase: 'Total' | 'Primary' | 'Secondary';
  count: number;
}

/** QTS awarded in England by route and year (Teaching Regulation Agency). */
export interface QtsAwards {
  year: AcademicYear;
  route: string;
  count: number;
}

/** DfE's published postgraduate ITT trainee need by entry year: the independent check. */
export interface PublishedTraineeNeed {
  entryYear: AcademicYear;
  phase: 'Primary' | 'Secondary' | 'Total';
  subject: string;
  count: number;
}

/** National pupils and teacher FTE by phase and year (TWM file 1). */
export interface NationalPupilTeacher {
  phase: Phase;
  year: AcademicYear;
  pupils: number;
  teacherFte: number;
  projection: boolean;
}

/**
 * One figure of a DfE national pupil projection (a release's model): its base-year actual or a
 * projected year, pupils in state-funded schools of the phase (headcount).
 */
export interface NationalPupilProjection {
  /** The calendar year the projection was published (its vintage). */
  publicationYear: number;
  phase: Phase;
  year: AcademicYear;
  /** true for the projection's own base year (the census it starts from). */
  actual: boolean;
  pupils: number;
}

export type PartnershipType = 'HEI' | 'SCITT' | 'School Direct' | 'Teach First' | 'Apprenticeship';

/** An ITT provider partnership working in the region (from the register of training providers). */
export interface Partnership {
  code: string; // accredited provider code, e.g. 'S21'
  name: string;
  type: PartnershipType;
  /** District where the lead/accredited provider is located, or null when outside the region. */
  homeDistrictCode: string | null;
  /** Training partners (lead schools, SCITTs) linked to it, with their district when in the region. */
  trainingPartners: { code: string; name: string; districtCode: string | null }[];
  /** Share of its activity inside the region (1 for providers wholly in it). */
  inRegionShare: number;
  inRegionShareProvenance: Provenance;
  /** Share of its NQTs whose first post is in each district; key 'outside' for outside the region. Sums to 1. */
  employmentFootprint: Record<string, number>;
  footprintProvenance: Provenance;
  footprintMethod: string;
}

/**
 * Per partnership x subject group planning figures that have no public source: capacity,
 * minimum viable cohort, last year's allocation and recruitment. Illustrative by default.
 */
export interface PartnershipSubjectPlan {
  partnershipCode: string;
  subject: SubjectGroup;
  capacity: number;
  minimumCohort: number;
  lastYearAllocation: number;
  lastYearRecruited: number;
  provenance: Provenance;
}

/** Per partnership limits across all subjects (data/illustrative_partnership_limits.csv). */
export interface PartnershipLimit {
  partnershipCode: string;
  /** Most trainees it can take in one entry year; null when not limited. */
  totalCapacity: number | null;
  /** School placements (trained mentors) in a year; null when not limited. */
  mentorCapacity: number | null;
  provenance: Provenance;
}

/** Most places in a subject across the region in one entry year (data/illustrative_regional_caps.csv). */
export interface RegionalCapSetting {
  subject: SubjectGroup;
  entryYear: AcademicYear;
  places: number;
  provenance: Provenance;
}

/**
 * The allocation's rule settings by column of data/illustrative_allocation_rules.csv (src/allocation/
 * rule-settings.ts documents each); null where the file says the rule is not set.
 */
export interface AllocationRuleValues {
  values: Record<string, number | null>;
  provenance: Provenance;
}

/** A school or other establishment point (GIAS 2018 / KS4 2018/19). */
export interface School {
  urn: string;
  name: string | null; // the GIAS 2018 extract has no names
  phase: string;
  districtCode: string;
  lsoaCode: string | null;
  pupils: number | null;
  longitude: number;
  latitude: number;
  /** KS4 results where the school is in the KS4 2018/19 file (added by the data layer). */
  ks4?: SchoolKs4;
}

/** A school's KS4 2018/19 results (school performance tables); null where not published or suppressed. */
export interface SchoolKs4 {
  year: AcademicYear; // '2018/19'
  schoolType: string;
  attainment8: number | null;
  progress8: number | null;
  /** % of pupils achieving grade 9-5 in English and maths. */
  englishMaths95Percent: number | null;
  ebaccEntryPercent: number | null;
}

/** A value for one area and one indicator, e.g. IMD score for an LSOA. Missing values are null. */
export interface AreaIndicatorValue {
  areaCode: string;
  value: number | null;
}

export type GeographyLevel = 'district' | 'msoa' | 'lsoa';

/** An indicator for maps and the cold-spot index, with its source shown beside the map. */
export interface AreaIndicator {
  id: string; // e.g. 'imd2019_rank'
  label: string;
  level: GeographyLevel;
  /** true when a higher value means a worse-off area (more deprived, more need). */
  higherIsWorse: boolean;
  unit: string;
  source: string;
  provenance: Provenance;
  values: AreaIndicatorValue[];
}

/** The whole default (or user-supplied) dataset of a region. */
export interface RegionDataset {
  regionName: string; // 'Sheffield City Region'
  /** Latest year with published stock, e.g. 2024/25; null when the baseline file did not load. */
  baseYear: AcademicYear | null;
  districts: District[];
  baselines: DistrictPhaseBaseline[];
  pupilProjections: PupilProjection[];
  subjectShares: SubjectShare[];
  nationalFlows: NationalFlow[];
  /** The flows of the TWM publication before the latest: what it projected (backtest, ranges). */
  earlierNationalFlows: NationalFlow[];
  nationalPupilTeacher: NationalPupilTeacher[];
  /** Earlier national pupil projections (vintages), for their errors against the outturn. */
  nationalPupilProjections?: NationalPupilProjection[];
  ittNewEntrants: IttNewEntrants[];
  qtsAwards: QtsAwards[];
  publishedTraineeNeed: PublishedTraineeNeed[];
  partnerships: Partnership[];
  partnershipPlans: PartnershipSubjectPlan[];
  /** The allocation's limits, caps and rules; absent when a dataset has no such files. */
  partnershipLimits?: PartnershipLimit[];
  regionalCaps?: RegionalCapSetting[];
  allocationRules?: AllocationRuleValues;
  schools: School[];
  indicators: AreaIndicator[];
}

/** One problem found while loading or validating a data file. */
export interface DataIssue {
  file: string;
  /** 1-based line number in the file (header = 1), or null for file-level problems. */
  row: number | null;
  column: string | null;
  /** What is wrong, in plain words, without the file, line or column ("\"0x10\" is not a number"). */
  message: string;
  /** What to do, in GOV.UK error-message style ("Enter a number of teachers above 0"). */
  fix?: string;
}
