import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  type Partnership,
  type PartnershipSubjectPlan,
  type SubjectGroup,
} from '../../data/types.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fieldIds, planKey, type PlanEdit } from './allocation-settings.ts';
import { govukSelect, govukTableInput, subjectFilter } from '../govuk-field.ts';

export interface PlanEditDetail {
  key: string;
  edit: PlanEdit;
}

const ALL = '';

/**
 * The partnership x subject plans as an editable GOV.UK table: capacity and minimum cohort per
 * row, with last year's allocation and recruitment beside them. Filters by partnership and
 * subject keep it short; a row with an error is always shown, so the error summary's link
 * lands on it.
 *
 * @summary Editable capacities and minimum cohorts.
 * @fires tsp-plan-edit - detail: `PlanEditDetail` for the changed row.
 */
@customElement('tsp-allocation-plans')
export class TspAllocationPlans extends LitElement {
  @property({ attribute: false }) partnerships: readonly Partnership[] = [];
  @property({ attribute: false }) plans: readonly PartnershipSubjectPlan[] = [];
  @property({ attribute: false }) edits: Record<string, PlanEdit> = {};
  /** Error text by field id. */
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();

  @state() private partnershipCode = ALL;
  @state() private subject: SubjectGroup | typeof ALL = ALL;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private opened = false;

  override willUpdate(): void {
    // Open on the first partnership: a screenful, not every plan in the region.
    if (!this.opened && this.partnerships[0]) {
      this.partnershipCode = this.partnerships[0].code;
      this.opened = true;
    }
  }

  private edit(plan: PartnershipSubjectPlan, field: keyof PlanEdit, value: string): void {
    const key = planKey(plan.partnershipCode, plan.subject);
    const current = this.edits[key] ?? {
      capacity: String(plan.capacity),
      minimumCohort: String(plan.minimumCohort),
    };
    this.dispatchEvent(
      new CustomEvent<PlanEditDetail>('tsp-plan-edit', {
        detail: { key, edit: { ...current, [field]: value } },
        bubbles: true,
      }),
    );
  }

  private cell(
    plan: PartnershipSubjectPlan,
    field: keyof PlanEdit,
    id: string,
    label: string,
  ): TemplateResult {
    const error = this.errors.get(id);
    const value = this.edits[planKey(plan.partnershipCode, plan.subject)]?.[field];
    return html`<td class="govuk-table__cell">
      ${govukTableInput({
        id,
        hiddenLabel: label,
        error,
        value: value ?? String(plan[field]),
        onChange: (text) => this.edit(plan, field, text),
      })}
    </td>`;
  }

  protected override render(): TemplateResult {
    const names = new Map(this.partnerships.map((p) => [p.code, p]));
    const rows = this.plans.filter(
      (plan) =>
        ((this.partnershipCode === ALL || plan.partnershipCode === this.partnershipCode) &&
          (this.subject === ALL || plan.subject === this.subject)) ||
        this.errors.has(fieldIds.capacity(plan.partnershipCode, plan.subject)) ||
        this.errors.has(fieldIds.minimumCohort(plan.partnershipCode, plan.subject)),
    );
    const illustrative = this.plans.some((plan) => plan.provenance === 'illustrative');
    return html`
      <div class="govuk-grid-row">
        ${govukSelect({
          id: 'alloc-plan-partnership',
          label: 'Partnership',
          groupClass: 'govuk-grid-column-one-half',
          options: [
            { value: ALL, text: 'All partnerships' },
            ...this.partnerships.map((p) => ({ value: p.code, text: p.name })),
          ],
          selected: this.partnershipCode,
          onChange: (value) => (this.partnershipCode = value),
        })}
        ${subjectFilter('alloc-plan-subject', this.subject, (value) => (this.subject = value))}
      </div>
      <div class="tsp-table-wrapper" tabindex="0" role="region" aria-label="Partnership plans">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            Capacity and minimum cohort per entry year (${formatCount(rows.length)} plans shown)
            ${illustrative ? provenanceTag('illustrative') : nothing}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Partnership</th>
              <th scope="col" class="govuk-table__header">Subject</th>
              <th scope="col" class="govuk-table__header">Capacity</th>
              <th scope="col" class="govuk-table__header">Minimum cohort</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Last year allocated
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Last year recruited
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${rows.map((plan) => {
              const partnership = names.get(plan.partnershipCode);
              const name = partnership?.name ?? plan.partnershipCode;
              const fixed = partnership?.type === 'Teach First';
              return html`<tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  ${name}${
                    fixed
                      ? html`<br /><span class="govuk-body-s"
                            >Places fixed at last year's (national contract)</span
                          >`
                      : nothing
                  }
                </th>
                <td class="govuk-table__cell">${plan.subject}</td>
                ${this.cell(
                  plan,
                  'capacity',
                  fieldIds.capacity(plan.partnershipCode, plan.subject),
                  `${name}, ${plan.subject} capacity`,
                )}
                ${this.cell(
                  plan,
                  'minimumCohort',
                  fieldIds.minimumCohort(plan.partnershipCode, plan.subject),
                  `${name}, ${plan.subject} minimum cohort`,
                )}
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  ${formatCount(plan.lastYearAllocation)}
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  ${formatCount(plan.lastYearRecruited)}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-plans': TspAllocationPlans;
  }
}
