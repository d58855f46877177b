import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { pageRange, rangeText } from '../tsp-pagination.ts';
import { tableRegion } from '../table-region.ts';

/** One area's row: the same numbers the map shows, plus any extra columns (e.g. z-scores). */
export interface AreaTableRow {
  code: string;
  name: string;
  districtName: string;
  value: number | null;
  /** The legend class the value falls in, as the legend words it. */
  classLabel: string;
  rank?: number | null;
  coldSpot?: boolean;
  extra?: readonly (number | null)[];
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? 'x'
    : numberFormat.format(value);

/** Id of an area's row, for a link from the selected-area summary. */
export const areaRowId = (code: string): string => `tsp-area-row-${code}`;

/** Id of the table's scrolling region, where the page links go. */
const REGION_ID = 'tsp-area-table-region';

/**
 * The table beside a map, with every number the map shows, a page of rows at a time: 1,146
 * LSOA rows in one table would take the browser hundreds of milliseconds to lay out, and
 * again for every change. The selected area's page is shown and its row marked (aria-current
 * and a tag), so it can be found by keyboard and screen-reader users alike; the map's CSV
 * download has every row.
 *
 * @summary Accessible table of a map's values, in pages.
 */
@customElement('tsp-area-table')
export class TspAreaTable extends LitElement {
  @property({ attribute: false }) rows: readonly AreaTableRow[] = [];
  @property() caption = '';
  @property() valueHeading = 'Value';
  @property({ attribute: false }) extraHeadings: readonly string[] = [];
  @property({ type: Boolean }) showRank = false;
  @property() selectedCode = '';
  @property({ type: Number }) pageSize = 50;
  @state() private page = 1;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('rows');
    // Other areas (a new geography level): back to the first page.
    if (previous && previous.length !== this.rows.length) this.page = 1;
    const selected = this.rows.findIndex((row) => row.code === this.selectedCode);
    if (selected >= 0 && (changed.has('selectedCode') || changed.has('rows'))) {
      this.page = Math.floor(selected / this.pageSize) + 1;
    }
    this.page = pageRange(this.rows.length, this.page, this.pageSize).page;
  }

  private async showPage(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    // Keyboard and screen-reader users land on the new rows.
    this.querySelector<HTMLElement>(`#${REGION_ID}`)?.focus();
  }

  protected override render(): TemplateResult {
    const numeric = 'govuk-table__header govuk-table__header--numeric';
    const range = pageRange(this.rows.length, this.page, this.pageSize);
    const shown = this.rows.slice(range.start, range.end);
    const paged = range.pageCount > 1;
    return html`
      ${
        paged
          ? html`<p class="govuk-body-s" id="${REGION_ID}-range" data-testid="map-table-range">
              ${rangeText(range)}
            </p>`
          : nothing
      }
      ${tableRegion(
        {
          label: this.caption,
          id: REGION_ID,
          describedBy: paged ? `${REGION_ID}-range` : undefined,
        },
        html`<table class="govuk-table" data-testid="map-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            ${this.caption}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              ${this.showRank ? html`<th scope="col" class=${numeric}>Rank (1 = coldest)</th>` : nothing}
              <th scope="col" class="govuk-table__header">Area</th>
              <th scope="col" class="govuk-table__header">Code</th>
              <th scope="col" class="govuk-table__header">District</th>
              <th scope="col" class=${numeric}>${this.valueHeading}</th>
              <th scope="col" class="govuk-table__header">Map class</th>
              ${this.showRank ? html`<th scope="col" class="govuk-table__header">Cold spot</th>` : nothing}
              ${this.extraHeadings.map((heading) => html`<th scope="col" class=${numeric}>${heading}</th>`)}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${repeat(
              shown,
              (row) => row.code,
              (row) => {
                const selected = row.code === this.selectedCode;
                return html`<tr
                  class="govuk-table__row"
                  id=${areaRowId(row.code)}
                  data-code=${row.code}
                  aria-current=${selected ? 'true' : nothing}
                >
                  ${
                    this.showRank
                      ? html`<td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                          ${formatNumber(row.rank)}
                        </td>`
                      : nothing
                  }
                  <th scope="row" class="govuk-table__header">
                    ${row.name}${selected ? html` <strong class="govuk-tag govuk-tag--blue">Selected</strong>` : nothing}
                  </th>
                  <td class="govuk-table__cell">${row.code}</td>
                  <td class="govuk-table__cell">${row.districtName}</td>
                  <td
                    class="govuk-table__cell govuk-table__cell--numeric tsp-numeric"
                    data-column="value"
                  >
                    ${formatNumber(row.value)}
                  </td>
                  <td class="govuk-table__cell">${row.classLabel}</td>
                  ${this.showRank ? html`<td class="govuk-table__cell">${row.coldSpot ? 'Yes' : 'No'}</td>` : nothing}
                  ${(row.extra ?? []).map(
                    (value) =>
                      html`<td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                        ${formatNumber(value)}
                      </td>`,
                  )}
                </tr>`;
              },
            )}
          </tbody>
        </table>`,
      )}
      <tsp-pagination
        page=${range.page}
        pageCount=${range.pageCount}
        label=${`Pages of the table: ${this.caption}`}
        target=${REGION_ID}
        @tsp-page=${(event: CustomEvent<{ page: number }>) => void this.showPage(event.detail.page)}
      ></tsp-pagination>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-area-table': TspAreaTable;
  }
}
