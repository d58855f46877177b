/**
 * Where every file in data/ comes from, for the app's "Data sources" page. Kept in step with
 * data/SOURCES.md (a unit test checks that every file in data/ is listed in both).
 */
import { BOUNDARY_FILES, DATA_FILES } from './files.ts';
import type { Provenance } from './types.ts';

export interface DataSource {
  /** Path relative to data/; a CSV's `.meta.csv` is covered by its entry. */
  file: string;
  title: string;
  source: string;
  date: string;
  licence: string;
  /** The provenances of the figures in the file (a file may mix published and estimated rows). */
  provenance: readonly Provenance[];
  notes: string;
}

export const OGL =
  'Open Government Licence v3.0 (data/source/LICENCE-OGL-v3.txt): "Contains public sector information licensed under the Open Government Licence v3.0."';

export const BOUNDARY_ATTRIBUTION =
  'Boundaries: Contains OS data © Crown copyright and database right 2016; Contains ONS data © Crown copyright and database right 2016 (OGL v3). TopoJSON derived from UK-GeoJSON by Martin Chorley (CC BY 4.0).';

const REGISTER =
  'DfE Register of training providers seed data, github.com/DFE-Digital/register-training-providers lib/data/fullset/providers.csv and provider-partnerships.csv @15822056027065ced484b7a31c0818f841beef0e';
const SCAP =
  'DfE LA school places scorecards (SCAP), github.com/dfe-analytical-services/la-school-places-scorecards data/scorecard_data_2025_2023.csv @68b5de19619a49ae929c9338d5d47aafc4d71021';
const TWM =
  'DfE teacher workforce analysis dashboard data (Teacher demand and postgraduate trainee need 2026/27), github.com/dfe-analytical-services/teacher-workforce-analysis-dashboard @47026d1';
const GIAS =
  'GIAS all open establishments extract, 12 March 2018, from output/gias.RDS in github.com/matt-dray/nctl-teaching-schools @da31b4cfd83b9461bb23e0e1dbb0896b01e33b14';
const KS4 =
  'DfE school performance tables KS4 2018/19 (england_ks4final.csv) as republished in github.com/waiky8/eng-schools @46703374 (KS4, Ofsted) and @71cbd5ac (coordinates)';
const IMD =
  'github.com/humaniverse/IMD @2f6c9050afee99a40041eb63b02b6b0c58850704 (data/*.rda converted with R)';
const LAIT =
  'DfE Local Authority Interactive Tool, github.com/dfe-analytical-services/local-authority-interactive-tool 01_data/02_prod/bds_long_0.parquet @2e30e3959a6ab8b2d22941b84764da41a40ac91b';
const COMPENDIUM =
  'DfE Teachers Analysis Compendium 3 (Feb 2018), github.com/dfe-analytical-services/teachers-analysis-compendium-3 @bb963ee38e875d5290f34d44b7a14e7d9e0cf404';
const SWC_HOURS =
  'School Workforce Census 2024/25 hours taught by subject (years 7-13, state-funded secondary): EES data set "Subjects taught" (explore-education-statistics.service.gov.uk/data-catalogue/data-set/cb14ea96-941b-40da-8bbd-946fc3a6afa9) for English, maths and the separate sciences; John Howson\'s blog table (johnohowson.com/tag/recruitment/page/4) for the other subjects';

const COUNTY_CAVEAT =
  'Education statistics are published by upper-tier LA: Bassetlaw takes the Nottinghamshire (891) figure and Bolsover, Chesterfield, Derbyshire Dales and North East Derbyshire the Derbyshire (830) figure; these are county-wide, not district, figures.';

