import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/data/clock.ts';
import type { LedgerEntry, TransferRecord } from '../../../src/redistribution/index.ts';
import {
  DEFAULT_RECRUITMENT_CURVE,
  EMPTY_RETURNS,
  enterReturn,
} from '../../../src/redistribution/index.ts';
import '../../../src/ui/in-year/tsp-return-entry.ts';
import '../../../src/ui/in-year/tsp-transfer-card.ts';
import '../../../src/ui/in-year/tsp-curve-editor.ts';
import type { ReturnEntryDetail } from '../../../src/ui/in-year/tsp-return-entry.ts';
import type { TransferStepDetail } from '../../../src/ui/in-year/tsp-transfer-card.ts';
import type { CurveDetail } from '../../../src/ui/in-year/tsp-curve-editor.ts';

afterEach(() => document.body.replaceChildren());

async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]>,
): Promise<HTMLElementTagNameMap[K]> {
  const element = Object.assign(document.createElement(tag), props);
  document.body.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

function events<T>(element: HTMLElement, name: string): T[] {
  const seen: T[] = [];
  element.addEventListener(name, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

function type(element: HTMLElement, id: string, value: string): void {
  (element.querySelector(`#${id}`) as HTMLInputElement).value = value;
}

const TODAY = fixedClock('2026-12-03')();

const record: TransferRecord = {
  terms: {
    id: 't1',
    timePeriod: '202526',
    monthIndex: 6,
    from: {
      partnershipCode: 'S21',
      partnershipName: 'Sheffield Hallam University',
      subject: 'Physics',
    },
    to: { partnershipCode: 'S18', partnershipName: 'University of Sheffield', subject: 'Physics' },
    places: 2,
    expectedGain: 1.25,
    reason: 'S21 will not fill them.',
  },
  status: 'proposed',
  steps: [
    {
      seq: 2,
      at: '2025-03-31T10:00:00Z',
      actor: { name: 'Regional allocation manager', role: 'manager', partnershipCode: null },
      action: { type: 'propose', transfer: {} as TransferRecord['terms'] },
      why: 'S21 will not fill them.',
    } as LedgerEntry,
  ],
};

const buttonTexts = (element: HTMLElement) =>
  [...element.querySelectorAll('button')].map((b) => b.textContent!.replace(/:.*$/s, '').trim());

describe('tsp-return-entry', () => {
  it('sends the return as typed, and shows the core’s problems on their fields as what to do', async () => {
    const partnerships = [{ code: 'S21', name: 'Sheffield Hallam University' }];
    const form = await mount('tsp-return-entry', { timePeriod: '202526', partnerships });
    const sent = events<ReturnEntryDetail>(form, 'tsp-return-entry');
    for (const [column, value] of [
      ['allocation_count', '10'],
      ['applications_count', '12'],
      ['offers_count', 'six'],
      ['recruited_count', '4'],
      ['withdrawn_count', ''],
    ]) {
      type(form, `tsp-entry-${column}`, value!);
    }
    type(form, 'tsp-entry-time_identifier', 'March');
    type(form, 'tsp-entry-subject', 'Physics');
    form.querySelector('form')!.requestSubmit();
    const input = sent[0]!.input;
    expect(input).toEqual({
      timePeriod: '202526',
      month: 'March',
      partnershipCode: 'S21',
      partnershipName: 'Sheffield Hallam University',
      subject: 'Physics',
      allocation: '10',
      applications: '12',
      offers: 'six',
      recruited: '4',
      withdrawn: '',
    });
    // The page checks it with the CSV row's rules and hands back the problems.
    const result = enterReturn(EMPTY_RETURNS, input, { partnerships, today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    form.errors = result.issues;
    await form.updateComplete;
    const errorOf = (column: string) =>
      form.querySelector(`#tsp-entry-${column}-error`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(errorOf('offers_count')).toBe('Error: Enter a whole number of offers from 0 to 99,999');
    expect(errorOf('withdrawn_count')).toBe(
      'Error: Enter a whole number of withdrawals from 0 to 99,999',
    );
    expect(errorOf('recruited_count')).toBeUndefined();
  });
});

describe('tsp-transfer-card', () => {
  it('offers each role only its own steps', async () => {
    const card = await mount('tsp-transfer-card', {
      record,
      actingRole: 'donor',
      actingLabel: 'S21',
    });
    expect(buttonTexts(card)).toEqual(['Agree as donor (S21)', 'Decline']);
    card.actingRole = 'recipient';
    await card.updateComplete;
    expect(buttonTexts(card)).toEqual(['Decline']);
    card.actingRole = null;
    await card.updateComplete;
    expect(buttonTexts(card)).toEqual([]);
    expect(card.textContent).toContain('not a party to this transfer');
    card.record = { ...record, status: 'applied' };
    card.actingRole = 'manager';
    await card.updateComplete;
    expect(buttonTexts(card)).toEqual(['Undo']);
  });

  it('needs a reason to decline, then sends the step with it', async () => {
    const card = await mount('tsp-transfer-card', {
      record,
      actingRole: 'donor',
      actingLabel: 'S21',
    });
    const sent = events<TransferStepDetail>(card, 'tsp-transfer-step');
    const decline = [...card.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Decline'),
    )!;
    decline.click();
    await card.updateComplete;
    expect(sent).toEqual([]);
    expect(card.querySelector('.govuk-error-message')?.textContent).toContain(
      'Enter a reason to decline',
    );
    (card.querySelector('textarea') as HTMLTextAreaElement).value = 'We expect late applicants';
    decline.click();
    expect(sent).toEqual([
      { transferId: 't1', event: 'decline', why: 'We expect late applicants' },
    ]);
  });
});

describe('tsp-curve-editor', () => {
  const choice = {
    curves: [DEFAULT_RECRUITMENT_CURVE],
    description: 'Default curve (illustrative)',
  };

  it('shows the curve in use as percentages and refuses one that falls', async () => {
    const editor = await mount('tsp-curve-editor', { choice });
    const sent = events<CurveDetail>(editor, 'tsp-curve');
    expect((editor.querySelector('#tsp-curve-1') as HTMLInputElement).value).toBe('4');
    expect((editor.querySelector('#tsp-curve-6') as HTMLInputElement).value).toBe('50');
    type(editor, 'tsp-curve-6', '30');
    editor.querySelector('form')!.requestSubmit();
    expect(sent[0]!.shares).toBeNull();
    // February is 38%, so March at 30% falls; April (61%) is above March again.
    expect(sent[0]!.issues.map((i) => [i.column, i.message])).toEqual([
      ['March', "March: 30% is below the previous month's; shares are cumulative"],
    ]);
  });

  it('sends shares as fractions when the curve is good', async () => {
    const editor = await mount('tsp-curve-editor', { choice });
    const sent = events<CurveDetail>(editor, 'tsp-curve');
    type(editor, 'tsp-curve-1', '5');
    editor.querySelector('form')!.requestSubmit();
    expect(sent[0]!.issues).toEqual([]);
    expect(sent[0]!.shares![0]).toBeCloseTo(0.05, 12);
    expect(sent[0]!.shares![11]).toBe(1);
  });
});
