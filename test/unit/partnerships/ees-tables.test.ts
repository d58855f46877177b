import { describe, expect, it } from 'vitest';
import { formatEesCsv, formatEesMeta, parseCsv } from '../../../src/data/ees.ts';
import {
  defaultPartnerSchools,
  partnerSchoolBasis,
  partnershipForecast,
  partnershipForecastTable,
  shareWeights,
} from '../../../src/partnerships/index.ts';
import {
  HAND_ASSIGNMENT,
  HAND_NEED,
  HAND_PARTNERSHIPS,
  HAND_SCHOOLS,
} from '../../fixtures/partnerships/hand-case.ts';

describe('partnershipForecastTable', () => {
  const rows = partnershipForecast(
    'P1',
    shareWeights(HAND_ASSIGNMENT, HAND_SCHOOLS),
    HAND_NEED,
    new Map([['Primary|2026/27', 1]]),
  );
  const table = partnershipForecastTable(
    HAND_PARTNERSHIPS[0]!,
    rows,
    partnerSchoolBasis(HAND_ASSIGNMENT, 'P1'),
  );

  it('writes one row per subject and year plus a Total subject: P1 total = (3.2 + 1, 4 + 2, 5.2 + 2.5) + 1', () => {
    const { rows: csv } = parseCsv(formatEesCsv(table));
    expect(csv.map((r) => r.subject)).toEqual(['Primary', 'Mathematics', 'Total']);
    expect(csv[2]).toMatchObject({
      time_period: '202627',
      geographic_level: 'Regional',
      partner_schools_basis: 'imported',
      model_nqt_p10: '4.2',
      model_nqt_p50: '6',
      model_nqt_p90: '7.7',
      intelligence_fte: '1',
      forecast_nqt_p10: '5.2',
      forecast_nqt_p50: '7',
      forecast_nqt_p90: '8.7',
    });
  });

  it('has a meta line for every non-standard column', () => {
    const meta = parseCsv(formatEesMeta(table)).rows.map((r) => r.col_name);
    expect(meta).toEqual(
      table.columns.filter(
        (c) =>
          ![
            'time_period',
            'time_identifier',
            'geographic_level',
            'country_code',
            'country_name',
          ].includes(c),
      ),
    );
  });
});

describe('partnerSchoolBasis', () => {
  it('says illustrative for the default list, none for a partnership without schools', () => {
    const assignment = defaultPartnerSchools(HAND_PARTNERSHIPS, HAND_SCHOOLS);
    expect(partnerSchoolBasis(assignment, 'P1')).toBe('illustrative');
    expect(partnerSchoolBasis(assignment, 'P3')).toBe('none');
    expect(
      partnerSchoolBasis(
        {
          method: '',
          links: [...assignment.links, { ...HAND_ASSIGNMENT.links[0]!, schoolUrn: '2' }],
        },
        'P1',
      ),
    ).toBe('mixed');
  });
});
