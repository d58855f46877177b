import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatEesCsv, formatEesMeta, type EesTable } from '../data/ees.ts';
import { downloadText } from './download.ts';

/** A file's text and name, ready for downloadText. */
export interface DownloadFile {
  fileName: string;
  text: string;
}

/** A data file and its .meta.csv, made when the user asks for them. */
export type FilePair = () => readonly [DownloadFile, DownloadFile];

/** The CSV and .meta.csv of an EES table, named `<stem>.csv` and `<stem>.meta.csv`. */
export function eesFiles(stem: string, table: () => EesTable): FilePair {
  return () => {
    const made = table();
    return [
      { fileName: `${stem}.csv`, text: formatEesCsv(made) },
      { fileName: `${stem}.meta.csv`, text: formatEesMeta(made) },
    ];
  };
}

/**
 * Download buttons for a tidy CSV and its .meta.csv (the DfE chart | table | download
 * pattern). The files are built on click, so an unused download costs nothing.
 *
 * @summary CSV and metadata download buttons.
 */
@customElement('tsp-download')
export class TspDownload extends LitElement {
  /** What the file holds, in lower case, e.g. "NQT and trainee need". */
  @property() label = '';
  @property({ attribute: false }) files: FilePair | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private save(which: 0 | 1): void {
    const file = this.files?.()[which];
    if (file) downloadText(file.fileName, file.text);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.files) return nothing;
    return html`<div class="govuk-button-group">
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        @click=${() => this.save(0)}
      >
        Download ${this.label} (CSV)
      </button>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        @click=${() => this.save(1)}
      >
        Download ${this.label} metadata (.meta.csv)
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-download': TspDownload;
  }
}
