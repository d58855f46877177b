import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DataIssue, District, Partnership, School } from '../../data/types.ts';
import { fileBytes } from '../upload.ts';
import {
  exportPartnerSchools,
  importPartnerSchools,
  partnerSchoolBasis,
  partnerSchoolSummary,
  type PartnerSchoolAssignment,
} from '../../partnerships/index.ts';
import { downloadText } from '../download.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { districtName, emit } from './view-helpers.ts';
import { fileIssueReport } from '../file-issues.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';
import '../tsp-error-summary.ts';

type SummaryRow = ReturnType<typeof partnerSchoolSummary>[number];

const FILE_INPUT_ID = 'tsp-partner-school-file';

/**
 * A partnership's partner schools by district and phase, with the way the list was made
 * (illustrative by default), an upload of the partnership's own list and a download of it.
 *
 * @summary Partner schools table, upload and download.
 * @fires tsp-partner-schools-change - detail `{ assignment, message }`: a list was accepted.
 * @fires tsp-partner-schools-reset - detail `{ partnershipCode }`: go back to the illustrative list.
 */
@customElement('tsp-partner-schools')
export class TspPartnerSchools extends LitElement {
  @property({ attribute: false }) partnership: Partnership | undefined;
  @property({ attribute: false }) partnerships: readonly Partnership[] = [];
  @property({ attribute: false }) districts: readonly District[] = [];
  @property({ attribute: false }) schools: readonly School[] = [];
  @property({ attribute: false }) assignment: PartnerSchoolAssignment | undefined;

  @state() private issues: DataIssue[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined || this.assignment === undefined) return;
    const result = importPartnerSchools(this.assignment, await fileBytes(file), file.name, {
      partnerships: this.partnerships,
      schools: this.schools,
    });
    input.value = '';
    if (!result.ok) {
      this.issues = result.issues;
      await this.updateComplete;
      await this.querySelector('tsp-error-summary')?.focusSummary();
      return;
    }
    this.issues = [];
    emit(this, 'tsp-partner-schools-change', {
      assignment: result.assignment,
      message: `${file.name} loaded: ${formatCount(result.links)} partner schools for ${result.partnershipCodes.join(', ')}.`,
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    const partnership = this.partnership;
    const assignment = this.assignment;
    if (partnership === undefined || assignment === undefined) return nothing;
    const basis = partnerSchoolBasis(assignment, partnership.code);
    const rows = partnerSchoolSummary(partnership.code, assignment, this.schools);
    const report = fileIssueReport(this.issues, FILE_INPUT_ID);
    const uploadError = this.issues.length > 0 ? report.fieldError : undefined;
    const columns: TableColumn<SummaryRow>[] = [
      {
        key: 'district',
        label: 'District',
        rowHeader: true,
        value: (row) => districtName(this.districts, row.districtCode),
      },
      {
        key: 'phase',
        label: 'Phase',
        value: (row) => (row.phase === 'primary' ? 'Primary' : 'Secondary'),
      },
      { key: 'schools', label: 'Schools', numeric: true, value: (row) => formatCount(row.schools) },
      {
        key: 'shared',
        label: 'Of which shared with another partnership',
        numeric: true,
        value: (row) => formatCount(row.sharedSchools),
      },
      {
        key: 'pupils',
        label: 'Pupils counted (its share of each school)',
        numeric: true,
        value: (row) => formatCount(row.sharedPupils),
      },
    ];
    return html`
      <h2 class="govuk-heading-m" id="tsp-partner-schools-heading">
        Partner schools${provenanceTag(basis === 'mixed' || basis === 'none' ? undefined : basis)}
      </h2>
      ${
        this.issues.length > 0
          ? html`<tsp-error-summary
              .heading=${report.heading}
              .items=${report.items}
            ></tsp-error-summary>`
          : nothing
      }
      ${
        basis === 'illustrative' || basis === 'none'
          ? html`<div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  ${
                    basis === 'none'
                      ? 'No partner schools in the region: upload the list to forecast its need.'
                      : 'These partner schools are illustrative, not the partnership’s real list. Upload the list to replace them.'
                  }
                </strong>
              </div>
              <details class="govuk-details">
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text"
                    >How the illustrative list was made</span
                  >
                </summary>
                <div class="govuk-details__text">${assignment.method}</div>
              </details>`
          : html`<p class="govuk-body">This is the list the partnership uploaded.</p>`
      }
      ${
        rows.length > 0
          ? html`<tsp-table
              caption="Partner schools of ${partnership.name} by district and phase"
              .columns=${columns}
              .rows=${rows}
            ></tsp-table>`
          : nothing
      }
      ${govukField(
        {
          id: FILE_INPUT_ID,
          label: 'Upload the partnership’s own partner-school list (CSV)',
          labelClass: 'govuk-label--s',
          hint: `Columns partnership_code, school_urn and share (z when the school is not shared, or
            the share of the school’s need, above 0 and at most 1). It replaces the list of each
            partnership in the file.`,
          error: uploadError,
        },
        html`<input
          class="govuk-file-upload ${uploadError ? 'govuk-file-upload--error' : ''}"
          id=${FILE_INPUT_ID}
          type="file"
          accept=".csv,text/csv"
          aria-describedby=${govukDescribedBy({ id: FILE_INPUT_ID, hint: true, error: uploadError })}
          @change=${this.onFile}
        />`,
      )}
      <div class="govuk-button-group">
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          @click=${() =>
            downloadText(
              `partner_schools_${partnership.code}.csv`,
              exportPartnerSchools(assignment, partnership.code),
            )}
        >
          Download this partner-school list (CSV)
        </button>
        ${
          basis === 'imported' || basis === 'mixed'
            ? html`<button
                type="button"
                class="govuk-button govuk-button--warning"
                @click=${() =>
                  emit(this, 'tsp-partner-schools-reset', { partnershipCode: partnership.code })}
              >
                Go back to the illustrative list
              </button>`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partner-schools': TspPartnerSchools;
  }
}
