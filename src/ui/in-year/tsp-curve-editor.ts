import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DataIssue, Provenance } from '../../data/types.ts';
import {
  CYCLE_MONTHS,
  DEFAULT_RECRUITMENT_CURVE,
  curveProblems,
  type CurveChoice,
} from '../../redistribution/index.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';

export const CURVE_SOURCE = 'recruitment curve';
export const curveFieldId = (monthIndex: number): string => `tsp-curve-${monthIndex}`;

export interface CurveDetail {
  /** Cumulative shares (0-1) to use, or null to go back to the default or fitted curve. */
  shares: number[] | null;
  issues: DataIssue[];
}

const percentText = (share: number): string => String(Math.round(share * 1000) / 10);

/** The core words curve problems in shares (0-1); the form is in percentages. */
function asPercentages(problem: string): string {
  return problem
    .replace(/share (\S+)/, (_, share: string) => `${percentText(Number(share))}%`)
    .replace('above 0 and at most 1', 'above 0% and at most 100%')
    .replace('share must be 1', 'must be 100%');
}

/** Mean of the curves in use, month by month (one curve is itself). */
function meanShares(choice: CurveChoice): number[] {
  return CYCLE_MONTHS.map(
    (_, m) => choice.curves.reduce((sum, c) => sum + (c.shares[m] ?? 0), 0) / choice.curves.length,
  );
}

/**
 * The recruitment curve the forecasts use (share of final recruitment reached by the end of
 * each month), shown as editable percentages. The default is an assumed, illustrative shape;
 * complete past years of returns replace it with fitted curves; a manager may type their own.
 *
 * @summary Editable recruitment curve.
 * @fires tsp-curve - detail: CurveDetail.
 */
@customElement('tsp-curve-editor')
export class TspCurveEditor extends LitElement {
  @property({ attribute: false }) choice: CurveChoice | null = null;
  /** True when the curve in use is one the user typed. */
  @property({ type: Boolean }) edited = false;
  @property() provenance: Provenance = 'illustrative';
  @property({ attribute: false }) errors: readonly DataIssue[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private save(event: Event): void {
    event.preventDefault();
    const issues: DataIssue[] = [];
    const shares = CYCLE_MONTHS.map((month, m) => {
      const text =
        this.querySelector<HTMLInputElement>(`#${curveFieldId(m + 1)}`)?.value.trim() ?? '';
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) {
        issues.push({
          file: CURVE_SOURCE,
          row: null,
          column: month,
          message: `${month}: enter a percentage`,
        });
      }
      return value / 100;
    });
    if (issues.length === 0) {
      for (const problem of curveProblems(shares)) {
        const month = CYCLE_MONTHS.find((m) => problem.startsWith(`${m}:`)) ?? 'September';
        issues.push({
          file: CURVE_SOURCE,
          row: null,
          column: month,
          message: asPercentages(problem),
        });
      }
    }
    this.dispatchEvent(
      new CustomEvent<CurveDetail>('tsp-curve', {
        detail: { shares: issues.length > 0 ? null : shares, issues },
        bubbles: true,
      }),
    );
  }

  private reset(): void {
    this.dispatchEvent(
      new CustomEvent<CurveDetail>('tsp-curve', {
        detail: { shares: null, issues: [] },
        bubbles: true,
      }),
    );
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.choice === null) return nothing;
    const shares = meanShares(this.choice);
    return html`<h3 class="govuk-heading-s">Recruitment curve${provenanceTag(this.provenance)}</h3>
      <p class="govuk-body">${this.choice.description}</p>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Change the recruitment curve</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">
            The share of a cycle's final recruitment usually reached by the end of each month,
            cumulative, reaching 100% in September. The default
            (${DEFAULT_RECRUITMENT_CURVE.shares.map((s) => `${percentText(s)}%`).join(', ')}) is an
            assumed shape, not published data.
          </p>
          <form novalidate @submit=${(e: Event) => this.save(e)}>
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                Percentage of final recruitment reached by the end of each month
              </legend>
              <div class="govuk-grid-row">
                ${CYCLE_MONTHS.map((month, m) => {
                  const field = {
                    id: curveFieldId(m + 1),
                    label: `${month} (%)`,
                    error: this.errors.find((i) => i.column === month)?.message,
                  };
                  return html`<div class="govuk-grid-column-one-quarter">
                    ${govukField(
                      field,
                      html`<input
                        class="govuk-input govuk-input--width-4 ${field.error ? 'govuk-input--error' : ''}"
                        id=${field.id}
                        type="text"
                        inputmode="decimal"
                        spellcheck="false"
                        .value=${percentText(shares[m] ?? 0)}
                        aria-describedby=${govukDescribedBy(field)}
                      />`,
                    )}
                  </div>`;
                })}
              </div>
            </fieldset>
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button govuk-button--secondary">
                Use this curve
              </button>
              ${
                this.edited
                  ? html`<button
                      type="button"
                      class="govuk-button govuk-button--secondary"
                      @click=${() => this.reset()}
                    >
                      Go back to the default or fitted curve
                    </button>`
                  : nothing
              }
            </div>
          </form>
        </div>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-curve-editor': TspCurveEditor;
  }
}
