import { afterEach, describe, expect, it } from 'vitest';
import { pageRange, paginationItems, rangeText } from '../../../src/ui/tsp-pagination.ts';
import '../../../src/ui/maps/tsp-area-table.ts';
import type { AreaTableRow } from '../../../src/ui/maps/tsp-area-table.ts';

afterEach(() => document.body.replaceChildren());

describe('page numbers', () => {
  it('shows the first, last, current and neighbouring pages, with ellipses for gaps', () => {
    expect(paginationItems(1, 1)).toEqual([1]);
    expect(paginationItems(1, 3)).toEqual([1, 2, 3]);
    expect(paginationItems(1, 23)).toEqual([1, 2, 'ellipsis', 23]);
    expect(paginationItems(12, 23)).toEqual([1, 'ellipsis', 11, 12, 13, 'ellipsis', 23]);
    // A gap of one page shows that page rather than an ellipsis.
    expect(paginationItems(4, 23)).toEqual([1, 2, 3, 4, 5, 'ellipsis', 23]);
    expect(paginationItems(23, 23)).toEqual([1, 'ellipsis', 22, 23]);
  });

  it('keeps a page within the pages there are and says which rows it holds', () => {
    // 1,146 rows at 50 a page: 23 pages, the last holding rows 1,101 to 1,146.
    expect(pageRange(1146, 23, 50)).toEqual({
      page: 23,
      pageCount: 23,
      start: 1100,
      end: 1146,
      total: 1146,
    });
    expect(pageRange(1146, 99, 50).page).toBe(23);
    expect(pageRange(1146, 0, 50).page).toBe(1);
    expect(pageRange(0, 1, 50)).toEqual({ page: 1, pageCount: 1, start: 0, end: 0, total: 0 });
    expect(rangeText(pageRange(1146, 2, 50))).toBe('Rows 51 to 100 of 1,146.');
  });
});

const rows: AreaTableRow[] = Array.from({ length: 120 }, (_, i) => ({
  code: `A${String(i).padStart(3, '0')}`,
  name: `Area ${i}`,
  districtName: 'D',
  value: i,
  classLabel: 'c',
}));

async function table(selectedCode = '') {
  const element = document.createElement('tsp-area-table');
  element.rows = rows;
  element.caption = 'Test areas';
  element.selectedCode = selectedCode;
  document.body.append(element);
  await element.updateComplete;
  const pagination = element.querySelector('tsp-pagination')!;
  await pagination.updateComplete;
  return element;
}

const shownCodes = (element: HTMLElement) =>
  [...element.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-code'));

describe('tsp-area-table in pages', () => {
  it('shows 50 rows and GOV.UK page links, the current page marked', async () => {
    const element = await table();
    expect(shownCodes(element)).toHaveLength(50);
    expect(shownCodes(element)[0]).toBe('A000');
    const nav = element.querySelector('nav.govuk-pagination')!;
    expect(nav.getAttribute('aria-label')).toBe('Pages of the table: Test areas');
    const current = nav.querySelector('[aria-current="page"]')!;
    expect(current.textContent!.trim()).toBe('1');
    expect(nav.querySelector('[rel="prev"]')).toBeNull();
    expect(nav.querySelectorAll('.govuk-pagination__item')).toHaveLength(3);
  });

  it('moves to the page asked for and puts focus on the table', async () => {
    const element = await table();
    element.querySelector<HTMLAnchorElement>('a[rel="next"]')!.click();
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shownCodes(element)[0]).toBe('A050');
    expect(element.querySelector('[data-testid="map-table-range"]')!.textContent!.trim()).toBe(
      'Rows 51 to 100 of 120.',
    );
    expect(document.activeElement?.getAttribute('role')).toBe('region');
  });

  it('opens on the page of the selected area, its row marked', async () => {
    const element = await table('A101');
    expect(shownCodes(element)[0]).toBe('A100');
    expect(element.querySelector('tr[aria-current="true"]')!.getAttribute('data-code')).toBe(
      'A101',
    );
  });
});
