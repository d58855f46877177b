import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { District, Partnership } from '../../data/types.ts';
import { formatCount, formatPercent } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { partnershipReach } from '../../maps/overlays.ts';
import { tableRegion } from '../table-region.ts';

/**
 * The numbers behind a partnership's footprint and flow lines on the map: the share of its
 * NQTs going to each district and its training partners there.
 *
 * @summary Table of one partnership's reach across districts.
 */
@customElement('tsp-partnership-reach')
export class TspPartnershipReach extends LitElement {
  @property({ attribute: false }) partnership: Partnership | undefined;
  @property({ attribute: false }) districts: readonly District[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const partnership = this.partnership;
    if (!partnership) return nothing;
    const name = (code: string | null) =>
      code === null
        ? 'outside the region'
        : (this.districts.find((d) => d.code === code)?.name ?? code);
    const outside = partnership.employmentFootprint.outside;
    return html`
      ${tableRegion(
        { label: `Reach of ${partnership.name}` },
        html`<table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            Reach of ${partnership.name} (${partnership.type}), based in
            ${name(partnership.homeDistrictCode)}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">District</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Share of its NQTs
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Training partners
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${partnershipReach(partnership).map(
              (row) =>
                html`<tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">${name(row.districtCode)}</th>
                  <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                    ${formatPercent(row.share)}${provenanceTag(partnership.footprintProvenance)}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                    ${formatCount(row.partners)}
                  </td>
                </tr>`,
            )}
            ${
              outside !== undefined
                ? html`<tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">Outside the region</th>
                    <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                      ${formatPercent(outside)}${provenanceTag(partnership.footprintProvenance)}
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                      ${formatCount(partnership.trainingPartners.filter((p) => p.districtCode === null).length)}
                    </td>
                  </tr>`
                : nothing
            }
          </tbody>
        </table>`,
      )}
      <p class="govuk-body-s">How the NQT shares were found: ${partnership.footprintMethod}</p>
      ${
        partnership.homeDistrictCode === null
          ? html`<p class="govuk-body-s">
              Its lead provider is outside the region, so the map shows its reach but no flow lines.
            </p>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnership-reach': TspPartnershipReach;
  }
}
