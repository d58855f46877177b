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
const FTE_FIX =
  'Enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5';
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

  // The form's summary and fields show the instruction (GOV.UK style); the reason stays with
  // the issue for logs and files.
  it.each([
    [
      { schoolUrn: '999' },
      'schoolUrn',
      '"999" is not the URN of a school in the region',
      'Select a partner school',
    ],
    [{ subject: 'Maths' }, 'subject', '"Maths" is not a subject group', 'Select a subject'],
    [{ subject: '' }, 'subject', 'the cell is blank', 'Select a subject'],
    [
      { year: '2029/30' },
      'year',
      '"2029/30" is not one of the three entry years (2026/27, 2027/28, 2028/29)',
      'Select an entry year',
    ],
    [{ fteChange: Number.NaN }, 'fteChange', '"NaN" is not a number written in digits', FTE_FIX],
    [{ fteChange: 'two' }, 'fteChange', '"two" is not a number written in digits', FTE_FIX],
    [{ fteChange: '0x10' }, 'fteChange', '"0x10" is not a number written in digits', FTE_FIX],
    [{ fteChange: '1e1' }, 'fteChange', '"1e1" is not a number written in digits', FTE_FIX],
    [{ fteChange: 0.125 }, 'fteChange', '0.125 has more than 2 decimal places', FTE_FIX],
    [
      { fteChange: 0 },
      'fteChange',
      '0 changes nothing',
      'Enter a change other than 0, or leave the entry out',
    ],
    [{ fteChange: 150 }, 'fteChange', '150 is too large to be right', FTE_FIX],
    [{ fteChange: -150 }, 'fteChange', '-150 is too small', FTE_FIX],
    [{ author: '  ' }, 'author', 'the cell is blank', 'Enter who made the entry'],
    [{ reason: '' }, 'reason', 'the cell is blank', 'Enter the reason for the entry'],
    [
      { kind: 'sabbatical' },
      'kind',
      '"sabbatical" is not a kind of change',
      'Select the kind of change',
    ],
    [
      { partnershipCode: 'ZZ' },
      'partnershipCode',
      '"ZZ" is not a partnership of the region',
      "Enter the code of one of the region's partnerships",
    ],
    [
      { schoolUrn: '4' },
      'schoolUrn',
      'school 4 is not a partner school of P1',
      'Select one of the partnership’s partner schools',
    ],
    [
      { subject: 'Mathematics' },
      'subject',
      'Mathematics is not taught at school 1 (Primary)',
      'Select a subject the school teaches',
    ],
  ])('refuses %o naming the field, the reason and what to do', (change, column, message, fix) => {
    expect(issuesFor(change)).toEqual([
      { file: 'local intelligence form', row: null, column, message, fix },
    ]);
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
