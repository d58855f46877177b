import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatEesCsv, formatEesMeta, type EesTable } from '../../data/ees.ts';
import { downloadText } from '../download.ts';

/**
 * Download buttons for an EES tidy CSV and its .meta.csv, built on click (the DfE
 * chart | table | download pattern).
 *
 * @summary CSV and metadata download buttons.
 */
@customElement('tsp-allocation-download')
export class TspAllocationDownload extends LitElement {
  /** What the file holds, in lower case, e.g. "places by subject". */
  @property() label = '';
  /** File name without `.csv`. */
  @property() stem = '';
  @property({ attribute: false }) table: (() => EesTable) | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private save(meta: boolean): void {
    if (!this.table) return;
    const table = this.table();
    if (meta) downloadText(`${this.stem}.meta.csv`, formatEesMeta(table));
    else downloadText(`${this.stem}.csv`, formatEesCsv(table));
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.table) return nothing;
    return html`<div class="govuk-button-group">
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        @click=${() => this.save(false)}
      >
        Download ${this.label} (CSV)
      </button>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        @click=${() => this.save(true)}
      >
        Download ${this.label} metadata (.meta.csv)
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-download': TspAllocationDownload;
  }
}
