import { describe, expect, it } from 'vitest';
import { EES_STANDARD_COLUMNS, eesArea, eesColumns, eesLocation } from '../../../src/data/ees.ts';

describe('EES time and location columns', () => {
  it('opens every file with time, level and country, then each level’s columns in the order given', () => {
    const opening = [
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'country_name',
    ];
    expect(eesColumns()).toEqual(opening);
    expect(eesColumns('National')).toEqual(opening);
    expect(eesColumns('Local authority district')).toEqual([...opening, 'lad_code', 'lad_name']);
    expect(eesColumns('Regional', 'Local authority')).toEqual([
      ...opening,
      'region_code',
      'region_name',
      'old_la_code',
      'new_la_code',
      'la_name',
    ]);
    expect(eesColumns('Provider')).toEqual([...opening, 'provider_ukprn', 'provider_name']);
  });

  it('gives district rows lad_code/lad_name and LA rows old_la_code/new_la_code/la_name', () => {
    expect(
      eesLocation('Local authority district', { code: 'E08000019', name: 'Sheffield' }),
    ).toEqual({
      geographic_level: 'Local authority district',
      country_code: 'E92000001',
      country_name: 'England',
      lad_code: 'E08000019',
      lad_name: 'Sheffield',
    });
    expect(
      eesArea('Local authority', { code: 'E10000007', name: 'Derbyshire', oldLaCode: '830' }),
    ).toEqual({
      old_la_code: '830',
      new_la_code: 'E10000007',
      la_name: 'Derbyshire',
    });
    // Without its number an LA's old code is not available.
    expect(eesArea('Local authority', { code: 'E10000007', name: 'Derbyshire' }).old_la_code).toBe(
      'x',
    );
    expect(eesLocation('Regional')).toEqual({
      geographic_level: 'Regional',
      country_code: 'E92000001',
      country_name: 'England',
    });
  });

  it('names every column of every level among the standard columns EES reads without meta', () => {
    const levels = [
      'National',
      'Regional',
      'Local authority',
      'Local authority district',
      'MSOA',
      'LSOA',
      'Provider',
      'School',
    ] as const;
    expect(new Set(levels.flatMap((level) => eesColumns(level)))).toEqual(EES_STANDARD_COLUMNS);
  });
});
