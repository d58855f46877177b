import { afterEach, describe, expect, it } from 'vitest';
import type { AllocationResult } from '../../../src/allocation/allocate.ts';
import { emptyResult } from '../../../src/allocation/allocate.ts';
import type { BindingConstraint } from '../../../src/allocation/explain.ts';
import type { Partnership, PartnershipSubjectPlan } from '../../../src/data/types.ts';
import { fieldIds } from '../../../src/ui/allocation/allocation-settings.ts';
import { bindingSummary } from '../../../src/ui/allocation/tsp-allocation-explain.ts';
import type { PlanEditDetail } from '../../../src/ui/allocation/tsp-allocation-plans.ts';
import '../../../src/ui/allocation/tsp-allocation-plans.ts';
import '../../../src/ui/allocation/tsp-allocation-verdict.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const partnerships = [
  { code: 'U1', name: 'University of Northtown', type: 'HEI' },
  { code: 'S2', name: 'Southtown SCITT', type: 'SCITT' },
] as Partnership[];

const plan = (partnershipCode: string, subject: 'Physics' | 'Mathematics') =>
  ({
    partnershipCode,
    subject,
    capacity: 10,
    minimumCohort: 2,
    lastYearAllocation: 6,
    lastYearRecruited: 5,
    provenance: 'illustrative',
  }) as PartnershipSubjectPlan;

const plans = [plan('U1', 'Physics'), plan('U1', 'Mathematics'), plan('S2', 'Physics')];

describe('tsp-allocation-plans', () => {
  it('opens on the first partnership, labels every input and reports an edit', async () => {
    const element = document.createElement('tsp-allocation-plans');
    element.partnerships = partnerships;
    element.plans = plans;
    document.body.append(element);
    await element.updateComplete;
    const rows = element.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    const input = element.querySelector<HTMLInputElement>(
      `#${fieldIds.capacity('U1', 'Physics')}`,
    )!;
    expect(element.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).toBe(
      'University of Northtown, Physics capacity',
    );
    expect(input.value).toBe('10');
    const edits: PlanEditDetail[] = [];
    element.addEventListener('tsp-plan-edit', (event) =>
      edits.push((event as CustomEvent<PlanEditDetail>).detail),
    );
    input.value = '14';
    input.dispatchEvent(new Event('change'));
    expect(edits).toEqual([{ key: 'U1|Physics', edit: { capacity: '14', minimumCohort: '2' } }]);
  });

  it('keeps a row with an error on screen whatever the filter', async () => {
    const element = document.createElement('tsp-allocation-plans');
    element.partnerships = partnerships;
    element.plans = plans;
    const id = fieldIds.minimumCohort('S2', 'Physics');
    element.errors = new Map([[id, 'Southtown SCITT, Physics minimum cohort must be ...']]);
    document.body.append(element);
    await element.updateComplete;
    expect(element.querySelectorAll('tbody tr')).toHaveLength(3);
    const input = element.querySelector(`#${id}`)!;
    expect(input.getAttribute('aria-describedby')).toBe(`${id}-error`);
    expect(element.querySelector(`#${id}-error`)?.textContent).toContain('Error:');
  });
});

function result(overrides: Partial<AllocationResult>): AllocationResult {
  const base = emptyResult('optimal', '');
  return {
    ...base,
    modelSize: { columns: 10, rows: 8, integerColumns: 4, nonzeros: 20 },
    timing: { ...base.timing, totalSeconds: 1.25 },
    ...overrides,
  };
}

describe('tsp-allocation-verdict', () => {
  it('lists the clashing rules with their numbers and the smallest change', async () => {
    const element = document.createElement('tsp-allocation-verdict');
    element.result = result({
      status: 'infeasible',
      diagnosis: {
        summary: '',
        constraints: [
          {
            id: 'regional-cap|Mathematics|2026',
            family: 'regional-cap',
            text: 'Regional cap: at most 2 places in Mathematics across the region in 2026/27',
          },
          {
            id: 'fixed-places|TF|Mathematics|Teach First|2026',
            family: 'fixed-places',
            text: 'Fixed places: Teach First Mathematics (Teach First) has exactly 4 places in 2026/27',
          },
        ],
        relaxations: [{ id: 'regional-cap|Mathematics|2026', text: 'Regional cap', amount: 2 }],
        irreducible: true,
        integer: false,
        seconds: 0.2,
      },
    });
    document.body.append(element);
    await element.updateComplete;
    const banner = element.querySelector('[data-testid="allocation-verdict"]')!;
    expect(banner.getAttribute('data-status')).toBe('infeasible');
    expect(banner.textContent).toContain('No allocation meets every rule');
    expect(banner.textContent).toContain('These 2 rules cannot all hold at once');
    const conflicts = [...element.querySelectorAll('[data-testid="allocation-conflicts"] li')];
    expect(conflicts.map((li) => li.textContent?.trim())).toEqual([
      'Regional cap: at most 2 places in Mathematics across the region in 2026/27.',
      'Fixed places: Teach First Mathematics (Teach First) has exactly 4 places in 2026/27.',
    ]);
    expect(banner.textContent).toContain('relax “Regional cap” by 2.0');
  });

  it('gives the gap in the title when a limit stopped the search', async () => {
    const element = document.createElement('tsp-allocation-verdict');
    element.result = result({
      status: 'time-limit',
      gap: { relative: 0.0123, absolute: 5, bound: 400, boundSource: 'linear programme' },
      message: 'Best found.',
    });
    document.body.append(element);
    await element.updateComplete;
    expect(element.querySelector('#alloc-verdict-title')?.textContent?.trim()).toBe(
      'Best allocation found before the search stopped (gap 1.23%)',
    );
  });
});

describe('bindingSummary', () => {
  it('counts binding rules by kind, largest first, singular and plural', () => {
    const rule = (family: BindingConstraint['family']): BindingConstraint => ({
      id: family,
      family,
      text: '',
      limit: 0,
      partnershipCode: null,
      subject: null,
      entryYear: null,
      marginalValue: null,
    });
    expect(
      bindingSummary([
        rule('regional-cap'),
        rule('plan-capacity'),
        rule('plan-capacity'),
        rule('plan-capacity'),
      ]),
    ).toEqual(['3 plans are at their full capacity', '1 regional cap is reached']);
  });
});
