/**
 * Partnerships: partner schools, partnership NQT forecasts, local intelligence, submission
 * files and the amalgamation into the regional request. Pure: no DOM, Lit or workers.
 */
export {
  ALL_THROUGH_PRIMARY_SHARE,
  DEFAULT_ASSIGNMENT_OPTIONS,
  SHARE_TOLERANCE,
  anchorDistricts,
  compareUrn,
  defaultPartnerSchools,
  isEligibleSchool,
  partnerSchoolSummary,
  phaseOfSubject,
  replacePartnershipLinks,
  resolveShares,
  schoolPhasePupils,
  schoolServesSubject,
  type DefaultAssignmentOptions,
  type PartnerSchoolAssignment,
  type PartnerSchoolLink,
  type PartnerSchoolSummaryRow,
  type PhasePupils,
  type ResolvedShare,
} from './partner-schools.ts';
export {
  PARTNER_SCHOOL_COLUMNS,
  PARTNER_SCHOOL_LIMITS,
  exportPartnerSchools,
  importPartnerSchools,
  type PartnerSchoolContext,
  type PartnerSchoolImportResult,
} from './partner-school-file.ts';
export {
  ZERO_RANGE,
  addRanges,
  checkDistrictNeed,
  districtPhaseKey,
  entryYearsOf,
  partnershipForecast,
  partnershipModelNeed,
  partnershipWeight,
  poolWeight,
  scaleRange,
  shareWeights,
  shiftRange,
  subjectYearKey,
  subjectsOf,
  type DistrictNeed,
  type IntelligenceTotals,
  type NeedRange,
  type PartnershipForecastRow,
  type ShareWeights,
} from './partnership-forecast.ts';
export {
  EMPTY_INTELLIGENCE,
  ENTRY_FIELD_COLUMNS,
  INTELLIGENCE_KINDS,
  INTELLIGENCE_LIMITS,
  addIntelligenceEntry,
  intelligenceTotals,
  nextEntryId,
  removeIntelligenceEntry,
  type IntelligenceContext,
  type IntelligenceEntry,
  type IntelligenceInput,
  type IntelligenceKind,
  type IntelligenceResult,
  type IntelligenceState,
} from './intelligence.ts';
export {
  SUBMISSION_COLUMNS,
  exportSubmission,
  submissionFileName,
  submissionTable,
  type SubmissionFile,
} from './submission.ts';
export {
  SUBMISSION_LIMITS,
  importSubmission,
  type SubmissionImportResult,
  type SubmittedForecastRow,
} from './submission-import.ts';
export {
  AMALGAMATION_METHOD,
  POOL_LABEL,
  TOTAL_LABEL,
  amalgamate,
  findPossibleDuplicates,
  outOfRegionEstimate,
  type Amalgamation,
  type AmalgamationRow,
  type AmalgamationRowKind,
  type AmalgamationSubject,
  type ReconciliationCheck,
} from './amalgamation.ts';
export {
  AMALGAMATION_TABLE_COLUMNS,
  FORECAST_TABLE_COLUMNS,
  amalgamationTable,
  partnerSchoolBasis,
  partnershipForecastTable,
} from './ees-tables.ts';
export { districtNeedFromModel, forecastEntryYears, type CellRanges } from './model-need.ts';
