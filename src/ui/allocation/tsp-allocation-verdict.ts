import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AllocationResult } from '../../allocation/allocate.ts';
import { formatDecimal } from '../format.ts';

/** Milliseconds under a second (a first verdict takes a few), else seconds to one decimal. */
function durationText(seconds: number): string {
  return seconds < 1
    ? `${Math.max(1, Math.round(seconds * 1000))} ms`
    : `${formatDecimal(seconds)} seconds`;
}

/** The banner title for each outcome, in words (never colour alone). */
export function verdictTitle(result: AllocationResult): string {
  const gap = result.gap ? `${(result.gap.relative * 100).toFixed(2)}%` : 'unknown';
  // A quick solve (while the manager edits) searches only briefly: it says so.
  const quick = result.options.searchSeconds !== null;
  switch (result.status) {
    case 'optimal':
      return quick
        ? `Allocation found, within ${(result.options.relativeGap * 100).toFixed(0)}% of the best possible`
        : 'Optimal allocation found';
    case 'provisional':
      return `First plan (gap ${gap}): refining it`;
    case 'time-limit':
      return quick
        ? `Quick allocation found (gap ${gap}): the final run closes the gap`
        : `Best allocation found before the search stopped (gap ${gap})`;
    case 'fractional':
      return 'Only a fractional allocation was found in time';
    case 'infeasible':
      return 'No allocation meets every rule';
    case 'invalid-input':
      return 'The allocation input is not valid';
    case 'failed':
      return 'The solve failed';
  }
}

/**
 * What the solve came to: a GOV.UK notification banner for a plan (optimal, or the best
 * found within the time limit with its gap), or for no plan: the rules that clash, in words
 * and numbers, and the smallest change found that would make a plan possible.
 *
 * @summary Allocation outcome and infeasibility diagnosis.
 */
@customElement('tsp-allocation-verdict')
export class TspAllocationVerdict extends LitElement {
  @property({ attribute: false }) result: AllocationResult | undefined;
  /** True while the plan is being worked out again after an edit. */
  @property({ type: Boolean }) updating = false;
  /** True while the first verdict shown is being refined (search, marginal values). */
  @property({ type: Boolean }) refining = false;
  /** 'quick' (worked out again after an edit) or 'final' (the final run). */
  @property() mode = '';
  /** How many results the page has shown, this one included (a test waits for it to move). */
  @property({ type: Number }) solved = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Moves focus to the banner, so keyboard and screen-reader users land on the outcome. */
  focusBanner(): void {
    this.querySelector<HTMLElement>('#alloc-verdict-title')?.focus();
  }

  private diagnosis(result: AllocationResult): TemplateResult | typeof nothing {
    const diagnosis = result.diagnosis;
    if (!diagnosis) return nothing;
    return html`
      <p class="govuk-body">
        ${
          diagnosis.irreducible
            ? `These ${diagnosis.constraints.length} rules cannot all hold at once; drop or relax any one of them and a plan exists:`
            : 'These rules conflict (the search for the smallest conflicting set ran out of time, so one or more may not be needed):'
        }
      </p>
      <ul class="govuk-list govuk-list--bullet" data-testid="allocation-conflicts">
        ${diagnosis.constraints.map((constraint) => html`<li>${constraint.text}.</li>`)}
      </ul>
      ${
        diagnosis.integer
          ? html`<p class="govuk-body">
              The conflict comes from whole places or minimum cohorts: with fractional places a plan
              exists. Switching off minimum cohorts is one way out.
            </p>`
          : nothing
      }
      ${
        diagnosis.relaxations.length > 0
          ? html`<p class="govuk-body">The smallest change found that makes a plan possible:</p>
              <ul class="govuk-list govuk-list--bullet">
                ${diagnosis.relaxations.map(
                  (relaxation) =>
                    html`<li>
                      relax “${relaxation.text}” by ${formatDecimal(relaxation.amount)}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    `;
  }

  protected override render(): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result) return nothing;
    const success = result.status === 'optimal';
    const hasPlan = result.solution !== null && result.check?.ok === true;
    return html`<div
      class="govuk-notification-banner ${success ? 'govuk-notification-banner--success' : ''}"
      role="region"
      aria-labelledby="alloc-verdict-heading"
      data-testid="allocation-verdict"
      data-status=${result.status}
      data-mode=${this.mode}
      data-solved=${this.solved}
      data-complete=${result.complete ? 'true' : 'false'}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="alloc-verdict-heading">
          ${hasPlan ? 'Result' : 'Important'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading" id="alloc-verdict-title" tabindex="-1">
          ${verdictTitle(result)}
        </p>
        ${
          this.updating
            ? html`<p class="govuk-body-s" data-testid="allocation-updating" data-stage="first">
                <strong class="govuk-tag govuk-tag--grey">Updating</strong> Working out the plan
                again with your change.
              </p>`
            : this.refining
              ? html`<p
                  class="govuk-body-s"
                  data-testid="allocation-updating"
                  data-stage="refining"
                >
                  <strong class="govuk-tag govuk-tag--blue">Refining</strong> This first plan is
                  provisional: searching for a better one, and working out what one more place is
                  worth.
                </p>`
              : nothing
        }
        ${
          result.status === 'infeasible'
            ? this.diagnosis(result)
            : html`<p class="govuk-body">${result.message}</p>`
        }
        ${
          result.issues.length > 0
            ? html`<ul class="govuk-list govuk-list--bullet">
                ${result.issues.map((issue) => html`<li>${issue.message}</li>`)}
              </ul>`
            : nothing
        }
        <p class="govuk-body-s">
          ${result.complete ? 'Solved' : 'First plan'} in
          ${durationText(result.timing.totalSeconds)} in the solver worker
          (HiGHS)${
            result.modelSize
              ? `, ${result.modelSize.columns.toLocaleString('en-GB')} variables and ${result.modelSize.rows.toLocaleString('en-GB')} rules`
              : ''
          }.
        </p>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-verdict': TspAllocationVerdict;
  }
}
