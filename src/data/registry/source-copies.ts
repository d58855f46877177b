/** Verbatim copies of the sources in data/source/: input of `npm run data:build`, not read by the app. */
import { OGL, SWC_HOURS, TWM } from './citations.ts';
import type { ListedFile } from './entry.ts';

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

const BUILD_INPUT = 'Input of npm run data:build (scripts/build-data/); not read by the app.';

const listed = (entry: Omit<ListedFile, 'role' | 'key'>): ListedFile => ({
  role: 'listed',
  key: entry.path,
  ...entry,
});

export const sourceCopies: readonly ListedFile[] = [
  ...Object.entries(STATS_SOURCES).map(([name, title]) =>
    listed({
      path: `source/stats/${name}.csv`,
      title: `Source copy: ${title}`,
      source:
        'Verbatim copy kept in data/source/stats/ (source/README-stats.md gives its origin, commit and caveats)',
      date: 'See source/README-stats.md',
      licence: 'See source/README-stats.md (OGL v3 for DfE/ONS/DCLG data unless stated)',
      provenance: ['published'],
      notes: BUILD_INPUT,
    }),
  ),
  ...(
    [
      ['1_pupil_teacher_numbers_2026-04-23.csv', 'TWM file 1: national pupils and teachers'],
      [
        '4_flow_trajectories_2025_publication_2026-04-23.csv',
        'TWM file 4: flows, 2025 publication',
      ],
      [
        '5_flow_trajectories_2026_publication_2026-04-23.csv',
        'TWM file 5: flows, 2026 publication',
      ],
    ] as const
  ).map(([name, title]) =>
    listed({
      path: `source/twm/${name}`,
      title: `Source copy: ${title}`,
      source: `${TWM} (parquet converted to CSV without changing values)`,
      date: '23 April 2026',
      licence: OGL,
      provenance: ['published'],
      notes: BUILD_INPUT,
    }),
  ),
  ...(
    [
      ['itt_census_national_headlines.csv', 'ITT census headline figures by release'],
      ['qts_awards_by_route_tra.csv', 'QTS awards by route (TRA, via John Howson)'],
      ['pgitt_trainee_need_timeseries_2026_publication.csv', 'TWM file 2: PGITT trainee need'],
      ['itt_performance_profiles_national.csv', 'ITT performance profiles, national figures'],
    ] as const
  ).map(([name, title]) =>
    listed({
      path: `source/itt/${name}`,
      title: `Source copy: ${title}`,
      source:
        "Verbatim copy of the ITT research pack (see source/README-itt.md for each row's source, quote and caveats)",
      date: 'Compiled 3 December 2026',
      licence: 'See source/README-itt.md (OGL v3 for DfE data; press and blog figures quoted)',
      provenance: ['published'],
      notes: BUILD_INPUT,
    }),
  ),
  listed({
    path: 'source/README-itt.md',
    title: 'README of the ITT research pack: sources, quotes, caveats and what was not found',
    source: 'ITT research pack compiled for this project, 3 December 2026',
    date: '3 December 2026',
    licence: 'Documentation',
    provenance: ['published'],
    notes: 'Kept so a fresh clone can rebuild and cite the data.',
  }),
  listed({
    path: 'source/swc/national_pupil_projections_2021_2022_models.csv',
    title: 'Source copy: DfE national pupil projections, July 2021 and July 2022 releases',
    source:
      'Verbatim copy of the pupil projections research pack (see source/README-swc.md for the pages and caveats)',
    date: 'Compiled 3 December 2026',
    licence: OGL,
    provenance: ['published'],
    notes: BUILD_INPUT,
  }),
  listed({
    path: 'source/README-swc.md',
    title: 'README of the pupil projections research pack: sources, licence and caveats',
    source: 'Pupil projections research pack compiled for this project, 3 December 2026',
    date: '3 December 2026',
    licence: 'Documentation',
    provenance: ['published'],
    notes: 'Kept so a fresh clone can rebuild and cite the data.',
  }),
  listed({
    path: 'source/swc_hours_taught_by_subject_202425.csv',
    title: 'Transcribed SWC 2024/25 hours taught by subject',
    source: SWC_HOURS,
    date: 'School Workforce Census November 2024',
    licence: OGL,
    provenance: ['published'],
    notes:
      'Hand transcription (each row names its source). English, maths, physics, chemistry and biology match the EES preview exactly; the other rows come from the blog table, which stops after Other Humanities (so Classics is missing).',
  }),
  ...(
    [
      ['LICENCE-OGL-v3.txt', 'Full text of the Open Government Licence v3.0'],
      ['README.md', 'README of the source data bundle'],
      ['README-stats.md', 'README of the stats folder: sources, licences and caveats of each file'],
      ['README-twm.md', 'README of the TWM folder'],
      ['README-geo.md', 'README of the boundaries: source, processing and attribution'],
    ] as const
  ).map(([name, title]) =>
    listed({
      path: `source/${name}`,
      title,
      source: 'Copied with the source data (data/source/README.md)',
      date: '2026',
      licence: name.startsWith('LICENCE') ? 'The National Archives' : 'Documentation',
      provenance: ['published'],
      notes: 'Kept so a fresh clone can rebuild and cite the data.',
    }),
  ),
];
