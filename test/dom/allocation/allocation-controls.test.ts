import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeReport, PartnershipChange } from '../../../src/allocation/changes.ts';
import { RULE_DOCS } from '../../../src/allocation/rule-settings.ts';
import { academicYear } from '../../../src/data/academic-year.ts';
import { fieldIds } from '../../../src/ui/allocation/allocation-settings.ts';
import type { RuleEditDetail } from '../../../src/ui/allocation/tsp-allocation-rules.ts';
import '../../../src/ui/allocation/tsp-allocation-changes.ts';
import '../../../src/ui/allocation/tsp-allocation-rules.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('tsp-allocation-rules', () => {
  it('labels every rule, hints its range and what blank means, and reports an edit', async () => {
    const element = document.createElement('tsp-allocation-rules');
    element.values = { fairnessWeightPerPlace: '1', poolShare: '0.05' };
    document.body.append(element);
    await element.updateComplete;
    expect(element.querySelectorAll('tbody tr')).toHaveLength(RULE_DOCS.length);
    const fairness = element.querySelector<HTMLInputElement>(
      `#${fieldIds.rule('fairnessWeightPerPlace')}`,
    )!;
    expect(fairness.value).toBe('1');
    expect(element.querySelector(`label[for="${fairness.id}"]`)?.textContent?.trim()).toBe(
      'Fairness weight',
    );
    const hint = element.querySelector(`#${fairness.getAttribute('aria-describedby')}`);
    expect(hint?.textContent?.replace(/\s+/g, ' ')).toContain(
      '0 to 100 (unmet teachers per place); blank: no fairness rule: need alone decides.',
    );
    const edits: RuleEditDetail[] = [];
    element.addEventListener('tsp-rule-edit', (event) =>
      edits.push((event as CustomEvent<RuleEditDetail>).detail),
    );
    fairness.value = '';
    fairness.dispatchEvent(new Event('change'));
    expect(edits).toEqual([{ key: 'fairnessWeightPerPlace', value: '' }]);
  });

  it('shows a problem at its field, described by the input', async () => {
    const element = document.createElement('tsp-allocation-rules');
    const id = fieldIds.rule('poolShare');
    element.errors = new Map([[id, 'Pool share must be from 0 to below 1']]);
    document.body.append(element);
    await element.updateComplete;
    const input = element.querySelector<HTMLInputElement>(`#${id}`)!;
    expect(input.getAttribute('aria-describedby')).toBe(`${id}-hint ${id}-error`);
    expect(element.querySelector(`#${id}-error`)?.textContent).toContain(
      'Pool share must be from 0 to below 1',
    );
  });
});

const year1 = academicYear('2027/28');
const year2 = academicYear('2028/29');
const change = (
  name: string,
  entryYear: typeof year1,
  places: number,
  lastYear: number,
): PartnershipChange => ({
  partnershipCode: name,
  partnershipName: name,
  entryYear,
  places,
  lastYear,
  percent: lastYear > 0 ? (100 * (places - lastYear)) / lastYear : null,
  fairShare: null,
  reasons: [],
  text: '',
});

describe('tsp-allocation-changes', () => {
  it('lists each partnership’s change in the first entry year with the summary, and switches year', async () => {
    // 45 against 50 is a 10% cut; 12 against none is new.
    const report: ChangeReport = {
      partnerships: [
        change('North', year1, 45, 50),
        change('South', year1, 12, 0),
        change('North', year2, 50, 50),
      ],
      subjects: [],
      largestCut: null,
      summary: 'The largest cut from last year is 10%, at North in 2027/28.',
    };
    const element = document.createElement('tsp-allocation-changes');
    element.report = report;
    element.entryYears = [year1, year2];
    document.body.append(element);
    await element.updateComplete;
    await element.querySelector('tsp-table')?.updateComplete;
    expect(element.querySelector('[data-testid="allocation-fairness"]')?.textContent).toBe(
      report.summary,
    );
    const cells = () =>
      [...element.querySelectorAll('tbody tr')].map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
      );
    expect(cells()).toEqual([
      ['North', '45', '50', '-10.0%', 'x', 'no rule holds it'],
      ['South', '12', '0', 'new', 'x', 'no rule holds it'],
    ]);
    const select = element.querySelector<HTMLSelectElement>('#alloc-changes-year')!;
    select.value = year2;
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    await element.querySelector('tsp-table')?.updateComplete;
    expect(cells()).toEqual([['North', '50', '50', '0.0%', 'x', 'no rule holds it']]);
  });
});
