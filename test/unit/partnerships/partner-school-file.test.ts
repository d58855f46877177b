import { describe, expect, it } from 'vitest';
import {
  exportPartnerSchools,
  importPartnerSchools,
  resolveShares,
  type PartnerSchoolAssignment,
} from '../../../src/partnerships/index.ts';
import {
  HAND_ASSIGNMENT,
  HAND_PARTNERSHIPS,
  HAND_SCHOOLS,
} from '../../fixtures/partnerships/hand-case.ts';

const context = { partnerships: HAND_PARTNERSHIPS, schools: HAND_SCHOOLS };

function frozen(): PartnerSchoolAssignment {
  return Object.freeze({
    method: HAND_ASSIGNMENT.method,
    links: Object.freeze(HAND_ASSIGNMENT.links.map((l) => Object.freeze({ ...l }))),
  });
}

describe('importPartnerSchools', () => {
  it("replaces one partnership's list, keeps the others, and marks the links imported", () => {
    // P1 now declares s3 at 0.7 and adds s2: P2's undeclared link to s3 gets the remaining 0.3.
    const text = 'partnership_code,school_urn,share\nP1,3,0.7\nP1,2,z\nP1,1,\n';
    const result = importPartnerSchools(frozen(), text, 'p1-schools.csv', context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.partnershipCodes).toEqual(['P1']);
    const p1 = result.assignment.links.filter((l) => l.partnershipCode === 'P1');
    expect(p1.map((l) => [l.schoolUrn, l.share, l.provenance])).toEqual([
      ['3', 0.7, 'imported'],
      ['2', null, 'imported'],
      ['1', null, 'imported'],
    ]);
    expect(result.assignment.links.filter((l) => l.partnershipCode === 'P2')).toHaveLength(3);
    const shares = resolveShares(result.assignment.links).get('3');
    expect(shares?.find((s) => s.partnershipCode === 'P2')?.share).toBeCloseTo(0.3, 12);
  });

  it('round-trips a list through export and import', () => {
    const text = exportPartnerSchools(HAND_ASSIGNMENT, 'P2');
    expect(text).toBe('partnership_code,school_urn,share\nP2,3,z\nP2,4,z\nP2,5,z\n');
    const result = importPartnerSchools(HAND_ASSIGNMENT, text, 'p2.csv', context);
    expect(
      result.ok &&
        result.assignment.links.filter((l) => l.partnershipCode === 'P2').map((l) => l.schoolUrn),
    ).toEqual(['3', '4', '5']);
  });

  const SHARE_FIX = 'Enter a share of the school above 0 and at most 1';
  it.each([
    [
      'P1,999,z',
      2,
      'school_urn',
      '"999" is not the URN of a school in the region',
      'Enter the URN of a school in the region (5 to 7 digits)',
    ],
    [
      'P1,7,z',
      2,
      'school_urn',
      'school 7 has no primary or secondary pupils in the schools list, so it carries no need',
      'Remove the row, or enter a school with pupils',
    ],
    [
      'ZZ,1,z',
      2,
      'partnership_code',
      '"ZZ" is not a partnership of the region',
      "Enter the code of one of the region's partnerships",
    ],
    ['P1,1,1.5', 2, 'share', '1.5 is too large to be right', SHARE_FIX],
    ['P1,1,0', 2, 'share', '0 is too small', SHARE_FIX],
    ['P1,1,half', 2, 'share', '"half" is not a number written in digits', SHARE_FIX],
    ['P1,1,0x1', 2, 'share', '"0x1" is not a number written in digits', SHARE_FIX],
    [
      'P1,1,z\nP1,1,z',
      3,
      'school_urn',
      'school 1 is listed for P1 again (first on line 2)',
      'List each school once for each partnership',
    ],
  ])(
    'refuses %j with file, line, column, reason and what to do, changing nothing',
    (body, row, column, message, fix) => {
      const assignment = frozen();
      const result = importPartnerSchools(
        assignment,
        `partnership_code,school_urn,share\n${body}\n`,
        'list.csv',
        context,
      );
      expect(result.ok).toBe(false);
      expect(result.assignment).toBe(assignment);
      if (result.ok) return;
      expect(result.issues[0]).toEqual({ file: 'list.csv', row, column, message, fix });
    },
  );

  it('refuses declared shares of one school above 1 across partnerships (no double count)', () => {
    const withP2Share = {
      ...HAND_ASSIGNMENT,
      links: HAND_ASSIGNMENT.links.map((l) =>
        l.partnershipCode === 'P2' && l.schoolUrn === '3' ? { ...l, share: 0.5 } : l,
      ),
    };
    const result = importPartnerSchools(
      withP2Share,
      'partnership_code,school_urn,share\nP1,3,0.6\n',
      'p1.csv',
      context,
    );
    expect(!result.ok && result.issues).toEqual([
      {
        file: 'p1.csv',
        row: 2,
        column: 'share',
        message:
          'shares of school 3 add up to 1.1 (P2 0.5, P1 0.6), more than 1; the school would be counted more than once',
        fix: 'Enter shares of each school that add up to 1 or less',
      },
    ]);
  });

  it('refuses a file without the share column', () => {
    const result = importPartnerSchools(
      HAND_ASSIGNMENT,
      'partnership_code,school_urn\nP1,1\n',
      'p1.csv',
      context,
    );
    expect(!result.ok && result.issues).toEqual([
      {
        file: 'p1.csv',
        row: 1,
        column: 'share',
        message: 'the header has no share column',
        fix: 'Add the share column',
      },
    ]);
  });
});
