import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  amalgamationTable,
  partnerSchoolBasis,
  type Amalgamation,
  type AmalgamationRow,
  type PartnerSchoolAssignment,
} from '../../partnerships/index.ts';
import { formatDecimal } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { formatChange, rangeCell } from './view-helpers.ts';
import { eesFiles } from '../tsp-download.ts';

/** Differences below this are floating-point rounding (the tests bound them by 1e-9). */
const RECONCILED = 1e-6;

/**
 * The regional request: one row per partnership, the pool of schools not engaged with any
 * partnership and the total, for a chosen subject and entry year, with the line showing
 * that the rows add up to the regional forecast, and a tidy CSV download of every cell.
 *
 * @summary Amalgamation table with reconciliation line and download.
 */
@customElement('tsp-amalgamation-table')
export class TspAmalgamationTable extends LitElement {
  @property({ attribute: false }) amalgamation: Amalgamation | undefined;
  @property({ attribute: false }) assignment: PartnerSchoolAssignment | undefined;

  @state() private subject = 'Total';
  @state() private year = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private select(
    id: string,
    label: string,
    value: string,
    options: readonly string[],
    set: (v: string) => void,
  ) {
    return html`<div class="govuk-form-group">
      <label class="govuk-label" for=${id}>${label}</label>
      <select
        class="govuk-select"
        id=${id}
        @change=${(event: Event) => set((event.target as HTMLSelectElement).value)}
      >
        ${options.map(
          (option) =>
            html`<option value=${option} ?selected=${option === value}>
              ${option === 'Total' ? 'All subjects' : option}
            </option>`,
        )}
      </select>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const amalgamation = this.amalgamation;
    const assignment = this.assignment;
    if (amalgamation === undefined || assignment === undefined) return nothing;
    const subjects = [...new Set(amalgamation.rows.map((row) => row.subject))];
    const years = [...new Set(amalgamation.rows.map((row) => row.year))];
    const year = years.find((y) => y === this.year) ?? years[0];
    if (year === undefined) return nothing;
    const subject = subjects.includes(this.subject as never) ? this.subject : 'Total';
    const rows = amalgamation.rows.filter((row) => row.subject === subject && row.year === year);
    const check = amalgamation.checks.find((c) => c.subject === subject && c.year === year);
    const subjectText = subject === 'Total' ? 'all subjects' : subject;
    const columns: TableColumn<AmalgamationRow>[] = [
      {
        key: 'label',
        label: 'Partnership',
        rowHeader: true,
        value: (row) =>
          row.partnershipCode === null
            ? row.label
            : html`${row.label}${provenanceTag(
                partnerSchoolBasis(assignment, row.partnershipCode) === 'imported'
                  ? 'imported'
                  : 'illustrative',
              )}`,
      },
      {
        key: 'model',
        label: 'Forecast need: median (P10 to P90)',
        numeric: true,
        value: (row) => rangeCell(row.model, `${row.label} model`),
      },
      {
        key: 'intelligence',
        label: 'Local intelligence (FTE)',
        numeric: true,
        value: (row) => (row.kind === 'pool' ? 'z' : formatChange(row.intelligence)),
      },
      {
        key: 'request',
        label: 'Request: median (P10 to P90)',
        numeric: true,
        value: (row) => rangeCell(row.request, `${row.label} request`),
      },
      {
        key: 'outside',
        label: 'Outside the region, not counted: median',
        numeric: true,
        value: (row) =>
          row.kind !== 'partnership'
            ? 'z'
            : row.outOfRegion === null
              ? 'x'
              : formatDecimal(row.outOfRegion.p50),
      },
    ];
    const reconciled = amalgamation.maxGap <= RECONCILED;
    return html`
      <h2 class="govuk-heading-m" id="tsp-amalgamation-heading">
        Regional request${provenanceTag('estimated')}
      </h2>
      <p class="govuk-body">${amalgamation.method}</p>
      ${this.select('tsp-amalgamation-subject', 'Subject', subject, subjects, (v) => (this.subject = v))}
      ${this.select('tsp-amalgamation-year', 'Entry year', year, years, (v) => (this.year = v))}
      <tsp-table
        caption="Regional request for NQTs (FTE), ${subjectText}, entry year ${year}"
        .columns=${columns}
        .rows=${rows}
      ></tsp-table>
      ${
        check === undefined
          ? nothing
          : html`<div class="govuk-inset-text" data-testid="reconciliation">
              <p class="govuk-body">
                Total equals the regional forecast:
                <strong
                  >${formatDecimal(check.rowsSum.p50)} =
                  ${formatDecimal(check.regionalForecast.p50)}</strong
                >
                (partnerships plus the pool, median; P10 ${formatDecimal(check.rowsSum.p10)} =
                ${formatDecimal(check.regionalForecast.p10)}, P90
                ${formatDecimal(check.rowsSum.p90)} = ${formatDecimal(check.regionalForecast.p90)}).
              </p>
              <p class="govuk-body govuk-!-margin-bottom-0">
                With local intelligence (${formatChange(check.intelligence)} FTE) the regional
                request is ${formatDecimal(check.adjustedTotal.p50)}.
              </p>
            </div>`
      }
      <p class="govuk-body" role=${reconciled ? nothing : 'alert'}>
        ${
          reconciled
            ? `All ${amalgamation.checks.length} subject and year cells reconcile to the regional forecast for P10, P50 and P90.`
            : `The rows differ from the regional forecast by up to ${amalgamation.maxGap}: report this as a fault.`
        }
      </p>
      ${
        amalgamation.possibleDuplicates.length > 0
          ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                Two partnerships may have reported the same change:
                ${amalgamation.possibleDuplicates
                  .map((group) => group.map((entry) => entry.id).join(' and '))
                  .join('; ')}.
                Check with them before the allocation.
              </strong>
            </div>`
          : nothing
      }
      <tsp-download
        label="the amalgamation, every subject and year"
        .files=${eesFiles('partnership_amalgamation', () => amalgamationTable(amalgamation, assignment))}
      ></tsp-download>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-amalgamation-table': TspAmalgamationTable;
  }
}
