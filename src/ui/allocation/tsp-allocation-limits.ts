import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { formatCount } from '../format.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fieldIds } from './allocation-settings.ts';
import { limitTexts, type LimitEdit } from './rule-fields.ts';
import { govukTableInput } from '../govuk-field.ts';

export interface LimitEditDetail {
  partnershipCode: string;
  edit: LimitEdit;
}

/**
 * Each partnership's total capacity (trainees across all its subjects in an entry year) and
 * mentor capacity (school placements), with last year's places beside them. Blank means not
 * limited.
 *
 * @summary Editable partnership limits.
 * @fires tsp-limit-edit - detail: `LimitEditDetail`.
 */
@customElement('tsp-allocation-limits')
export class TspAllocationLimits extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) edits: Record<string, LimitEdit> = {};
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private cell(code: string, field: keyof LimitEdit, id: string, label: string): TemplateResult {
    const region = this.region!;
    const current = limitTexts(region, code, this.edits[code]);
    const error = this.errors.get(id);
    return html`<td class="govuk-table__cell">
      ${govukTableInput({
        id,
        hiddenLabel: label,
        error,
        value: current[field],
        onChange: (text) =>
          this.dispatchEvent(
            new CustomEvent<LimitEditDetail>('tsp-limit-edit', {
              detail: { partnershipCode: code, edit: { ...current, [field]: text } },
              bubbles: true,
            }),
          ),
      })}
    </td>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const region = this.region;
    if (!region) return nothing;
    const lastYear = new Map<string, number>();
    for (const plan of region.partnershipPlans) {
      lastYear.set(
        plan.partnershipCode,
        (lastYear.get(plan.partnershipCode) ?? 0) + plan.lastYearAllocation,
      );
    }
    const illustrative = (region.partnershipLimits ?? []).some(
      (l) => l.provenance === 'illustrative',
    );
    return html`<div
      class="tsp-table-wrapper"
      tabindex="0"
      role="region"
      aria-label="Partnership limits"
    >
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          Total and mentor capacity per entry year (blank for no limit)
          ${illustrative ? provenanceTag('illustrative') : nothing}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Partnership</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Last year's places
            </th>
            <th scope="col" class="govuk-table__header">Total capacity</th>
            <th scope="col" class="govuk-table__header">Mentor capacity</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${region.partnerships.map(
            (p) =>
              html`<tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">${p.name}</th>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  ${formatCount(lastYear.get(p.code) ?? 0)}
                </td>
                ${this.cell(p.code, 'totalCapacity', fieldIds.totalCapacity(p.code), `${p.name} total capacity`)}
                ${this.cell(p.code, 'mentorCapacity', fieldIds.mentorCapacity(p.code), `${p.name} mentor capacity`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-limits': TspAllocationLimits;
  }
}
