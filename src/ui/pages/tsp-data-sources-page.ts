import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Provenance, RegionDataset } from '../../data/types.ts';
import { BOUNDARY_ATTRIBUTION, FILES_IN_DATA } from '../../data/registry/index.ts';
import { provenanceTag } from '../provenance-tag.ts';
import '../tsp-data-import.ts';
import type { ImportDataFile } from '../tsp-data-import.ts';
import { tableRegion } from '../table-region.ts';
import { methodNoteLink } from '../method-note.ts';
import { govukDetails } from '../details.ts';

/** Published and derived figures in words; estimated and illustrative ones with their tag. */
const provenanceLabel = (provenance: Provenance): TemplateResult =>
  provenance === 'published' || provenance === 'derived'
    ? html`<span class="govuk-!-display-block"
        >${provenance === 'published' ? 'Published' : 'Derived'}</span
      >`
    : html`${provenanceTag(provenance)}`;

/**
 * Every dataset the service uses, with its source, date, licence and whether its figures are
 * published, derived, estimated or illustrative: one row per file, its source and notes on demand.
 *
 * @summary The data sources page.
 */
@customElement('tsp-data-sources-page')
export class TspDataSourcesPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) importFile: ImportDataFile | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-l">Data sources</h1>
      <p class="govuk-body">
        Every figure the service shows by default comes from one of these files, kept in the
        repository’s
        <code>data/</code> folder. Figures marked <strong>Estimated</strong> are computed openly
        from published figures by the method given; figures marked <strong>Illustrative</strong> are
        made up for demonstration and must be replaced with real ones before any decision is taken.
        ${methodNoteLink('data', 'How figures are labelled')}.
      </p>
      ${tableRegion(
        { label: 'Datasets table' },
        html`<table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            Datasets (${FILES_IN_DATA.length})
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Dataset</th>
              <th scope="col" class="govuk-table__header">Figures</th>
              <th scope="col" class="govuk-table__header">Date</th>
              <th scope="col" class="govuk-table__header">Licence</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${FILES_IN_DATA.map(
              (source) =>
                html`<tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header tsp-dataset-cell">
                    ${source.title}
                    ${govukDetails(
                      'Source and notes',
                      html`<p class="govuk-body-s"><code>${source.path}</code></p>
                        <p class="govuk-body-s">${source.source}</p>
                        ${source.notes ? html`<p class="govuk-body-s">${source.notes}</p>` : ''}`,
                      {
                        classes: 'govuk-!-margin-bottom-0 govuk-!-margin-top-1',
                        hiddenSuffix: `for ${source.title}`,
                      },
                    )}
                  </th>
                  <td class="govuk-table__cell govuk-body-s">
                    ${source.provenance.map(provenanceLabel)}
                  </td>
                  <td class="govuk-table__cell govuk-body-s">${source.date}</td>
                  <td class="govuk-table__cell govuk-body-s">${source.licence}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      <h2 class="govuk-heading-m">Boundaries</h2>
      <p class="govuk-body">${BOUNDARY_ATTRIBUTION}</p>
      <h2 class="govuk-heading-m">Bring your own data</h2>
      <p class="govuk-body">
        Replace the estimated district teacher FTE with the School Workforce Census local authority
        file from Explore Education Statistics, or the pupil projections with your own. Every page
        then uses your figures for the rest of this visit.
      </p>
      <tsp-data-import .importFile=${this.importFile}></tsp-data-import>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-data-sources-page': TspDataSourcesPage;
  }
}
