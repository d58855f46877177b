import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ImportKind } from '../data/imports.ts';
import { IMPORT_FILES } from '../data/registry/index.ts';
import type { DataIssue } from '../data/types.ts';
import type { FileContent } from '../data/utf8.ts';
import { fileIssueReport } from './file-issues.ts';
import { fileBytes } from './upload.ts';
import './tsp-error-summary.ts';

/** What the app root does with an imported file: the problems, or none when it was applied. */
export type ImportDataFile = (
  kind: ImportKind,
  content: FileContent,
  fileName: string,
) => Promise<DataIssue[]>;

const FILE_INPUT_ID = 'import-file';

/**
 * "Bring your own data": upload an Explore Education Statistics CSV that replaces estimated
 * figures for this session. The file is checked first; on any problem a GOV.UK error summary
 * lists each one (line, column, what is wrong and what to do) linking to the upload field,
 * which shows its own error message, and the data in use stays as it was.
 *
 * @summary Upload of a user's data file.
 */
@customElement('tsp-data-import')
export class TspDataImport extends LitElement {
  @property({ attribute: false }) importFile: ImportDataFile | undefined;
  @state() private issues: DataIssue[] = [];
  @state() private applied: string | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const kind = (form.elements.namedItem('import-kind') as RadioNodeList).value as ImportKind;
    const file = (form.elements.namedItem('import-file') as HTMLInputElement).files?.[0];
    this.applied = undefined;
    if (!file || !this.importFile) {
      this.issues = [
        {
          file: '',
          row: null,
          column: null,
          message: 'no file is chosen',
          fix: 'Select a CSV file',
        },
      ];
    } else {
      this.issues = await this.importFile(kind, await fileBytes(file), file.name);
      if (this.issues.length === 0) {
        this.applied = `${file.name} is now in use: ${IMPORT_FILES.find((file) => file.key === kind)?.title}. Figures from it are tagged “Your data”. Reloading the page returns to the embedded data.`;
      }
    }
    // GOV.UK: after each submit, focus lands on the error summary or the success banner.
    await this.updateComplete;
    const summary = this.querySelector('tsp-error-summary');
    if (summary !== null) await summary.focusSummary();
    else this.querySelector<HTMLElement>('.govuk-notification-banner')?.focus();
  }

  protected override render(): TemplateResult {
    const invalid = this.issues.length > 0;
    const report = fileIssueReport(this.issues, FILE_INPUT_ID);
    return html`
      ${
        invalid
          ? html`<tsp-error-summary
              .heading=${report.heading}
              .items=${report.items}
            ></tsp-error-summary>`
          : nothing
      }
      ${
        this.applied
          ? html`<div
              class="govuk-notification-banner govuk-notification-banner--success"
              role="alert"
              tabindex="-1"
            >
              <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title">Success</h2>
              </div>
              <div class="govuk-notification-banner__content">
                <p class="govuk-body">${this.applied}</p>
              </div>
            </div>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit}>
        <div class="govuk-form-group">
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              What the file holds
            </legend>
            <div class="govuk-radios" data-module="govuk-radios">
              ${IMPORT_FILES.map(
                ({ key: kind, title: label, hint }, index) =>
                  html`<div class="govuk-radios__item">
                    <input
                      class="govuk-radios__input"
                      id="import-kind-${kind}"
                      name="import-kind"
                      type="radio"
                      value=${kind}
                      ?checked=${index === 0}
                      aria-describedby="import-kind-${kind}-hint"
                    />
                    <label class="govuk-label govuk-radios__label" for="import-kind-${kind}"
                      >${label}</label
                    >
                    <div id="import-kind-${kind}-hint" class="govuk-hint govuk-radios__hint">
                      ${hint}
                    </div>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        <div class="govuk-form-group ${invalid ? 'govuk-form-group--error' : ''}">
          <label class="govuk-label" for=${FILE_INPUT_ID}
            >Upload a CSV file (Explore Education Statistics format)</label
          >
          ${
            invalid
              ? html`<p class="govuk-error-message" id="${FILE_INPUT_ID}-error">
                  <span class="govuk-visually-hidden">Error:</span> ${report.fieldError}
                </p>`
              : nothing
          }
          <input
            class="govuk-file-upload ${invalid ? 'govuk-file-upload--error' : ''}"
            id=${FILE_INPUT_ID}
            name=${FILE_INPUT_ID}
            type="file"
            accept=".csv,text/csv"
            aria-describedby=${invalid ? `${FILE_INPUT_ID}-error` : nothing}
          />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">Use this file</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-data-import': TspDataImport;
  }
}