const derived: DataSource[] = [
  {
    file: DATA_FILES.districts,
    title: 'Districts of the region (SCR 2016 membership) and their education LAs',
    source: 'data/source/stats/scr_local_authorities.csv (LAD13 codes from martinjc/UK-GeoJSON; DfE LA numbers from LAIT)',
    date: 'LAD13 (Dec 2013); SCR membership 2016',
    licence: OGL,
    provenance: ['published'],
    notes: COUNTY_CAVEAT,
  },
  {
    file: DATA_FILES.nationalPupilTeacher,
    title: 'National pupils and teacher FTE by phase, 2010/11-2027/28 (TWM file 1)',
    source: `${TWM}, 1_pupil_teacher_numbers`,
    date: '23 April 2026',
    licence: OGL,
    provenance: ['published'],
    notes: 'projection = Yes marks the TWM\'s modelled years (2025/26 onwards). The TWM pupil count is broader than the SCAP number on roll (it includes nursery and sixth-form pupils).',
  },
  {
    file: DATA_FILES.nationalFlows,
    title: 'National TWM flows by phase and subject, 2026 publication (TWM file 5)',
    source: `${TWM}, 5_flow_trajectories_2026_publication`,
    date: '23 April 2026',
    licence: OGL,
    provenance: ['published'],
    notes: 'Leaver rates are fractions of FTE stock, labelled by the year the leaver is counted; returners, new to sector and newly qualified entrants are FTE counts. Trajectory rows (2025/26-2027/28) are modelled. 2027/28 newly qualified entrants are blank in the source (x here). The loader uses this publication.',
  },
  {
    file: DATA_FILES.nationalFlows2025,
    title: 'National TWM flows, 2025 publication (TWM file 4), kept for comparison',
    source: `${TWM}, 4_flow_trajectories_2025_publication`,
    date: '23 April 2026',
    licence: OGL,
    provenance: ['published'],
    notes: 'Validated by data:check but not loaded into the dataset (the 2026 publication supersedes it).',
  },
  {
    file: DATA_FILES.baselines,
    title: 'District pupils and teacher FTE by phase in the base year 2024/25',
    source: `${SCAP}; ${GIAS}; ${TWM} (file 1)`,
    date: 'January 2025 school census; GIAS March 2018',
    licence: OGL,
    provenance: ['published', 'estimated'],
    notes: `Pupils: published SCAP number on roll for the four South Yorkshire districts (each its own LA); ESTIMATED for the five shire districts (GIAS 2018 pupils, calibrated to the SCAP definition and grown by the county-wide SCAP change). Teacher FTE: ESTIMATED for every district (pupils x national TWM teachers per SCAP pupil); replace it by importing the School Workforce Census LA file. Method text in the method column. ${COUNTY_CAVEAT}`,
  },
  {
    file: DATA_FILES.pupilProjections,
    title: 'District pupil projections by phase, 2025/26-2028/29',
    source: SCAP,
    date: 'SCAP 2025 (scorecard 2024/25; January 2026 census)',
    licence: OGL,
    provenance: ['published', 'derived', 'estimated'],
    notes: '2025/26 is the January 2026 census (published for South Yorkshire); 2027/28 is the LA forecast (census x (1 + LA forecast growth), derived); 2026/27 is interpolated and 2028/29 extrapolated one year at the forecast growth rate (estimated). Shire districts follow their county\'s change (estimated). The DfE metadata and technical guidance disagree on whether growth runs from the SCAP year or the latest census; the census reading is used.',
  },
  {
    file: DATA_FILES.subjectShares,
    title: 'Share of secondary teaching hours by TWM subject',
    source: `${SWC_HOURS}; transcription in data/source/swc_hours_taught_by_subject_202425.csv`,
    date: 'School Workforce Census November 2024 (2024/25)',
    licence: OGL,
    provenance: ['derived', 'estimated'],
    notes: 'Directly mapped subjects are derived from published hours; Biology, Chemistry and Physics include a share of General/Combined Science hours (estimated); Classics is not in the transcribed table and is estimated from the TWM inflow ratio to History; Others is the remainder (estimated). National shares are applied to every district.',
  },
  {
    file: DATA_FILES.partnerships,
    title: 'ITT provider partnerships working in the region',
    source: REGISTER,
    date: 'Register snapshot 21 August 2026 (recruitment cycles 2025 and 2026)',
    licence: 'No licence file in the repository; DfE Find/Publish provider data, Crown copyright',
    provenance: ['published', 'estimated'],
    notes: 'Accredited providers with a training partner in SCR active in cycle 2025 or 2026. Type: hei -> HEI, scitt -> SCITT, Teach First by name; no accredited provider here is a School Direct lead or an apprenticeship provider. e-Qualitas (E69) and Tes Institute (H40) are registered in Sheffield but their partners are all outside SCR, so they are left out; Doncaster ITT Partnership (D51) is no longer accredited and has no current accredited link. in_region_share is ESTIMATED (method column).',
  },
  {
    file: DATA_FILES.trainingPartners,
    title: 'Current training partners of each partnership',
    source: REGISTER,
    date: 'Register snapshot 21 August 2026',
    licence: 'No licence file in the repository; DfE Find/Publish provider data, Crown copyright',
    provenance: ['published'],
    notes: 'Links active in cycle 2025 or 2026; district from the register\'s location (z = outside the region). Some names keep the source\'s encoding faults.',
  },
  {
    file: DATA_FILES.employmentFootprints,
    title: "Share of each partnership's NQTs whose first post is in each district (or outside)",
    source: `${COMPENDIUM}; ${REGISTER}; district centroids from data/geo/scr_lad.topo.json; pupils from district_phase_baseline.csv`,
    date: 'NQTs graduating 2010-2015',
    licence: OGL,
    provenance: ['estimated'],
    notes: 'ESTIMATED: within-25 km share stays in the training location\'s district, over-100 km share goes outside, half of the 25-100 km share goes outside (assumption) and the rest to the other districts by pupils x exp(-distance/40 km). Providers without their own compendium row use the Yorkshire and The Humber all-providers row (46% / 14%).',
  },
  {
    file: DATA_FILES.partnershipPlans,
    title: 'ILLUSTRATIVE capacity, minimum cohort, last allocation and recruitment per partnership and subject',
    source: 'Generated by scripts/build-data.ts (seed 20260423) from partnership type and size and the subject shares',
    date: 'Generated; not real data',
    licence: 'Made up for demonstration (no source)',
    provenance: ['illustrative'],
    notes: 'No official trainee numbers per provider were found. Every figure here is ILLUSTRATIVE and must be replaced by real planning figures before use.',
  },
  {
    file: 'illustrative_allocation_202526.csv',
    title: 'ILLUSTRATIVE allocation of ITT places 2025/26 per partnership and subject, with capacity and need weight',
    source: 'Generated by test/fixtures/returns/make-illustrative-returns.ts from illustrative_partnership_subject_plans.csv (last allocation, capacity)',
    date: 'Generated; not real data',
    licence: 'Made up for demonstration (no source)',
    provenance: ['illustrative'],
    notes: 'The starting allocation of the In-year page. No official allocation by provider and subject is published: every figure is ILLUSTRATIVE. Need weights are all 1 (average) except where the file says otherwise.',
  },
  ...(['202425', '202526'] as const).map(
    (period): DataSource => ({
      file: `illustrative_recruitment_returns_${period}.csv`,
      title: `ILLUSTRATIVE monthly recruitment returns ${period.slice(0, 4)}/${period.slice(4)} per partnership and subject`,
      source: 'Generated by test/fixtures/returns/make-illustrative-returns.ts (d3-random randomLcg(20250331)) from the illustrative partnership plans',
      date: 'Generated; not real data',
      licence: 'Made up for demonstration (no source)',
      provenance: ['illustrative'],
      notes: `Applications, offers, recruited and withdrawn by month of the October-September cycle${period === '202425' ? ' (a complete past cycle: the In-year page fits its recruitment curve from it)' : ' (October to March: the current cycle the In-year page tracks)'}. No monthly ITT returns by provider are public: every figure is ILLUSTRATIVE.`,
    }),
  ),
  {
    file: DATA_FILES.schoolsGias,
    title: 'Establishment points with phase and pupils (GIAS, March 2018)',
    source: GIAS,
    date: '12 March 2018',
    licence: OGL,
    provenance: ['published'],
    notes: 'No names, types or postcodes in the extract; includes non-school establishments (phase Not applicable). lsoa_code added by point-in-polygon against data/geo/scr_lsoa.topo.json.',
  },
  {
    file: DATA_FILES.schoolsKs4,
    title: 'KS4 2018/19 results of the region\'s schools, with names and points',
    source: KS4,
    date: 'KS4 2018/19 (published 2020); repository 2021',
    licence: 'DfE data OGL v3; no licence file in the republishing repository',
    provenance: ['published'],
    notes: 'Source markers mapped to EES symbols: NP -> x, NE -> z, SUPP -> c, blank -> x. Coordinates are postcode centroids. Ofsted fields of the source are not used (scraped, not official).',
  },
  {
    file: DATA_FILES.imd2015Lsoa,
    title: 'English Indices of Deprivation 2015 by LSOA: IMD score, rank, decile and education sub-domains',
    source: `DCLG IoD2015 (Files 1, 5, 7) via ${IMD}`,
    date: '30 September 2015',
    licence: `${OGL} (package MIT, data OGL v3)`,
    provenance: ['published'],
    notes: 'Rank 1 = most deprived of 32,844 LSOAs; higher score = more deprived.',
  },
  {
    file: DATA_FILES.imd2019Lsoa,
    title: 'English Indices of Deprivation 2019 by LSOA: IMD and domain ranks and deciles',
    source: `MHCLG IoD2019 via ${IMD}`,
    date: '26 September 2019',
    licence: OGL,
    provenance: ['published'],
    notes: 'No scores and no IDACI in this source. Rank 1 / decile 1 = most deprived.',
  },
  {
    file: DATA_FILES.imd2015Msoa,
    title: 'IMD 2015 aggregated to MSOA (derived, not official)',
    source: `${IMD} data/imd2015_england_msoa11.rda`,
    date: '2015 indices; package 2025',
    licence: OGL,
    provenance: ['derived'],
    notes: 'Population-weighted LSOA scores, share of LSOAs in the most deprived 10% and extent, computed by the package authors.',
  },
  {
    file: DATA_FILES.imd2015Lad,
    title: 'IMD 2015 aggregated to district (derived, not the official LA summaries)',
    source: `${IMD} data/imd2015_england_ltla21.rda`,
    date: '2015 indices; package 2025',
    licence: OGL,
    provenance: ['derived'],
    notes: 'The proportion column matches the LSOA deciles for all nine districts.',
  },
  {
    file: DATA_FILES.laitKs4,
    title: 'KS4 and KS2 attainment by LA, region and England, 2015/16-2024/25 (LAIT)',
    source: LAIT,
    date: '8 April 2026',
    licence: `${OGL} (repository code MIT)`,
    provenance: ['published'],
    notes: `Academic-year measures only (FSM and NEET measures left out). LAIT '-' (not published, e.g. Progress 8 in 2019/20 and 2020/21) -> x. Attainment 8 series start 2015/16; 9-4 and 9-5 start 2016/17. The maps show the latest year by district: ${COUNTY_CAVEAT}`,
  },
  {
    file: DATA_FILES.gcse5ac,
    title: '% 5+ A*-C GCSEs including English and maths by LA, 2009/10-2014/15',
    source: 'Transcribed from Partnerships for Attainment (Sheffield Institute of Education, Sheffield Hallam University, working document, October 2016), appendix, from SCR Labour Market Review 2015',
    date: 'October 2016',
    licence: 'No licence stated in the document; underlying DfE KS4 statistics OGL v3. Attribution: Partnerships for Attainment (Sheffield Institute of Education, 2016), appendix, from SCR Labour Market Review 2015.',
    provenance: ['published'],
    notes: 'Derbyshire and Nottinghamshire figures include schools outside SCR. The 2013/14 KS4 reforms cause a series break. The SCR and SY averages of the table are left out (method not stated).',
  },
];

