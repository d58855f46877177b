import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RULE_DOCS, type RuleKey } from '../../allocation/rule-settings.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { fieldIds } from './allocation-settings.ts';

export interface RuleEditDetail {
  key: RuleKey;
  value: string;
}

/**
 * The allocation's rule settings (pool share, stability band, fairness weight, fill
 * credibility), one GOV.UK text input each, labelled, hinted and ranged from the rule catalogue
 * (src/allocation/rule-settings.ts). Blank turns a rule off, and the hint says what that means.
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

  protected override render(): TemplateResult {
    return html`${RULE_DOCS.map((doc) => {
      const id = fieldIds.rule(doc.key);
      const error = this.errors.get(id);
      return html`<div class="govuk-form-group ${error ? 'govuk-form-group--error' : ''}">
        <label class="govuk-label govuk-label--s" for=${id}>
          ${doc.label}${provenanceTag(doc.provenance)}
        </label>
        <div class="govuk-hint" id="${id}-hint">
          ${doc.hint} ${doc.min} to ${doc.maxExclusive ? 'below ' : ''}${doc.max}; blank:
          ${doc.offMeans}.
        </div>
        ${
          error
            ? html`<p class="govuk-error-message" id="${id}-error">
                <span class="govuk-visually-hidden">Error:</span> ${error}
              </p>`
            : nothing
        }
        <input
          class="govuk-input govuk-input--width-5 ${error ? 'govuk-input--error' : ''}"
          id=${id}
          name=${id}
          inputmode="decimal"
          spellcheck="false"
          aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
          .value=${this.values[doc.key] ?? ''}
          @change=${(event: Event) => this.edit(doc.key, (event.target as HTMLInputElement).value)}
        />
      </div>`;
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-rules': TspAllocationRules;
  }
}
