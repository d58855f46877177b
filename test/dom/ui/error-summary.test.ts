import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataIssue } from '../../../src/data/types.ts';
import { fileIssueReport } from '../../../src/ui/file-issues.ts';
import '../../../src/ui/tsp-error-summary.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const issue = (file: string, row: number | null, column: string | null): DataIssue => ({
  file,
  row,
  column,
  message: '"x" is not a number written in digits',
  fix: 'Enter a number of places from 0 to 99,999',
});

describe('fileIssueReport', () => {
  it('names one refused file once, in the title, and says what to do in each item and at the field', () => {
    const report = fileIssueReport(
      [issue('returns.csv', 2, 'recruited_count'), issue('returns.csv', 5, null)],
      'upload',
    );
    expect(report).toEqual({
      heading: 'returns.csv was not used: nothing has changed',
      items: [
        {
          text: 'Line 2, column recruited_count: "x" is not a number written in digits. Enter a number of places from 0 to 99,999',
          href: '#upload',
        },
        {
          text: 'Line 5: "x" is not a number written in digits. Enter a number of places from 0 to 99,999',
          href: '#upload',
        },
      ],
      fieldError: 'returns.csv has 2 problems: correct the file and upload it again',
    });
  });

  it('names the file in each item when several files were chosen together', () => {
    const report = fileIssueReport([issue('b.csv', 4, 'entered_at')], 'upload', 3);
    expect(report.heading).toBe('None of the 3 files was used: nothing has changed');
    expect(report.items[0]!.text).toBe(
      'b.csv, line 4, column entered_at: "x" is not a number written in digits; enter a number of places from 0 to 99,999',
    );
    expect(report.fieldError).toBe(
      'b.csv has problems, listed above: correct them and upload the files again',
    );
  });

  it('says what to do with the field when no file was read', () => {
    const report = fileIssueReport(
      [{ file: '', row: null, column: null, message: 'no file is chosen', fix: 'Select a file' }],
      'upload',
    );
    expect(report.heading).toBe('There is a problem');
    expect(report.items).toEqual([{ text: 'Select a file', href: '#upload' }]);
    expect(report.fieldError).toBe('Select a file');
  });
});

describe('tsp-error-summary', () => {
  async function mount(): Promise<HTMLElementTagNameMap['tsp-error-summary']> {
    document.body.innerHTML = '<input id="field-a" /><button id="other">Other</button>';
    const summary = document.createElement('tsp-error-summary');
    document.body.append(summary);
    await summary.updateComplete;
    return summary;
  }

  it('takes focus for new errors, not when its owner re-renders the same ones', async () => {
    const summary = await mount();
    summary.items = [{ text: 'Enter a number', href: '#field-a' }];
    await vi.waitFor(() =>
      expect(document.activeElement?.classList.contains('govuk-error-summary')).toBe(true),
    );
    const other = document.getElementById('other')!;
    other.focus();
    // The owner re-renders: a new array with the same errors.
    summary.items = [{ text: 'Enter a number', href: '#field-a' }];
    await summary.updateComplete;
    expect(document.activeElement).toBe(other);
    // Different errors: focus moves to the summary again.
    summary.items = [{ text: 'Enter a whole number', href: '#field-a' }];
    await vi.waitFor(() =>
      expect(document.activeElement?.classList.contains('govuk-error-summary')).toBe(true),
    );
  });

  it('moves focus to the field when an item is followed, leaving the address alone', async () => {
    const summary = await mount();
    summary.items = [{ text: 'Enter a number', href: '#field-a' }];
    await summary.updateComplete;
    const before = location.href;
    summary.querySelector('a')!.click();
    expect(document.activeElement?.id).toBe('field-a');
    expect(location.href).toBe(before);
  });
});
