import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  amalgamate,
  exportSubmission,
  partnershipForecast,
  shareWeights,
  type IntelligenceState,
} from '../../../src/partnerships/index.ts';
import '../../../src/ui/partnerships/tsp-amalgamation-table.ts';
import '../../../src/ui/partnerships/tsp-intelligence-form.ts';
import '../../../src/ui/partnerships/tsp-partner-schools.ts';
import '../../../src/ui/partnerships/tsp-submission-upload.ts';
import type { SubmissionsChange } from '../../../src/ui/partnerships/tsp-submission-upload.ts';
import {
  HAND_ASSIGNMENT,
  HAND_NEED,
  HAND_PARTNERSHIPS,
  HAND_SCHOOLS,
} from '../../fixtures/partnerships/hand-case.ts';
import { HAND_CONTEXT } from '../../fixtures/partnerships/intelligence-context.ts';
import { academicYear } from '../../../src/data/academic-year.ts';

const weights = shareWeights(HAND_ASSIGNMENT, HAND_SCHOOLS);
const P1 = HAND_PARTNERSHIPS[0]!;

afterEach(() => {
  document.body.replaceChildren();
});

async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]>,
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

function events<T>(type: string): T[] {
  const seen: T[] = [];
  document.body.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

function setValue(root: ParentNode, selector: string, value: string): void {
  const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (control === null) throw new Error(`no ${selector}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Sets files on a file input as a user would and fires change; waits for the handler. */
async function chooseFiles(input: HTMLInputElement, files: File[]): Promise<void> {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
  // The handler reads each file asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('tsp-intelligence-form', () => {
  it('refuses an FTE that is not a number with a focused error summary, and sends nothing', async () => {
    const added = events<{ state: IntelligenceState }>('tsp-intelligence-change');
    const form = await mount('tsp-intelligence-form', {
      partnership: { ...P1 },
      context: HAND_CONTEXT,
    });
    setValue(form, '#tsp-intelligence-schoolUrn', '1');
    setValue(form, '#tsp-intelligence-subject', 'Primary');
    setValue(form, '#tsp-intelligence-year', academicYear('2026/27'));
    setValue(form, '#tsp-intelligence-kind', 'retirement');
    setValue(form, '#tsp-intelligence-fteChange', 'one');
    setValue(form, '#tsp-intelligence-author', 'A. Head');
    setValue(form, '#tsp-intelligence-reason', 'Retires');
    form.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await form.updateComplete;
    await form.querySelector('tsp-error-summary')?.updateComplete;
    const summary = form.querySelector('.govuk-error-summary');
    expect(summary?.textContent).toContain(
      'Enter an FTE change from -100 to 100, with up to 2 decimal places, such as 1 or -0.5',
    );
    expect(summary?.querySelector('a')?.getAttribute('href')).toBe('#tsp-intelligence-fteChange');
    await vi.waitFor(() => expect(document.activeElement).toBe(summary));
    expect(form.querySelector('#tsp-intelligence-fteChange')?.className).toContain(
      'govuk-input--error',
    );
    expect(added).toEqual([]);
  });

  it('adds a valid entry as P1-1 and keeps who entered it for the next one', async () => {
    const added = events<{ state: IntelligenceState; message: string }>('tsp-intelligence-change');
    const form = await mount('tsp-intelligence-form', {
      partnership: { ...P1 },
      context: HAND_CONTEXT,
    });
    setValue(form, '#tsp-intelligence-schoolUrn', '3');
    setValue(form, '#tsp-intelligence-subject', 'Mathematics');
    setValue(form, '#tsp-intelligence-year', academicYear('2027/28'));
    setValue(form, '#tsp-intelligence-kind', 'leaver');
    setValue(form, '#tsp-intelligence-fteChange', '-0.5');
    setValue(form, '#tsp-intelligence-author', 'S. Patel');
    setValue(form, '#tsp-intelligence-reason', 'Part-time return');
    form.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await form.updateComplete;
    expect(form.querySelector('.govuk-error-summary')).toBeNull();
    expect(added).toHaveLength(1);
    expect(added[0]?.state.entries).toMatchObject([
      {
        id: 'P1-1',
        schoolUrn: '3',
        subject: 'Mathematics',
        year: academicYear('2027/28'),
        fteChange: -0.5,
      },
    ]);
    expect(added[0]?.message).toContain('-0.5 FTE');
    expect(form.querySelector<HTMLInputElement>('#tsp-intelligence-author')?.value).toBe(
      'S. Patel',
    );
    expect(form.querySelector<HTMLInputElement>('#tsp-intelligence-fteChange')?.value).toBe('');
    expect(form.querySelector<HTMLTextAreaElement>('#tsp-intelligence-reason')?.value).toBe('');
    expect(form.querySelector<HTMLSelectElement>('#tsp-intelligence-kind')?.value).toBe('');
  });
});

describe('tsp-submission-upload', () => {
  const p1Forecast = partnershipForecast(
    'P1',
    weights,
    HAND_NEED,
    new Map([['Primary|2026/27', 1]]),
  );
  const good = exportSubmission(
    P1,
    [
      {
        id: 'P1-1',
        partnershipCode: 'P1',
        schoolUrn: '1',
        subject: 'Primary',
        year: academicYear('2026/27'),
        kind: 'retirement',
        fteChange: 1,
        author: 'A. Head',
        reason: 'Retires',
        enteredAt: '2026-01-15T09:30:00.000Z',
      },
    ],
    p1Forecast,
  );
  const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

  it('loads nothing when one of two files is bad, and names the bad file, row and column', async () => {
    const changes = events<SubmissionsChange>('tsp-submissions-change');
    const upload = await mount('tsp-submission-upload', { context: HAND_CONTEXT });
    const bad = good.csv.replace('2026-01-15T09:30:00.000Z', 'last Tuesday');
    await chooseFiles(upload.querySelector('input[type=file]')!, [
      file(good.fileName, good.csv),
      file('bad.csv', bad),
    ]);
    await upload.updateComplete;
    await upload.querySelector('tsp-error-summary')?.updateComplete;
    expect(changes).toEqual([]);
    const summary = upload.querySelector('.govuk-error-summary')?.textContent ?? '';
    expect(summary).toContain('None of the 2 files was used: nothing has changed');
    // Header row 1, then the 2 forecast rows of the hand case, then the entry on row 4.
    expect(summary).toContain('bad.csv, line 4, column entered_at');
  });

  it('loads a good file (skipping its .meta.csv) and reports the entries it holds', async () => {
    const changes = events<SubmissionsChange>('tsp-submissions-change');
    const upload = await mount('tsp-submission-upload', { context: HAND_CONTEXT });
    await chooseFiles(upload.querySelector('input[type=file]')!, [
      file(good.fileName, good.csv),
      file(good.metaFileName, good.metaCsv),
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.state.entries.map((e) => e.id)).toEqual(['P1-1']);
    expect(changes[0]?.submissions).toMatchObject([
      { partnershipCode: 'P1', fileName: good.fileName, entryCount: 1 },
    ]);
    expect(changes[0]?.message).toContain('Skipped 1 metadata file');
  });
});

describe('tsp-amalgamation-table on the hand-made case', () => {
  it('shows P1, P2, P3, the pool and the total, and the reconciliation line 16.0 = 16.0 for Primary', async () => {
    const entries = [
      {
        id: 'P1-1',
        partnershipCode: 'P1',
        schoolUrn: '1',
        subject: 'Primary' as const,
        year: academicYear('2026/27'),
        kind: 'retirement' as const,
        fteChange: 1,
        author: 'A. Head',
        reason: 'Retires',
        enteredAt: '2026-01-15T09:30:00.000Z',
      },
    ];
    const table = await mount('tsp-amalgamation-table', {
      amalgamation: amalgamate(HAND_PARTNERSHIPS, weights, HAND_NEED, entries),
      assignment: HAND_ASSIGNMENT,
    });
    setValue(table, '#tsp-amalgamation-subject', 'Primary');
    await table.updateComplete;
    await (table.querySelector('tsp-table') as unknown as { updateComplete: Promise<unknown> })
      .updateComplete;
    const rows = [...table.querySelectorAll('tsp-table tbody tr')].map((row) =>
      row.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toEqual([
      'Partnership P1 Your data',
      'Partnership P2 Your data',
      'Partnership P3 Your data',
      'Pool: schools not engaged with any partnership',
      'Regional total',
    ]);
    // Primary 2026/27: P1 4 + P2 6 + P3 0 + pool 6 = 16 = E1 10 + E2 6; request 16 + 1 = 17.
    const line = table.querySelector('[data-testid="reconciliation"]')?.textContent ?? '';
    expect(line.replace(/\s+/g, ' ')).toContain('Total equals the regional forecast: 16.0 = 16.0');
    expect(line.replace(/\s+/g, ' ')).toContain('the regional request is 17.0');
    expect(table.textContent).toContain('All 3 subject and year cells reconcile');
  });
});

describe('tsp-partner-schools', () => {
  it('refuses a list with an unknown school, then accepts a good one as the partnership’s own', async () => {
    const changes = events<{ assignment: typeof HAND_ASSIGNMENT; message: string }>(
      'tsp-partner-schools-change',
    );
    const element = await mount('tsp-partner-schools', {
      partnership: P1,
      partnerships: HAND_PARTNERSHIPS,
      schools: HAND_SCHOOLS,
      assignment: HAND_ASSIGNMENT,
    });
    const input = element.querySelector<HTMLInputElement>('input[type=file]')!;
    const list = (rows: string) =>
      new File([`partnership_code,school_urn,share\n${rows}`], 'list.csv', { type: 'text/csv' });
    await chooseFiles(input, [list('P1,1,z\nP1,99,z\n')]);
    await element.updateComplete;
    // The file is named once, in the title; the item says where, what is wrong and what to do.
    await element.querySelector('tsp-error-summary')?.updateComplete;
    const summary = element.querySelector('.govuk-error-summary')?.textContent ?? '';
    expect(summary).toContain('list.csv was not used: nothing has changed');
    expect(summary).toContain(
      'Line 3, column school_urn: "99" is not the URN of a school in the region. Enter the URN',
    );
    expect(changes).toEqual([]);
    // P1 takes s1 and s2 (E1 primary, 200 + 300 pupils); its shared secondary s3 is dropped.
    await chooseFiles(input, [list('P1,1,z\nP1,2,z\n')]);
    expect(changes).toHaveLength(1);
    const links = changes[0]?.assignment.links.filter((l) => l.partnershipCode === 'P1');
    expect(links?.map((l) => [l.schoolUrn, l.provenance])).toEqual([
      ['1', 'imported'],
      ['2', 'imported'],
    ]);
    expect(changes[0]?.message).toContain('2 partner schools for P1');
  });
});
