import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { tableRegion } from '../table-region.ts';

/**
 * The region's districts with their pupils and teachers, folded away under the headline
 * figures: background for the numbers above, not the answer.
 *
 * @summary The loaded region's districts.
 */
@customElement('tsp-region-districts')
export class TspRegionDistricts extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const dataset = this.region;
    if (!dataset) return nothing;
    const baseline = (districtCode: string, phase: 'primary' | 'secondary') =>
      dataset.baselines.find((row) => row.districtCode === districtCode && row.phase === phase);
    return html`<details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          The region's ${dataset.districts.length} districts and ${dataset.partnerships.length} ITT
          partnerships
        </span>
      </summary>
      <div class="govuk-details__text">
        <p class="govuk-body">
          Base year ${dataset.baseYear}. Figures marked <strong>estimated</strong> are computed from
          published figures by the method on the
          <a class="govuk-link" href="/data-sources" data-route>data sources</a> page.
        </p>
        ${tableRegion(
          { label: 'Districts table' },
          html`<table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">
              Districts of the region, base year ${dataset.baseYear}
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">District</th>
                <th scope="col" class="govuk-table__header">GSS code</th>
                <th scope="col" class="govuk-table__header">Education authority</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Primary pupils
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Secondary pupils
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Teacher FTE
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${dataset.districts.map((district) => {
                const primary = baseline(district.code, 'primary');
                const secondary = baseline(district.code, 'secondary');
                const fte = (primary?.teacherFte ?? 0) + (secondary?.teacherFte ?? 0);
                return html`<tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">${district.name}</th>
                  <td class="govuk-table__cell">${district.code}</td>
                  <td class="govuk-table__cell">
                    ${district.educationLaName} (${district.educationLaNumber})
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                    ${formatCount(primary?.pupils)}${provenanceTag(primary?.pupilsProvenance)}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                    ${formatCount(secondary?.pupils)}${provenanceTag(secondary?.pupilsProvenance)}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric tsp-numeric">
                    ${primary || secondary ? formatCount(fte) : 'x'}${provenanceTag(primary?.teacherFteProvenance)}
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`,
        )}
      </div>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-region-districts': TspRegionDistricts;
  }
}
