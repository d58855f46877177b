import { describe, expect, it } from 'vitest';
import type { PartnerSchoolLink } from '../../../src/partnerships/index.ts';
import {
  atPartnerSchools,
  placeable,
  withImportedLinks,
} from '../../../src/ui/partnerships/saved-work.ts';
import { HAND_ASSIGNMENT } from '../../fixtures/partnerships/hand-case.ts';
import { HAND_ENTRIES } from '../../fixtures/partnerships/intelligence-context.ts';

const imported = (partnershipCode: string, schoolUrn: string): PartnerSchoolLink => ({
  partnershipCode,
  schoolUrn,
  share: null,
  provenance: 'imported',
});

describe('restoring saved work', () => {
  it('puts an uploaded list back, but sets aside a list naming a school the data lacks', () => {
    const urns = new Set(['1', '2', '3', '4', '5', '6']);
    const { assignment, setAside } = withImportedLinks(
      HAND_ASSIGNMENT,
      { importedLinks: [imported('P1', '2'), imported('P3', '6'), imported('P3', '99')] },
      urns,
    );
    expect(setAside).toEqual(['P3']);
    // P1 now holds s2 only; P3 keeps its default link to s6.
    expect(
      assignment.links.filter((l) => l.partnershipCode === 'P1').map((l) => l.schoolUrn),
    ).toEqual(['2']);
    expect(
      assignment.links.filter((l) => l.partnershipCode === 'P3').map((l) => l.schoolUrn),
    ).toEqual(['6']);
  });

  it('keeps entries of known partnerships and entry years at their partner schools only', () => {
    // P1-1 Primary 2026/27 and P2-1 fit; P1-2 is for 2028/29, outside these two years; P1-3 fits.
    const kept = placeable(HAND_ENTRIES, new Set(['P1', 'P2']), ['2026/27', '2027/28']);
    expect(kept.map((e) => e.id)).toEqual(['P1-1', 'P1-3', 'P2-1']);
    // Without the link P1 -> s3, P1-3 (at s3) no longer fits.
    const withoutS3 = {
      ...HAND_ASSIGNMENT,
      links: HAND_ASSIGNMENT.links.filter(
        (l) => !(l.partnershipCode === 'P1' && l.schoolUrn === '3'),
      ),
    };
    expect(atPartnerSchools(kept, withoutS3).map((e) => e.id)).toEqual(['P1-1', 'P2-1']);
  });
});
