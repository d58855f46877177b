import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { formatCount } from './format.ts';

export type PaginationItem = number | 'ellipsis';

/** One page of a long table: which rows it shows (0-based, end exclusive). */
export interface PageRange {
  page: number;
  pageCount: number;
  start: number;
  end: number;
  total: number;
}

/** The page `page` of `total` rows, kept within the pages there are. */
export function pageRange(total: number, page: number, pageSize: number): PageRange {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (current - 1) * pageSize;
  return { page: current, pageCount, start, end: Math.min(total, start + pageSize), total };
}

/** "Rows 51 to 100 of 1,146." */
export const rangeText = ({ start, end, total }: PageRange): string =>
  `Rows ${formatCount(start + 1)} to ${formatCount(end)} of ${formatCount(total)}.`;

/**
 * The page numbers to offer, as GOV.UK's pagination guidance lays them out: the first and
 * last page, the current page and its neighbours, and an ellipsis for each gap of two or more.
 */
export function paginationItems(page: number, pageCount: number): PaginationItem[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  for (const number of shown) {
    const previous = items.at(-1);
    if (typeof previous === 'number' && number - previous === 2) items.push(previous + 1);
    else if (typeof previous === 'number' && number - previous > 2) items.push('ellipsis');
    items.push(number);
  }
  return items;
}

const arrow = (direction: 'prev' | 'next') =>
  html`<svg
    class="govuk-pagination__icon govuk-pagination__icon--${direction}"
    xmlns="http://www.w3.org/2000/svg"
    height="13"
    width="15"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 15 13"
  >
    <path
      d=${
        direction === 'prev'
          ? 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z'
          : 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z'
      }
    ></path>
  </svg>`;

/**
 * GOV.UK pagination for a long table shown a page at a time (markup from govuk-frontend's
 * fixtures). The links point at the table (`target`), so they work as ordinary in-page links;
 * a click asks the owner for the page instead of following them. Nothing shows for one page.
 *
 * @summary Page links for a long table.
 * @fires tsp-page - detail `{ page }`, the page asked for (1-based).
 */
@customElement('tsp-pagination')
export class TspPagination extends LitElement {
  @property({ type: Number }) page = 1;
  @property({ type: Number }) pageCount = 1;
  /** Accessible name of the navigation, e.g. "Pages of the LSOA table". */
  @property() label = 'Pagination';
  /** Id of the element the links go to. */
  @property() target = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private go(page: number) {
    return (event: Event) => {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('tsp-page', { detail: { page }, bubbles: true }));
    };
  }

  protected override render(): TemplateResult {
    const { page, pageCount } = this;
    if (pageCount <= 1) return html`${nothing}`;
    const href = `#${this.target}`;
    return html`<nav class="govuk-pagination" aria-label=${this.label}>
      ${
        page > 1
          ? html`<div class="govuk-pagination__prev">
              <a
                class="govuk-link govuk-pagination__link"
                href=${href}
                rel="prev"
                @click=${this.go(page - 1)}
                >${arrow('prev')}<span class="govuk-pagination__link-title"
                  >Previous<span class="govuk-visually-hidden"> page</span></span
                ></a
              >
            </div>`
          : nothing
      }
      <ul class="govuk-pagination__list">
        ${paginationItems(page, pageCount).map((item) =>
          item === 'ellipsis'
            ? html`<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>`
            : html`<li
                class="govuk-pagination__item ${
                  item === page ? 'govuk-pagination__item--current' : ''
                }"
              >
                <a
                  class="govuk-link govuk-pagination__link"
                  href=${href}
                  aria-label="Page ${item}"
                  aria-current=${item === page ? 'page' : nothing}
                  @click=${this.go(item)}
                  >${item}</a
                >
              </li>`,
        )}
      </ul>
      ${
        page < pageCount
          ? html`<div class="govuk-pagination__next">
              <a
                class="govuk-link govuk-pagination__link"
                href=${href}
                rel="next"
                @click=${this.go(page + 1)}
                ><span class="govuk-pagination__link-title"
                  >Next<span class="govuk-visually-hidden"> page</span></span
                >${arrow('next')}</a
              >
            </div>`
          : nothing
      }
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-pagination': TspPagination;
  }
}
