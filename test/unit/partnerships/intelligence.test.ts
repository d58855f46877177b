import { describe, expect, it } from 'vitest';
import {
  EMPTY_INTELLIGENCE,
  addIntelligenceEntry,
  intelligenceTotals,
  nextEntryId,
  removeIntelligenceEntry,
  type IntelligenceInput,
} from '../../../src/partnerships/index.ts';
import { HAND_CONTEXT, HAND_ENTRIES } from '../../fixtures/partnerships/intelligence-context.ts';

const NOW = new Date('2026-03-02T08:00:00Z');
const valid: IntelligenceInput = {
  partnershipCode: 'P1',
  schoolUrn: '1',
  subject: 'Primary',
  year: '2026/27',
  kind: 'retirement',
  fteChange: 1,
  author: '  Jo Bloggs ',
  reason: 'Retires July 2027',
};

function issuesFor(change: Partial<IntelligenceInput>) {
  const result = addIntelligenceEntry(
    EMPTY_INTELLIGENCE,
    { ...valid, ...change },
    HAND_CONTEXT,
    NOW,
  );
  if (result.ok) throw new Error('expected the entry to be refused');
  expect(result.state).toBe(EMPTY_INTELLIGENCE);
  return result.issues;
}

describe('addIntelligenceEntry', () => {
  it('adds a valid entry with an id, the time and trimmed text, leaving the old state as it was', () => {
    const before = { entries: [...HAND_ENTRIES] };
    const result = addIntelligenceEntry(before, valid, HAND_CONTEXT, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry).toEqual({
      id: 'P1-4',
      partnershipCode: 'P1',
      schoolUrn: '1',
      subject: 'Primary',
      year: '2026/27',
      kind: 'retirement',
      fteChange: 1,
      author: 'Jo Bloggs',
      reason: 'Retires July 2027',
      enteredAt: '2026-03-02T08:00:00.000Z',
    });
    expect(result.state.entries).toHaveLength(5);
    expect(before.entries).toHaveLength(4);
  });

  it('reads an FTE change typed as text', () => {
    const result = addIntelligenceEntry(
      EMPTY_INTELLIGENCE,
      { ...valid, fteChange: ' -0.5 ' },
      HAND_CONTEXT,
      NOW,
    );
    expect(result.ok && result.entry.fteChange).toBe(-0.5);
  });

  it.each([
    [
      { schoolUrn: '999' },
      'schoolUrn',
      'School URN ("999") is not a school of the region (unknown URN)',
    ],
    [{ subject: 'Maths' }, 'subject', 'Subject ("Maths") is not a subject group'],
    [
      { year: '2029/30' },
      'year',
      'Entry year ("2029/30") is not one of the three entry years (2026/27, 2027/28, 2028/29)',
    ],
    [{ fteChange: Number.NaN }, 'fteChange', 'FTE change ("NaN") is not a number'],
    [{ fteChange: 'two' }, 'fteChange', 'FTE change ("two") is not a number'],
    [{ fteChange: 0.125 }, 'fteChange', 'FTE change ("0.125") has more than 2 decimal places'],
    [{ fteChange: 0 }, 'fteChange', 'FTE change ("0") changes nothing'],
    [{ fteChange: 150 }, 'fteChange', 'FTE change ("150") is outside -100 to 100 FTE'],
    [{ author: '  ' }, 'author', 'Entered by is empty; say who and why for every entry'],
    [{ reason: '' }, 'reason', 'Reason is empty; say who and why for every entry'],
    [{ kind: 'sabbatical' }, 'kind', 'Kind of change ("sabbatical") is not a kind of entry'],
    [
      { partnershipCode: 'ZZ' },
      'partnershipCode',
      'Partnership ("ZZ") is not a partnership of the dataset',
    ],
    [{ schoolUrn: '4' }, 'schoolUrn', 'School URN ("4") is not a partner school of P1'],
    [
      { subject: 'Mathematics' },
      'subject',
      'Subject ("Mathematics") does not match the phase of school 1 (Primary)',
    ],
  ])('refuses %o naming the field and reason', (change, column, message) => {
    const issues = issuesFor(change);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.column).toBe(column);
    expect(issues[0]?.file).toBe('local intelligence form');
    expect(issues[0]?.message.startsWith(message)).toBe(true);
  });

  it('reports every problem of an entry at once', () => {
    expect(issuesFor({ author: '', reason: '', fteChange: 'x' }).map((i) => i.column)).toEqual([
      'fteChange',
      'author',
      'reason',
    ]);
  });
});

describe('entry ids, removal and totals', () => {
  it('numbers ids per partnership', () => {
    expect(nextEntryId(HAND_ENTRIES, 'P1')).toBe('P1-4');
    expect(nextEntryId(HAND_ENTRIES, 'P2')).toBe('P2-2');
    expect(nextEntryId(HAND_ENTRIES, 'P3')).toBe('P3-1');
  });

  it('removes an entry by id without touching the old state', () => {
    const state = { entries: HAND_ENTRIES };
    expect(removeIntelligenceEntry(state, 'P1-2').entries.map((e) => e.id)).toEqual([
      'P1-1',
      'P1-3',
      'P2-1',
    ]);
    expect(state.entries).toHaveLength(4);
  });

  it('sums one partnership by subject and year', () => {
    expect(intelligenceTotals(HAND_ENTRIES, 'P1')).toEqual(
      new Map([
        ['Primary|2026/27', 1],
        ['Physics|2028/29', -0.25],
        ['Mathematics|2027/28', 2.5],
      ]),
    );
  });
});
