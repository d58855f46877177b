import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ChangeReport, PartnershipChange } from '../../allocation/changes.ts';
import { parseAcademicYear, type AcademicYear } from '../../data/academic-year.ts';
import { formatCount, formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { govukOptions, govukSelect } from '../govuk-field.ts';

const percent = (change: PartnershipChange) =>
  change.percent === null
    ? 'new'
    : `${change.percent > 0 ? '+' : ''}${formatDecimal(change.percent)}%`;

/**
 * Each partnership's change from last year in places and per cent, its fair share at the
 * common change in its subjects, and why it has what it has (the rules that hold it), for one
 * entry year; above it, the largest cut and the fairness rule in a sentence.
 *
 * @summary Partnerships' change from last year and why.
 */
@customElement('tsp-allocation-changes')
export class TspAllocationChanges extends LitElement {
  @property({ attribute: false }) report: ChangeReport | undefined;
  @property({ attribute: false }) entryYears: readonly AcademicYear[] = [];

  @state() private entryYear: AcademicYear | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const report = this.report;
    const first = this.entryYears[0];
    if (!report || !first) return nothing;
    const year =
      this.entryYear && this.entryYears.includes(this.entryYear) ? this.entryYear : first;
    const rows = report.partnerships.filter((change) => change.entryYear === year);
    const columns: TableColumn<PartnershipChange>[] = [
      { key: 'name', label: 'Partnership', rowHeader: true, value: (c) => c.partnershipName },
      { key: 'places', label: 'Places', numeric: true, value: (c) => formatCount(c.places) },
      { key: 'last', label: 'Last year', numeric: true, value: (c) => formatCount(c.lastYear) },
      { key: 'change', label: 'Change', numeric: true, value: percent },
      {
        key: 'fair',
        label: 'Fair share',
        numeric: true,
        value: (c) => (c.fairShare === null ? 'x' : formatDecimal(c.fairShare)),
      },
      { key: 'why', label: 'Why', value: (c) => c.reasons.join('; ') || 'no rule holds it' },
    ];
    return html`
      <h2 class="govuk-heading-m" id="alloc-changes">Each partnership’s change from last year</h2>
      <p class="govuk-body" data-testid="allocation-fairness">${report.summary}</p>
      ${govukSelect({
        id: 'alloc-changes-year',
        label: 'Entry year',
        options: govukOptions(this.entryYears),
        selected: year,
        onChange: (value) => (this.entryYear = parseAcademicYear(value) ?? undefined),
      })}
      <tsp-table
        data-testid="allocation-changes"
        caption="Places per partnership, ${year}, against last year’s allocation"
        .columns=${columns}
        .rows=${rows}
      ></tsp-table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-changes': TspAllocationChanges;
  }
}
