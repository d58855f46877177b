import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { School } from '../../data/types.ts';
import { formatCount, formatDecimal } from '../format.ts';

const progressFormat = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
/** Progress 8 is published to two decimal places; 'x' where not published. */
const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'x' : progressFormat.format(value);

/**
 * The schools drawn on the map, as a table inside a GOV.UK details component (so hundreds of
 * rows do not push the map's own table down the page).
 *
 * @summary Table of the school points on a map.
 */
@customElement('tsp-school-table')
export class TspSchoolTable extends LitElement {
  @property({ attribute: false }) schools: readonly School[] = [];
  @property({ attribute: false }) districtNames: ReadonlyMap<string, string> = new Map();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text"
            >Schools shown on the map (${this.schools.length})</span
          >
        </summary>
        <div
          class="govuk-details__text tsp-table-wrapper"
          tabindex="0"
          role="region"
          aria-label="Schools on the map"
        >
          <table class="govuk-table">
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
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Pupils</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  KS4 2018/19 Attainment 8
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  KS4 2018/19 Progress 8
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${this.schools.map(
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
          </table>
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
