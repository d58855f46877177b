import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RULE_DOCS, type RuleDoc, type RuleKey } from '../../allocation/rule-settings.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fieldIds } from './allocation-settings.ts';
import { govukTableInput } from '../govuk-field.ts';

export interface RuleEditDetail {
  key: RuleKey;
  value: string;
}

/**
 * The allocation's rule settings (pool share, stability band, fairness weight, fill
 * credibility) as one compact table: a labelled GOV.UK text input each, hinted and ranged from
 * the rule catalogue (src/allocation/rule-settings.ts). Blank turns a rule off, and the hint
 * says what that means.
 *
 * @summary Editable rule settings of the allocation.
 * @fires tsp-rule-edit - detail: `RuleEditDetail`.
 */
@customElement('tsp-allocation-rules')
export class TspAllocationRules extends LitElement {
  @property({ attribute: false }) values: Partial<Record<RuleKey, string>> = {};
  @property({ attribute: false }) errors: ReadonlyMap<string, string> = new Map();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private edit(key: RuleKey, value: string): void {
    this.dispatchEvent(
      new CustomEvent<RuleEditDetail>('tsp-rule-edit', { detail: { key, value }, bubbles: true }),
    );
  }

  private row(doc: RuleDoc): TemplateResult {
    const id = fieldIds.rule(doc.key);
    const error = this.errors.get(id);
    return html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">
        <label class="govuk-label govuk-!-font-weight-bold govuk-!-font-size-16" for=${id}>
          ${doc.label}
        </label>
        ${provenanceTag(doc.provenance)}
      </th>
      <td class="govuk-table__cell">
        ${govukTableInput({
          id,
          error,
          value: this.values[doc.key] ?? '',
          inputmode: 'decimal',
          hintId: `${id}-hint`,
          onChange: (text) => this.edit(doc.key, text),
        })}
      </td>
      <td class="govuk-table__cell govuk-body-s" id="${id}-hint">
        ${doc.hint} ${doc.min} to ${doc.maxExclusive ? 'below ' : ''}${doc.max} (${doc.unit});
        blank: ${doc.offMeans}.
      </td>
    </tr>`;
  }

  protected override render(): TemplateResult {
    return html`<p class="govuk-body">
        How places are shared: a pool for schools not engaged with any partnership, how far a plan
        may change from one year to the next, how strongly every partnership should change alike
        (fairness), and how far a partnership's own record of filling its places counts. Each change
        works the plan out again.
      </p>
      <div class="tsp-table-wrapper" tabindex="0" role="region" aria-label="Rule settings">
        <table class="govuk-table govuk-!-margin-bottom-0">
          <caption class="govuk-table__caption govuk-visually-hidden">
            Rule settings
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Rule</th>
              <th scope="col" class="govuk-table__header">Setting</th>
              <th scope="col" class="govuk-table__header">What it means</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${RULE_DOCS.map((doc) => this.row(doc))}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-rules': TspAllocationRules;
  }
}
