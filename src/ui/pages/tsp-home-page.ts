import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';

/**
 * The start page: what the service is for, who uses it, and the region it has loaded.
 *
 * @summary Overview of the service and the loaded region.
 */
@customElement('tsp-home-page')
export class TspHomePage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-xl">Teacher Supply Planner</h1>
      <p class="govuk-body-l">
        Plan the supply of new teachers in a region: forecast the need for newly qualified teachers,
        allocate initial teacher training (ITT) places across provider partnerships, move unfilled
        places in year, and see where the cold spots are.
      </p>
      <h2 class="govuk-heading-m">Who it is for</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          <a class="govuk-link" href="/allocation" data-route>Regional allocation managers</a>
          sharing ITT places and
          <a class="govuk-link" href="/in-year" data-route>redistributing unfilled places</a>
        </li>
        <li>
          <a class="govuk-link" href="/scenarios" data-route>DfE and regional analysts</a> running
          scenarios
        </li>
        <li>
          <a class="govuk-link" href="/partnerships" data-route>ITT partnership leads</a>
          forecasting NQT demand over a rolling three years
        </li>
      </ul>
      ${this.renderRegion()}
    `;
  }

  private renderRegion(): TemplateResult {
    const dataset = this.region;
    if (!dataset) return html`<p class="govuk-body" role="status">Loading the region’s data…</p>`;
    const baseline = (districtCode: string, phase: 'primary' | 'secondary') =>
      dataset.baselines.find((row) => row.districtCode === districtCode && row.phase === phase);
    return html`
      <h2 class="govuk-heading-m">${dataset.regionName}</h2>
      <p class="govuk-body">
        ${dataset.districts.length} districts, ${dataset.partnerships.length} ITT provider
        partnerships. Base year ${dataset.baseYear}. Pupil and teacher figures marked
        <strong>estimated</strong> are computed from published figures by the method on the
        <a class="govuk-link" href="/data-sources" data-route>data sources</a> page.
      </p>
      <div class="tsp-table-wrapper" tabindex="0" role="region" aria-label="Districts table">
        <table class="govuk-table">
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
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-home-page': TspHomePage;
  }
}
