import { describe, expect, it } from 'vitest';
import {
  ENGLAND_BANK_HOLIDAYS,
  NO_RULES,
  addWorkingDays,
  closingNotice,
  endOfCycleMonth,
  recruitmentLimit,
  stopDate,
  tolerancePlaces,
} from '../../../src/redistribution/index.ts';

describe('tolerance bands', () => {
  it('gives +1 for 1-14, +2 for 15-24 and one more per further 10 places', () => {
    const cases: [number, number][] = [
      [0, 0],
      [1, 1],
      [14, 1],
      [15, 2],
      [24, 2],
      [25, 3],
      [34, 3],
      [35, 4],
      [165, 17],
    ];
    for (const [allocation, extra] of cases)
      expect([allocation, tolerancePlaces(allocation)]).toEqual([allocation, extra]);
  });
});

describe('recruitmentLimit', () => {
  const both = { ...NO_RULES, overRecruitment: true, toleranceBands: true };

  it('is the allocation with no rules on', () => {
    expect(recruitmentLimit(20, 19, NO_RULES)).toBe(20);
  });

  it('allows 125% once 90% is filled', () => {
    const rules = { ...NO_RULES, overRecruitment: true };
    expect(recruitmentLimit(20, 17, rules)).toBe(20); // 85% filled
    expect(recruitmentLimit(20, 18, rules)).toBe(25); // 90% filled: up to 125%
    expect(recruitmentLimit(10, 9, rules)).toBe(12); // 12.5 rounds down
  });

  it('takes the higher limit when both rules apply', () => {
    expect(recruitmentLimit(20, 10, both)).toBe(22); // tolerance only
    expect(recruitmentLimit(20, 18, both)).toBe(25); // 125% beats +2
    expect(recruitmentLimit(4, 4, both)).toBe(5); // 125% of 4 is 5, tolerance also 5
  });
});

describe('stop notices', () => {
  it('lists real weekdays as bank holidays', () => {
    for (const day of ENGLAND_BANK_HOLIDAYS) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      expect([day, weekday >= 1 && weekday <= 5]).toEqual([day, true]);
    }
  });

  it('closes five working days after notice, skipping weekends', () => {
    // Wednesday 8 Jan 2025: Thu 9, Fri 10, Mon 13, Tue 14, Wed 15.
    expect(stopDate('2025-01-08')).toBe('2025-01-15');
    // Friday 14 Mar 2025: Mon 17 ... Fri 21.
    expect(stopDate('2025-03-14')).toBe('2025-03-21');
  });

  it('skips bank holidays when given', () => {
    // Thursday 17 Apr 2025: Good Friday 18 and Easter Monday 21 are holidays: Tue 22 ... Mon 28.
    expect(stopDate('2025-04-17')).toBe('2025-04-24');
    expect(stopDate('2025-04-17', ENGLAND_BANK_HOLIDAYS)).toBe('2025-04-28');
  });

  it('refuses a date that does not exist', () => {
    expect(() => addWorkingDays('2025-02-30', 1)).toThrow(/not a real date/);
  });

  it('closes a cell once its stop date has passed', () => {
    const rules = {
      ...NO_RULES,
      stopNotices: [{ subject: 'Physics', partnershipCode: null, noticeDate: '2025-01-08' }],
    };
    expect(closingNotice('S21', 'Physics', '2025-01-14', rules)).toBeNull();
    expect(closingNotice('S21', 'Physics', '2025-01-31', rules)?.stopDate).toBe('2025-01-15');
    expect(closingNotice('S21', 'Chemistry', '2025-01-31', rules)).toBeNull();
  });
});

describe('endOfCycleMonth', () => {
  it('puts October-December in the year before the course starts', () => {
    expect(endOfCycleMonth('202526', 1)).toBe('2024-10-31');
    expect(endOfCycleMonth('202526', 3)).toBe('2024-12-31');
    expect(endOfCycleMonth('202526', 4)).toBe('2025-01-31');
    expect(endOfCycleMonth('202526', 5)).toBe('2025-02-28');
    expect(endOfCycleMonth('202425', 5)).toBe('2024-02-29'); // cycle Oct 2023 - Sep 2024
    expect(endOfCycleMonth('202526', 12)).toBe('2025-09-30');
  });
});
