import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ImportKind } from '../data/imports.ts';
import { IMPORT_FILES } from '../data/registry/index.ts';
import type { DataIssue } from '../data/types.ts';
import { describeIssue } from '../data/issues.ts';

/** What the app root does with an imported file: the problems, or none when it was applied. */
export type ImportDataFile = (
  kind: ImportKind,
  text: string,
  fileName: string,
) => Promise<DataIssue[]>;

/**
 * "Bring your own data": upload an Explore Education Statistics CSV that replaces estimated
 * figures for this session. The file is checked first; on any problem the error summary names
 * file, row, column and reason, and the data in use stays as it was.
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
        { file: 'No file', row: null, column: null, message: 'select a CSV file to upload' },
      ];
    } else {
      this.issues = await this.importFile(kind, await file.text(), file.name);
      if (this.issues.length === 0) {
        this.applied = `${file.name} is now in use: ${IMPORT_FILES.find((file) => file.key === kind)?.title}. Figures from it are tagged “Your data”. Reloading the page returns to the embedded data.`;
      }
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('.govuk-error-summary, .govuk-notification-banner')?.focus();
  }

  protected override render(): TemplateResult {
    return html`
      ${
        this.issues.length > 0
          ? html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">
              <div role="alert">
                <h2 class="govuk-error-summary__title">The file was not used</h2>
                <div class="govuk-error-summary__body">
                  <p class="govuk-body">
                    Nothing has changed. Correct these problems and upload it again:
                  </p>
                  <ul class="govuk-list govuk-error-summary__list">
                    ${this.issues.map((issue) => html`<li><a href="#import-file">${describeIssue(issue)}</a></li>`)}
                  </ul>
                </div>
              </div>
            </div>`
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
        <div class="govuk-form-group ${this.issues.length > 0 ? 'govuk-form-group--error' : ''}">
          <label class="govuk-label" for="import-file"
            >Upload a CSV file (Explore Education Statistics format)</label
          >
          <input
            class="govuk-file-upload"
            id="import-file"
            name="import-file"
            type="file"
            accept=".csv,text/csv"
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
