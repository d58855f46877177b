/** Sources and licences cited by more than one registry entry. */

export const OGL =
  'Open Government Licence v3.0 (data/source/LICENCE-OGL-v3.txt): "Contains public sector information licensed under the Open Government Licence v3.0."';

export const REGISTER =
  'DfE Register of training providers seed data, github.com/DFE-Digital/register-training-providers lib/data/fullset/providers.csv and provider-partnerships.csv @15822056027065ced484b7a31c0818f841beef0e';
export const REGISTER_LICENCE =
  'No licence file in the repository; DfE Find/Publish provider data, Crown copyright';
export const SCAP =
  'DfE LA school places scorecards (SCAP), github.com/dfe-analytical-services/la-school-places-scorecards data/scorecard_data_2025_2023.csv @68b5de19619a49ae929c9338d5d47aafc4d71021';
export const TWM =
  'DfE teacher workforce analysis dashboard data (Teacher demand and postgraduate trainee need 2026/27), github.com/dfe-analytical-services/teacher-workforce-analysis-dashboard @47026d1';
export const GIAS =
  'GIAS all open establishments extract, 12 March 2018, from output/gias.RDS in github.com/matt-dray/nctl-teaching-schools @da31b4cfd83b9461bb23e0e1dbb0896b01e33b14';
export const COMPENDIUM =
  'DfE Teachers Analysis Compendium 3 (Feb 2018), github.com/dfe-analytical-services/teachers-analysis-compendium-3 @bb963ee38e875d5290f34d44b7a14e7d9e0cf404';
export const SWC_HOURS =
  'School Workforce Census 2024/25 hours taught by subject (years 7-13, state-funded secondary): EES data set "Subjects taught" (explore-education-statistics.service.gov.uk/data-catalogue/data-set/cb14ea96-941b-40da-8bbd-946fc3a6afa9) for English, maths and the separate sciences; John Howson\'s blog table (johnohowson.com/tag/recruitment/page/4) for the other subjects';

export const COUNTY_CAVEAT =
  'Education statistics are published by upper-tier LA: Bassetlaw takes the Nottinghamshire (891) figure and Bolsover, Chesterfield, Derbyshire Dales and North East Derbyshire the Derbyshire (830) figure; these are county-wide, not district, figures.';

export const ILLUSTRATIVE_LICENCE = 'Made up for demonstration (no source)';
export const GENERATED_DATE = 'Generated; not real data';
