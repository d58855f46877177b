import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { School } from '../../data/types.ts';
import { formatCount, formatDecimal } from '../format.ts';
import { pageRange, rangeText } from '../tsp-pagination.ts';
import { tableRegion } from '../table-region.ts';

const progressFormat = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
/** Progress 8 is published to two decimal places; 'x' where not published. */
const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'x' : progressFormat.format(value);

const REGION_ID = 'tsp-school-table-region';

/**
 * The schools drawn on the map, as a table inside a GOV.UK details component (so hundreds of
 * rows do not push the map's own table down the page), a page of rows at a time so that
 * showing all 900 schools does not stall the page.
 *
 * @summary Table of the school points on a map, in pages.
 */
@customElement('tsp-school-table')
export class TspSchoolTable extends LitElement {
  @property({ attribute: false }) schools: readonly School[] = [];
  @property({ attribute: false }) districtNames: ReadonlyMap<string, string> = new Map();
  @property({ type: Number }) pageSize = 50;
  @state() private page = 1;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The page re-renders with a new list each time; only other schools go back to page 1.
    const previous = changed.get('schools');
    if (previous && previous.length !== this.schools.length) this.page = 1;
  }

  private async showPage(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#${REGION_ID}`)?.focus();
  }

  protected override render(): TemplateResult {
    const range = pageRange(this.schools.length, this.page, this.pageSize);
    const paged = range.pageCount > 1;
    return html`
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text"
            >Schools shown on the map (${this.schools.length})</span
          >
        </summary>
        <div class="govuk-details__text">
          ${
            paged
              ? html`<p class="govuk-body-s" id="${REGION_ID}-range">${rangeText(range)}</p>`
              : nothing
          }
          ${tableRegion(
            {
              label: 'Schools on the map',
              id: REGION_ID,
              describedBy: paged ? `${REGION_ID}-range` : undefined,
            },
            html`<table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">
                Schools on the map. Positions are postcode centroids; the GIAS 2018 extract has no
                names.
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">URN</th>
                  <th scope="col" class="govuk-table__header">Name</th>
                  <th scope="col" class="govuk-table__header">Phase</th>
                  <th scope="col" class="govuk-table__header">District</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    Pupils
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    KS4 2018/19 Attainment 8
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    KS4 2018/19 Progress 8
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${this.schools.slice(range.start, range.end).map(
                  (school) =>
                    html`<tr class="govuk-table__row">
                      <th scope="row" class="govuk-table__header">${school.urn}</th>
                      <td class="govuk-table__cell">${school.name ?? 'Not in the source'}</td>
                      <td class="govuk-table__cell">${school.phase}</td>
                      <td class="govuk-table__cell">
                        ${this.districtNames.get(school.districtCode) ?? school.districtCode}
                      </td>
                      <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                        ${formatCount(school.pupils)}
                      </td>
                      <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                        ${formatDecimal(school.ks4?.attainment8)}
                      </td>
                      <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                        ${formatScore(school.ks4?.progress8)}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )}
          <tsp-pagination
            page=${range.page}
            pageCount=${range.pageCount}
            label="Pages of the schools table"
            target=${REGION_ID}
            @tsp-page=${(event: CustomEvent<{ page: number }>) => void this.showPage(event.detail.page)}
          ></tsp-pagination>
        </div>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-school-table': TspSchoolTable;
  }
}
