import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DataIssue } from '../../data/types.ts';
import { fileBytes } from '../upload.ts';
import {
  importSubmission,
  type IntelligenceContext,
  type IntelligenceState,
} from '../../partnerships/index.ts';
import type { LoadedSubmission } from '../../storage/partnership-store.ts';
import { emit } from './view-helpers.ts';
import { fileIssueReport } from '../file-issues.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';
import '../tsp-error-summary.ts';

const INPUT_ID = 'tsp-submission-files';

export interface SubmissionsChange {
  state: IntelligenceState;
  submissions: LoadedSubmission[];
  message: string;
}

/**
 * The manager's upload of partnerships' submission files. All chosen files are checked
 * before anything changes: if any file has a problem, none is loaded and every problem is
 * listed with its file, row, column and reason. A partnership's new file replaces its
 * earlier one. Metadata files (.meta.csv) chosen with them are skipped.
 *
 * @summary Upload of submission files with validation.
 * @fires tsp-submissions-change - detail `SubmissionsChange`: files were loaded.
 */
@customElement('tsp-submission-upload')
export class TspSubmissionUpload extends LitElement {
  @property({ attribute: false }) context: IntelligenceContext | undefined;
  @property({ attribute: false }) intelligence: IntelligenceState = { entries: [] };
  @property({ attribute: false }) submissions: readonly LoadedSubmission[] = [];

  @state() private issues: DataIssue[] = [];
  /** How many data files the refused upload held (all are refused when one is). */
  @state() private chosen = 1;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async onFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const context = this.context;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (context === undefined || files.length === 0) return;
    const dataFiles = files.filter((file) => !file.name.toLowerCase().endsWith('.meta.csv'));
    const skipped = files.length - dataFiles.length;
    let intelligence = this.intelligence;
    const byPartnership = new Map(this.submissions.map((s) => [s.partnershipCode, s]));
    const issues: DataIssue[] = [];
    const loaded: string[] = [];
    for (const file of dataFiles) {
      const result = importSubmission(intelligence, await fileBytes(file), file.name, context);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      intelligence = result.state;
      byPartnership.set(result.partnershipCode, {
        partnershipCode: result.partnershipCode,
        fileName: file.name,
        loadedAt: new Date().toISOString(),
        entryCount: result.entries.length,
        forecast: result.forecast,
      });
      loaded.push(
        `${file.name} (${result.partnershipCode}, ${result.entries.length} ${result.entries.length === 1 ? 'entry' : 'entries'})`,
      );
    }
    if (issues.length > 0 || dataFiles.length === 0) {
      this.issues =
        issues.length > 0
          ? issues
          : [
              {
                file: files[0]?.name ?? '',
                row: null,
                column: null,
                message: 'this is a metadata file (.meta.csv)',
                fix: 'Choose the submission CSV itself, not its .meta.csv file',
              },
            ];
      this.chosen = Math.max(1, dataFiles.length);
      await this.updateComplete;
      await this.querySelector('tsp-error-summary')?.focusSummary();
      return;
    }
    this.issues = [];
    emit<SubmissionsChange>(this, 'tsp-submissions-change', {
      state: intelligence,
      submissions: [...byPartnership.values()].sort((a, b) =>
        a.partnershipCode.localeCompare(b.partnershipCode),
      ),
      message: `Loaded ${loaded.join(', ')}.${skipped > 0 ? ` Skipped ${skipped} metadata file${skipped === 1 ? '' : 's'}.` : ''} The amalgamation now includes them.`,
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.context === undefined) return nothing;
    const invalid = this.issues.length > 0;
    const report = fileIssueReport(this.issues, INPUT_ID, this.chosen);
    const uploadError = invalid ? report.fieldError : undefined;
    return html`
      ${
        invalid
          ? html`<tsp-error-summary
              .heading=${report.heading}
              .items=${report.items}
            ></tsp-error-summary>`
          : nothing
      }
      ${govukField(
        {
          id: INPUT_ID,
          label: 'Upload partnership submissions (CSV)',
          labelClass: 'govuk-label--s',
          hint: `One or more submission files exported from this page by partnership leads. Every
            file is checked first; if any has a problem, nothing is loaded.`,
          error: uploadError,
        },
        html`<input
          class="govuk-file-upload ${uploadError ? 'govuk-file-upload--error' : ''}"
          id=${INPUT_ID}
          type="file"
          multiple
          accept=".csv,text/csv"
          aria-describedby=${govukDescribedBy({ id: INPUT_ID, hint: true, error: uploadError })}
          @change=${this.onFiles}
        />`,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-submission-upload': TspSubmissionUpload;
  }
}