const geo: DataSource[] = (
  [
    [BOUNDARY_FILES.districts, 'District (LAD13) boundaries of the region', 'objects: lad (code, name, scr_member)'],
    [BOUNDARY_FILES.msoas, 'MSOA 2011 boundaries of the region', 'objects: msoa (code, name, lad_code, lad_name), lad'],
    [BOUNDARY_FILES.lsoas, 'LSOA 2011 boundaries of the region', 'objects: lsoa (code, name, lad_code, lad_name, msoa_code), lad'],
  ] as const
).map(([file, title, objects]) => ({
  file,
  title,
  source: 'github.com/martinjc/UK-GeoJSON @88339000fc8711feb9c146d5cd7d145bf286350d (ONS/OS generalised clipped boundaries), simplified with mapshaper (40 m)',
  date: 'Boundaries 2011/2013; files 2014',
  licence: `${BOUNDARY_ATTRIBUTION} OS data under the OS OpenData Licence.`,
  provenance: ['published'],
  notes: `${objects}. For display, not measurement.`,
}));

const STATS_SOURCES: Record<string, string> = {
  scr_local_authorities: 'SCR district lookup (codes, names, education LAs)',
  gcse_5ac_2010_2015: '5+ A*-C incl. English and maths table, 2009/10-2014/15',
  gias_2018_scr_establishments: 'GIAS March 2018 establishments in SCR',
  imd2015_lad_scr_derived: 'IMD 2015 district aggregates (derived)',
  imd2015_lsoa_scr: 'IMD 2015 by LSOA',
  imd2015_msoa_scr_derived: 'IMD 2015 MSOA aggregates (derived)',
  imd2019_lsoa_scr: 'IMD 2019 by LSOA',
  itt_partnerships_scr: 'ITT provider partnerships touching SCR',
  itt_providers_scr: 'ITT providers in or partnering SCR',
  ks4_schools_2018_19_scr: 'KS4 2018/19 school results in SCR',
  lait_la_indicators_scr: 'LAIT LA indicators (long format)',
  nqt_first_post_distance_by_itt_provider: 'NQT first-post distance by ITT provider (Compendium 3)',
  pupils_school_places_la_scr: 'SCAP school places scorecards for the SCR LAs',
};

