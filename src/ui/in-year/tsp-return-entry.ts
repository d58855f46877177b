import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeFieldIssue } from '../../data/issues.ts';
import { SUBJECT_GROUPS, type DataIssue } from '../../data/types.ts';
import { CYCLE_MONTHS, type ManualReturnInput } from '../../redistribution/index.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';

/** Count fields of a return, by the column name the CSV and the core's messages use. */
const COUNT_FIELDS = [
  ['allocation_count', 'allocation', 'Places allocated'],
  ['applications_count', 'applications', 'Applications received'],
  ['offers_count', 'offers', 'Offers made'],
  ['recruited_count', 'recruited', 'Recruited (offers accepted and held)'],
  ['withdrawn_count', 'withdrawn', 'Withdrawn after an offer'],
] as const;

/** Id of the control for a column, so an error summary can link to it. */
export const entryFieldId = (column: string): string => `tsp-entry-${column}`;

export interface ReturnEntryDetail {
  /** The return as typed; the owner checks it as a CSV row (one number reader for both). */
  input: ManualReturnInput;
}

/**
 * A form to type in, or correct, one month's return for one partnership and subject. The
 * owner applies the same checks as a CSV row and passes any problems back as `errors`, shown
 * on their fields as what to do.
 *
 * @summary Manual entry of a recruitment return.
 * @fires tsp-return-entry - detail: ReturnEntryDetail.
 */
@customElement('tsp-return-entry')
export class TspReturnEntry extends LitElement {
  @property() timePeriod = '';
  @property({ attribute: false }) partnerships: readonly { code: string; name: string }[] = [];
  @property({ attribute: false }) errors: readonly DataIssue[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private value(column: string): string {
    return (
      this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${entryFieldId(column)}`)?.value ??
      ''
    );
  }

  private submit(event: Event): void {
    event.preventDefault();
    const counts: Record<string, string> = {};
    for (const [column, field] of COUNT_FIELDS) counts[field] = this.value(column);
    const code = this.value('partnership_code');
    const input: ManualReturnInput = {
      timePeriod: this.timePeriod,
      month: this.value('time_identifier'),
      partnershipCode: code,
      partnershipName: this.partnerships.find((p) => p.code === code)?.name ?? code,
      subject: this.value('subject'),
      allocation: counts.allocation ?? '',
      applications: counts.applications ?? '',
      offers: counts.offers ?? '',
      recruited: counts.recruited ?? '',
      withdrawn: counts.withdrawn ?? '',
    };
    this.dispatchEvent(
      new CustomEvent<ReturnEntryDetail>('tsp-return-entry', {
        detail: { input },
        bubbles: true,
      }),
    );
  }

  private errorFor(column: string): string {
    return this.errors
      .filter((issue) => issue.column === column)
      .map(describeFieldIssue)
      .join('; ');
  }

  private select(
    column: string,
    label: string,
    options: readonly [string, string][],
  ): TemplateResult {
    const field = { id: entryFieldId(column), label, error: this.errorFor(column) };
    return govukField(
      field,
      html`<select
        class="govuk-select ${field.error ? 'govuk-select--error' : ''}"
        id=${field.id}
        name=${column}
        aria-describedby=${govukDescribedBy(field)}
      >
        ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
      </select>`,
    );
  }

  private count(column: string, label: string): TemplateResult {
    const field = { id: entryFieldId(column), label, error: this.errorFor(column) };
    return govukField(
      field,
      html`<input
        class="govuk-input govuk-input--width-5 ${field.error ? 'govuk-input--error' : ''}"
        id=${field.id}
        name=${column}
        type="text"
        inputmode="numeric"
        spellcheck="false"
        aria-describedby=${govukDescribedBy(field)}
      />`,
    );
  }

  protected override render(): TemplateResult {
    const period = `${this.timePeriod.slice(0, 4)}/${this.timePeriod.slice(4)}`;
    return html`<form novalidate @submit=${(e: Event) => this.submit(e)}>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          Enter or correct one return for ${period}
        </legend>
        <div class="govuk-hint">
          Counts are cumulative to the end of the month. A return for the same month, partnership
          and subject replaces the one held.
        </div>
        ${this.select(
          'time_identifier',
          'Month',
          CYCLE_MONTHS.map((m) => [m, m]),
        )}
        ${this.select(
          'partnership_code',
          'Partnership',
          this.partnerships.map((p) => [p.code, `${p.name} (${p.code})`]),
        )}
        ${this.select(
          'subject',
          'Subject',
          SUBJECT_GROUPS.map((s) => [s, s]),
        )}
        ${COUNT_FIELDS.map(([column, , label]) => this.count(column, label))}
      </fieldset>
      <button type="submit" class="govuk-button govuk-button--secondary">Save this return</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-return-entry': TspReturnEntry;
  }
}
