import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  SUBJECT_GROUPS,
  type Partnership,
  type PartnershipSubjectPlan,
  type SubjectGroup,
} from '../../data/types.ts';
import { formatCount, formatDecimal } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fieldIds } from './allocation-settings.ts';
import { govukTableInput } from '../govuk-field.ts';

export interface CapEditDetail {
  subject: SubjectGroup;
  value: string;
}

/**
 * Optional regional caps: the most places per subject across the region in each entry year,
 * with last year's in-region places for reference. Blank means no cap.
 *
 * @summary Editable regional caps per subject.
 * @fires tsp-cap-edit - detail: `CapEditDetail`.
 */
@customElement('tsp-allocation-caps')
export class TspAllocationCaps extends LitElement {
  @property({ attribute: false }) partnerships: readonly Partnership[] = [];
  @property({ attribute: false }) plans: readonly PartnershipSubjectPlan[] = [];
  @property({ attribute: false }) caps: Partial<Record<SubjectGroup, string>> = {};
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Last year's places counted against a regional cap: each partnership's in-region share. */
  private lastYearInRegion(): Map<SubjectGroup, { places: number; fixed: number }> {
    const partnerships = new Map(this.partnerships.map((p) => [p.code, p]));
    const totals = new Map<SubjectGroup, { places: number; fixed: number }>();
    for (const plan of this.plans) {
      const partnership = partnerships.get(plan.partnershipCode);
      const inRegion = plan.lastYearAllocation * (partnership?.inRegionShare ?? 1);
      const total = totals.get(plan.subject) ?? { places: 0, fixed: 0 };
      total.places += inRegion;
      if (partnership?.type === 'Teach First') total.fixed += inRegion;
      totals.set(plan.subject, total);
    }
    return totals;
  }

  private edit(subject: SubjectGroup, value: string): void {
    this.dispatchEvent(
      new CustomEvent<CapEditDetail>('tsp-cap-edit', {
        detail: { subject, value },
        bubbles: true,
      }),
    );
  }

  protected override render(): TemplateResult {
    const lastYear = this.lastYearInRegion();
    const illustrative = this.plans.some((plan) => plan.provenance === 'illustrative');
    return html`<div
      class="tsp-table-wrapper"
      tabindex="0"
      role="region"
      aria-label="Regional caps"
    >
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          Regional cap per subject, each entry year (blank for no cap)
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Subject</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Last year in the region${illustrative ? provenanceTag('illustrative') : nothing}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Of which fixed (Teach First)
            </th>
            <th scope="col" class="govuk-table__header">Cap</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${SUBJECT_GROUPS.map((subject) => {
            const id = fieldIds.cap(subject);
            const error = this.errors.get(id);
            const last = lastYear.get(subject) ?? { places: 0, fixed: 0 };
            return html`<tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">${subject}</th>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                ${Number.isInteger(last.places) ? formatCount(last.places) : formatDecimal(last.places)}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                ${Number.isInteger(last.fixed) ? formatCount(last.fixed) : formatDecimal(last.fixed)}
              </td>
              <td class="govuk-table__cell">
                ${govukTableInput({
                  id,
                  hiddenLabel: `Regional cap for ${subject}`,
                  error,
                  value: this.caps[subject] ?? '',
                  onChange: (text) => this.edit(subject, text),
                })}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-caps': TspAllocationCaps;
  }
}