const sourceCopies: DataSource[] = [
  ...Object.entries(STATS_SOURCES).map(([name, title]) => ({
    file: `source/stats/${name}.csv`,
    title: `Source copy: ${title}`,
    source: 'Verbatim copy of ../shared/data/stats (see source/README-stats.md for its origin, commit and caveats)',
    date: 'See source/README-stats.md',
    licence: 'See source/README-stats.md (OGL v3 for DfE/ONS/DCLG data unless stated)',
    provenance: ['published'] as Provenance[],
    notes: 'Input of scripts/build-data.ts; not read by the app.',
  })),
  ...(
    [
      ['1_pupil_teacher_numbers_2026-04-23.csv', 'TWM file 1: national pupils and teachers'],
      ['4_flow_trajectories_2025_publication_2026-04-23.csv', 'TWM file 4: flows, 2025 publication'],
      ['5_flow_trajectories_2026_publication_2026-04-23.csv', 'TWM file 5: flows, 2026 publication'],
    ] as const
  ).map(([name, title]) => ({
    file: `source/twm/${name}`,
    title: `Source copy: ${title}`,
    source: `${TWM} (parquet converted to CSV without changing values)`,
    date: '23 April 2026',
    licence: OGL,
    provenance: ['published'] as Provenance[],
    notes: 'Input of scripts/build-data.ts; not read by the app.',
  })),
  {
    file: 'source/swc_hours_taught_by_subject_202425.csv',
    title: 'Transcribed SWC 2024/25 hours taught by subject',
    source: SWC_HOURS,
    date: 'School Workforce Census November 2024',
    licence: OGL,
    provenance: ['published'],
    notes: 'Hand transcription (each row names its source). English, maths, physics, chemistry and biology match the EES preview exactly; the other rows come from the blog table, which stops after Other Humanities (so Classics is missing).',
  },
  ...(
    [
      ['LICENCE-OGL-v3.txt', 'Full text of the Open Government Licence v3.0'],
      ['README.md', 'README of the shared data bundle'],
      ['README-stats.md', 'README of the stats folder: sources, licences and caveats of each file'],
      ['README-twm.md', 'README of the TWM folder'],
      ['README-geo.md', 'README of the boundaries: source, processing and attribution'],
    ] as const
  ).map(([name, title]) => ({
    file: `source/${name}`,
    title,
    source: 'Copied from ../shared/data',
    date: '2026',
    licence: name.startsWith('LICENCE') ? 'The National Archives' : 'Documentation',
    provenance: ['published'] as Provenance[],
    notes: 'Kept so a fresh clone can rebuild and cite the data.',
  })),
];

/** Every file in data/ (besides SOURCES.md), in the order the Data sources page lists them. */
export const DATA_SOURCES: readonly DataSource[] = [...derived, ...geo, ...sourceCopies];
