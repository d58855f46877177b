import { fixedClock } from '../../../src/data/clock.ts';
import { describeIssue } from '../../../src/data/issues.ts';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_RETURNS,
  RETURNS_COLUMNS,
  RETURNS_LIMITS,
  enterReturn,
  importReturnsCsv,
  latestMonthReached,
  returnsToCsv,
  type ReturnsState,
} from '../../../src/redistribution/index.ts';

const context = {
  partnerships: [
    { code: 'S21', name: 'Name S21' },
    { code: 'S18', name: 'Name S18' },
  ],
  today: fixedClock('2026-12-03')(),
};
const header = RETURNS_COLUMNS.join(',');
const line = (month: string, code: string, subject: string, counts: string) =>
  `202526,${month},Regional,E92000001,England,${code},Name ${code},${subject},${counts}`;
const good = [
  header,
  line('October', 'S21', 'Physics', '10,4,2,1,0'),
  line('October', 'S18', 'Physics', '8,6,3,3,0'),
  line('November', 'S21', 'Physics', '10,9,5,3,1'),
].join('\n');

function held(): ReturnsState {
  const result = importReturnsCsv(EMPTY_RETURNS, good, 'good.csv', context);
  if (!result.ok) throw new Error('fixture should load');
  return result.state;
}

describe('importReturnsCsv', () => {
  it('reads a valid file and finds the latest month', () => {
    const state = held();
    expect(state.returns).toHaveLength(3);
    // Held sorted by period, month, partnership, subject: S18 comes before S21.
    expect(state.returns[1]).toMatchObject({
      partnershipCode: 'S21',
      month: 'October',
      monthIndex: 1,
      recruited: 1,
      offers: 2,
    });
    expect(latestMonthReached(state)).toEqual({ timePeriod: '202526', monthIndex: 2 });
  });

  it('round-trips through returnsToCsv', () => {
    const state = held();
    const again = importReturnsCsv(
      EMPTY_RETURNS,
      returnsToCsv(state.returns),
      'again.csv',
      context,
    );
    expect(again.ok && again.state.returns).toEqual(state.returns);
  });

  it('replaces a resubmitted month and adds new ones', () => {
    const update = [
      header,
      line('November', 'S21', 'Physics', '10,9,5,4,1'),
      line('November', 'S18', 'Physics', '8,7,4,4,0'),
    ].join('\n');
    const result = importReturnsCsv(held(), update, 'dec.csv', context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([result.added, result.replaced]).toEqual([1, 1]);
    expect(
      result.state.returns.find((r) => r.partnershipCode === 'S21' && r.monthIndex === 2)
        ?.recruited,
    ).toBe(4);
  });

  const badFiles: [string, string, { row: number | null; column: string | null; text: RegExp }][] =
    [
      [
        'missing column',
        good.replace(',offers_count', ''),
        { row: 1, column: 'offers_count', text: /has no offers_count column/ },
      ],
      [
        'unknown partnership',
        `${header}\n${line('October', 'X99', 'Physics', '1,1,1,1,0')}`,
        { row: 2, column: 'partnership_code', text: /not a partnership of the region/ },
      ],
      [
        'unknown subject',
        `${header}\n${line('October', 'S21', 'Physic', '1,1,1,1,0')}`,
        { row: 2, column: 'subject', text: /not a known subject group/ },
      ],
      [
        'negative count',
        `${header}\n${line('October', 'S21', 'Physics', '1,-1,0,0,0')}`,
        { row: 2, column: 'applications_count', text: /too small/ },
      ],
      [
        'non-numeric count',
        `${header}\n${line('October', 'S21', 'Physics', '1,3,two,0,0')}`,
        { row: 2, column: 'offers_count', text: /not a number written in digits/ },
      ],
      [
        'fractional count',
        `${header}\n${line('October', 'S21', 'Physics', '1,3,2,0.5,0')}`,
        { row: 2, column: 'recruited_count', text: /whole number/ },
      ],
      [
        'recruited above offers',
        `${header}\n${line('October', 'S21', 'Physics', '5,4,2,3,0')}`,
        { row: 2, column: 'recruited_count', text: /exceeds offers/ },
      ],
      [
        'offers above applications',
        `${header}\n${line('October', 'S21', 'Physics', '5,1,2,1,0')}`,
        { row: 2, column: 'offers_count', text: /exceed applications/ },
      ],
      [
        'duplicate row',
        `${header}\n${line('October', 'S21', 'Physics', '5,4,2,1,0')}\n${line('October', 'S21', 'Physics', '5,4,2,1,0')}`,
        { row: 3, column: null, text: /also on line 2/ },
      ],
      [
        'month out of order',
        `${header}\n${line('December', 'S21', 'Physics', '5,4,2,1,0')}\n${line('November', 'S18', 'Physics', '5,4,2,1,0')}`,
        { row: 3, column: 'time_identifier', text: /cycle runs October to September/ },
      ],
      [
        'unknown month',
        `${header}\n${line('Smarch', 'S21', 'Physics', '5,4,2,1,0')}`,
        { row: 2, column: 'time_identifier', text: /is not a month/ },
      ],
      [
        'bad time period',
        `${header}\n${line('October', 'S21', 'Physics', '5,4,2,1,0').replace('202526', '202527')}`,
        { row: 2, column: 'time_period', text: /academic year/ },
      ],
      ['header only', header, { row: null, column: null, text: /no rows/ }],
      ['empty file', '', { row: null, column: null, text: /empty/ }],
    ];

  it.each(badFiles)(
    'refuses a file with a %s, naming where, and keeps what was held',
    (_, text, expected) => {
      const before = held();
      const snapshot = structuredClone(before);
      const result = importReturnsCsv(before, text, 'bad.csv', context);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.state).toBe(before);
      expect(before).toEqual(snapshot);
      const issue = result.issues[0]!;
      expect(issue).toMatchObject({ file: 'bad.csv', row: expected.row, column: expected.column });
      expect(issue.message).toMatch(expected.text);
    },
  );

  /*
   * On 3 December 2026 the 2027/28 cycle (opened 1 October 2026) has reached its third month:
   * returns for October to December 2026 can exist, January 2027 has not begun, and the
   * 2028/29 cycle opens on 1 October 2027.
   */
  it('refuses a return for a month that has not begun or a cycle that has not opened', () => {
    const future = (period: string, month: string) =>
      [
        header,
        line('October', 'S21', 'Physics', '10,4,2,1,0')
          .replace('202526', period)
          .replace('October', month),
      ].join('\n');
    expect(importReturnsCsv(EMPTY_RETURNS, future('202728', 'December'), 'r.csv', context).ok).toBe(
      true,
    );
    const refused = (period: string, month: string) => {
      const result = importReturnsCsv(held(), future(period, month), 'r.csv', context);
      expect(result.ok).toBe(false);
      expect(result.state).toEqual(held());
      return result.ok ? [] : result.issues.map(describeIssue);
    };
    expect(refused('202728', 'January')).toEqual([
      'r.csv, line 2, column time_identifier: January 2027 has not begun yet (today is 3 December 2026); enter a month that has begun: a return counts recruitment to date',
    ]);
    expect(refused('202829', 'October')).toEqual([
      'r.csv, line 2, column time_period: the 2028/29 cycle has not opened yet: its recruitment opens on 1 October 2027; enter the time_period of a cycle that has opened, like 202526 for 2025/26',
    ]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const before = held();
    const huge = `${header}\n${'x'.repeat(RETURNS_LIMITS.maxBytes)}`;
    const result = importReturnsCsv(before, huge, 'huge.csv', context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/larger than 5 MB/);
    expect(result.state).toBe(before);
  });

  it('refuses a file over the row limit', () => {
    const rows = Array.from({ length: RETURNS_LIMITS.maxRows + 1 }, () => '1');
    const result = importReturnsCsv(
      EMPTY_RETURNS,
      `${header}\n${rows.join('\n')}`,
      'long.csv',
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/limit for a returns file is 50,000/);
  });

  it('reports every bad row, not just the first, and loads none of them', () => {
    const text = [
      header,
      line('October', 'S21', 'Physics', '1,1,1,1,0'),
      line('October', 'S18', 'Physics', '1,-1,0,0,0'),
      line('October', 'S18', 'Chemistry', '1,0,1,0,0'),
    ].join('\n');
    const result = importReturnsCsv(EMPTY_RETURNS, text, 'mixed.csv', context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.row)).toEqual([3, 4]);
    expect(result.state.returns).toHaveLength(0);
  });
});

describe('enterReturn', () => {
  const input = {
    timePeriod: '202526',
    month: 'December',
    partnershipCode: 'S21',
    partnershipName: 'Name S21',
    subject: 'Physics',
    allocation: 10,
    applications: 12,
    offers: 6,
    recruited: 5,
    withdrawn: 1,
  };

  it('adds a valid return typed by hand', () => {
    const result = enterReturn(held(), input, context);
    expect(result.ok && result.state.returns).toHaveLength(4);
  });

  it('refuses a bad one with the same checks and keeps the state', () => {
    const before = held();
    const result = enterReturn(before, { ...input, recruited: 7 }, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({ file: 'manual entry', column: 'recruited_count' });
    expect(result.state).toBe(before);
  });
});
