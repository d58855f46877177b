import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import {
  amalgamate,
  type Amalgamation,
  type IntelligenceContext,
  type IntelligenceState,
  type PartnerSchoolAssignment,
  type ShareWeights,
} from '../../partnerships/index.ts';
import { formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import type { DistrictNeedRun } from './district-need-run.ts';
import type { LoadedSubmission } from '../../storage/partnership-store.ts';
import type { SubmissionsChange } from './tsp-submission-upload.ts';
import { emit } from './view-helpers.ts';
import './tsp-amalgamation-table.ts';
import './tsp-submission-upload.ts';
import { govukButton } from '../govuk-button.ts';

/** Submitted and recomputed totals further apart than this are shown as differing (2 d.p. files). */
const SAME_TOTAL = 0.05;

interface SubmissionRow extends LoadedSubmission {
  submittedTotal: number;
  recomputedTotal: number;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The allocation manager's view: load partnerships' submissions, see which are loaded (and
 * whether each one's forecast matches this run), and the amalgamated regional request.
 *
 * @summary Allocation manager view (a composition of the manager elements).
 * @fires tsp-submissions-change - detail `SubmissionsChange`: a submission was removed.
 */
@customElement('tsp-partnership-manager')
export class TspPartnershipManager extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) assignment: PartnerSchoolAssignment | undefined;
  @property({ attribute: false }) weights: ShareWeights | undefined;
  @property({ attribute: false }) run: DistrictNeedRun | undefined;
  @property({ attribute: false }) intelligence: IntelligenceState = { entries: [] };
  @property({ attribute: false }) submissions: readonly LoadedSubmission[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private removeSubmission(submission: LoadedSubmission): void {
    const code = submission.partnershipCode;
    emit<SubmissionsChange>(this, 'tsp-submissions-change', {
      state: { entries: this.intelligence.entries.filter((e) => e.partnershipCode !== code) },
      submissions: this.submissions.filter((s) => s.partnershipCode !== code),
      message: `The submission of ${code} (${submission.fileName}) was removed from the amalgamation.`,
    });
    this.querySelector<HTMLElement>('#tsp-submissions-heading')?.focus();
  }

  private submissionRows(amalgamation: Amalgamation): SubmissionRow[] {
    return this.submissions.map((submission) => ({
      ...submission,
      submittedTotal: submission.forecast.reduce((sum, row) => sum + row.forecast.p50, 0),
      recomputedTotal: amalgamation.rows
        .filter(
          (row) => row.partnershipCode === submission.partnershipCode && row.subject !== 'Total',
        )
        .reduce((sum, row) => sum + row.request.p50, 0),
    }));
  }

  protected override render(): TemplateResult | typeof nothing {
    const region = this.region;
    const { assignment, weights, run } = this;
    if (
      region === undefined ||
      assignment === undefined ||
      weights === undefined ||
      run === undefined
    )
      return nothing;
    const amalgamation = amalgamate(
      region.partnerships,
      weights,
      run.need,
      this.intelligence.entries,
    );
    const context: IntelligenceContext = {
      entryYears: run.entryYears,
      partnerships: region.partnerships,
      schools: region.schools,
      assignment,
    };
    const nameOf = (code: string) => region.partnerships.find((p) => p.code === code)?.name ?? code;
    const columns: TableColumn<SubmissionRow>[] = [
      {
        key: 'name',
        label: 'Partnership',
        rowHeader: true,
        value: (row) => nameOf(row.partnershipCode),
      },
      { key: 'file', label: 'File', value: (row) => row.fileName },
      { key: 'loaded', label: 'Loaded', value: (row) => dateTime.format(new Date(row.loadedAt)) },
      { key: 'entries', label: 'Entries', numeric: true, value: (row) => String(row.entryCount) },
      {
        key: 'totals',
        label: 'Three-year median: submitted / recomputed here',
        numeric: true,
        value: (row) =>
          html`${formatDecimal(row.submittedTotal)} / ${formatDecimal(row.recomputedTotal)}
          ${
            Math.abs(row.submittedTotal - row.recomputedTotal) > SAME_TOTAL
              ? html`<strong class="govuk-tag govuk-tag--red">Differs</strong>`
              : html`<strong class="govuk-tag govuk-tag--green">Matches</strong>`
          }`,
      },
      {
        key: 'remove',
        label: 'Action',
        value: (row) =>
          govukButton({
            text: html`Remove<span class="govuk-visually-hidden">
                the submission of ${nameOf(row.partnershipCode)}</span
              >`,
            variant: 'warning',
            classes: 'govuk-!-margin-bottom-0',
            onClick: () => this.removeSubmission(row),
          }),
      },
    ];
    return html`
      <h2 class="govuk-heading-m">Load partnership submissions</h2>
      <tsp-submission-upload
        .context=${context}
        .intelligence=${this.intelligence}
        .submissions=${this.submissions}
      ></tsp-submission-upload>
      <h2 class="govuk-heading-m" id="tsp-submissions-heading" tabindex="-1">Loaded submissions</h2>
      ${
        this.submissions.length === 0
          ? html`<p class="govuk-body">
              None yet: the request below is the forecast alone, with no local intelligence.
            </p>`
          : html`<p class="govuk-body">
                A submitted total that differs from the one recomputed here means the partnership
                used another partner-school list or model run; the request uses the recomputed
                forecast and the submission’s local intelligence.
              </p>
              <tsp-table
                caption="Submissions loaded"
                .columns=${columns}
                .rows=${this.submissionRows(amalgamation)}
              ></tsp-table>`
      }
      <tsp-amalgamation-table
        .amalgamation=${amalgamation}
        .assignment=${assignment}
      ></tsp-amalgamation-table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnership-manager': TspPartnershipManager;
  }
}
