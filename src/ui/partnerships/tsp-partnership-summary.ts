import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { District, Partnership, PartnershipSubjectPlan } from '../../data/types.ts';
import { formatCount, formatPercent } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { districtName } from './view-helpers.ts';

/**
 * Who a partnership is (type, base, training partners, share of its activity in the region)
 * and its track record: places allocated and trainees recruited last year by subject.
 *
 * @summary Partnership summary list and track record table.
 */
@customElement('tsp-partnership-summary')
export class TspPartnershipSummary extends LitElement {
  @property({ attribute: false }) partnership: Partnership | undefined;
  @property({ attribute: false }) districts: readonly District[] = [];
  /** The dataset's plans; this element shows the partnership's own. */
  @property({ attribute: false }) plans: readonly PartnershipSubjectPlan[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    const partnership = this.partnership;
    if (partnership === undefined) return nothing;
    return html`
      <h2 class="govuk-heading-m">About ${partnership.name}</h2>
      <dl class="govuk-summary-list">
        ${this.row('Accredited provider code', partnership.code)}
        ${this.row('Type', partnership.type)}
        ${this.row(
          'Based in',
          partnership.homeDistrictCode === null
            ? 'Outside the region'
            : districtName(this.districts, partnership.homeDistrictCode),
        )}
        ${this.row(
          'Training partners',
          partnership.trainingPartners.length === 0
            ? 'None listed'
            : html`<ul class="govuk-list">
                ${partnership.trainingPartners.map(
                  (partner) =>
                    html`<li>
                      ${partner.name} (${districtName(this.districts, partner.districtCode)})
                    </li>`,
                )}
              </ul>`,
        )}
        ${this.row(
          'Share of its activity in the region',
          html`${formatPercent(partnership.inRegionShare)}${provenanceTag(partnership.inRegionShareProvenance)}`,
        )}
      </dl>
      ${this.renderTrackRecord(partnership)}
    `;
  }

  private row(key: string, value: string | TemplateResult): TemplateResult {
    return html`<div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${key}</dt>
      <dd class="govuk-summary-list__value">${value}</dd>
    </div>`;
  }

  private renderTrackRecord(partnership: Partnership): TemplateResult {
    const plans = this.plans.filter(
      (plan) =>
        plan.partnershipCode === partnership.code &&
        (plan.lastYearAllocation > 0 || plan.lastYearRecruited > 0),
    );
    const heading = html`<h3 class="govuk-heading-s">
      Track record${provenanceTag(plans[0]?.provenance ?? 'illustrative')}
    </h3>`;
    if (plans.length === 0) {
      return html`${heading}
        <p class="govuk-body">The dataset has no places allocated to it last year.</p>`;
    }
    const total = plans.reduce(
      (sum, plan) => ({
        allocated: sum.allocated + plan.lastYearAllocation,
        recruited: sum.recruited + plan.lastYearRecruited,
      }),
      { allocated: 0, recruited: 0 },
    );
    type Row = { subject: string; allocated: number; recruited: number };
    const rows: Row[] = [
      ...plans.map((plan) => ({
        subject: plan.subject,
        allocated: plan.lastYearAllocation,
        recruited: plan.lastYearRecruited,
      })),
      { subject: 'All subjects', ...total },
    ];
    const columns: TableColumn<Row>[] = [
      { key: 'subject', label: 'Subject', rowHeader: true, value: (row) => row.subject },
      {
        key: 'allocated',
        label: 'Places allocated',
        numeric: true,
        value: (row) => formatCount(row.allocated),
      },
      {
        key: 'recruited',
        label: 'Recruited',
        numeric: true,
        value: (row) => formatCount(row.recruited),
      },
      {
        key: 'rate',
        label: 'Recruited per place',
        numeric: true,
        value: (row) => (row.allocated > 0 ? formatPercent(row.recruited / row.allocated) : 'z'),
      },
    ];
    const illustrative = plans.some((plan) => plan.provenance === 'illustrative');
    return html`${heading}
      <p class="govuk-body">
        Places allocated and trainees recruited last year (the dataset holds one past year).
        ${
          illustrative
            ? 'No public source gives these by partnership and subject, so these figures are illustrative: made up for demonstration.'
            : nothing
        }
      </p>
      <tsp-table
        caption="Track record of ${partnership.name}, last year${illustrative ? ' (illustrative)' : ''}"
        .columns=${columns}
        .rows=${rows}
      ></tsp-table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-partnership-summary': TspPartnershipSummary;
  }
}
