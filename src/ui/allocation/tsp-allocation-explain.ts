import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AllocationResult } from '../../allocation/allocate.ts';
import type { ConstraintFamily } from '../../allocation/build.ts';
import { familyEntry } from '../../allocation/constraint-families.ts';
import type { BindingConstraint } from '../../allocation/explain.ts';
import { formatCount, formatDecimal } from '../format.ts';
import type { TableColumn } from '../tsp-table.ts';
import '../tsp-table.ts';
import { govukDetails } from '../details.ts';

/** Two decimals: marginal values and gaps are small numbers where the second digit matters. */
const twoDecimals = (value: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How many binding rules and marginal values are listed (the rest are in the counts). */
const SHOWN = 10;

/** "234 plans are at their full capacity" for each family, largest first. */
export function bindingSummary(binding: readonly BindingConstraint[]): string[] {
  const counts = new Map<ConstraintFamily, number>();
  for (const rule of binding) counts.set(rule.family, (counts.get(rule.family) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([family, count]) =>
        `${formatCount(count)} ${familyEntry(family).bindingWords[count === 1 ? 0 : 1]}`,
    );
}

/**
 * Why the numbers are what they are: the checker's verdict, how close the plan is to the best
 * possible, which rules bind (counted by kind, the ten that matter most listed), and what one
 * more place would be worth where it matters (duals of the LP relaxation), in words.
 *
 * @summary Binding rules, marginal values and the checker's verdict.
 */
@customElement('tsp-allocation-explain')
export class TspAllocationExplain extends LitElement {
  @property({ attribute: false }) result: AllocationResult | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private verdict(result: AllocationResult): TemplateResult | typeof nothing {
    const check = result.check;
    if (!check) return nothing;
    const cost = check.objective;
    return html`<h3 class="govuk-heading-s">Independent check</h3>
      ${
        check.ok
          ? html`<p class="govuk-body" data-testid="allocation-check">
              <strong>Every constraint checked: satisfied.</strong> The checker recomputed supply to
              each district, capacities, caps, cohorts, stability and fixed places from the tables
              above, not from the solver.
            </p>`
          : html`<p class="govuk-body" data-testid="allocation-check">
                <strong>The check failed</strong>: ${check.violations.length} rules are broken.
              </p>
              <ul class="govuk-list govuk-list--bullet">
                ${check.violations.slice(0, SHOWN).map((v) => html`<li>${v.text}</li>`)}
              </ul>`
      }
      <p class="govuk-body">
        Cost of this plan ${formatDecimal(cost.total)}: weighted unmet need
        ${formatDecimal(cost.weightedUnmet)}, and penalties: surplus
        ${formatDecimal(cost.surplusCost)}, changes from the year before
        ${formatDecimal(cost.changeCost)}, fairness ${formatDecimal(cost.fairnessCost)}, places
        ${formatDecimal(cost.placeCost)}.
        ${
          result.lpObjective !== null
            ? `No plan can cost less than ${formatDecimal(result.gap?.bound ?? result.lpObjective)} (${result.gap?.boundSource === 'branch and bound' ? 'the bound proved by the search for whole places' : 'the linear programme with fractional places'})${result.gap ? `; this plan is ${twoDecimals(result.gap.relative * 100)}% above it` : ''}.`
            : ''
        }
      </p>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const result = this.result;
    if (!result || !result.solution) return nothing;
    const top = [...result.binding]
      .sort((a, b) => (b.marginalValue ?? -Infinity) - (a.marginalValue ?? -Infinity))
      .slice(0, SHOWN);
    const columns: TableColumn<BindingConstraint>[] = [
      { key: 'rule', label: 'Rule', value: (rule) => rule.text },
      {
        key: 'value',
        label: 'Improvement of the plan’s cost if relaxed by one (unmet need and penalties)',
        numeric: true,
        value: (rule) => (rule.marginalValue === null ? 'x' : twoDecimals(rule.marginalValue)),
      },
    ];
    const values = [...result.marginalValues]
      .sort((a, b) => b.objective - a.objective)
      .slice(0, SHOWN);
    return html`
      <h2 class="govuk-heading-m" id="alloc-why">Why the allocation is what it is</h2>
      ${this.verdict(result)}
      <h3 class="govuk-heading-s">Rules that bind</h3>
      <p class="govuk-body">
        ${formatCount(result.binding.length)} rules are at their limit, so the plan cannot move past
        them:
      </p>
      ${govukDetails(
        top.length > 0
          ? `Which rules bind, and the ${formatCount(top.length)} that cost most`
          : 'Which rules bind',
        html`<ul class="govuk-list govuk-list--bullet" data-testid="allocation-binding">
            ${bindingSummary(result.binding).map((line) => html`<li>${line}</li>`)}
          </ul>
          ${
            top.length > 0
              ? html`<tsp-table
                  caption="The ${formatCount(top.length)} binding rules that cost most"
                  .columns=${columns}
                  .rows=${top}
                ></tsp-table>`
              : nothing
          }`,
      )}
      <h3 class="govuk-heading-s">What one more place would be worth</h3>
      ${govukDetails(
        'Each rule relaxed by one, and what it would change',
        html`<p class="govuk-body">
            Each rule below is relaxed by one and the plan worked out again: the change in weighted
            unmet need (unmet teachers times their cold-spot and subject weights) is given apart
            from the change in penalties, and a place's expected NQTs with the fill and conversion
            behind them.
          </p>
          ${
            values.length > 0
              ? html`<ul class="govuk-list govuk-list--bullet" data-testid="allocation-marginal">
                  ${values.map((value) => html`<li>${value.text}</li>`)}
                </ul>`
              : result.complete
                ? html`<p class="govuk-body">
                    No marginal values: they come from the linear programme, which did not finish in
                    time.
                  </p>`
                : html`<p class="govuk-body" data-testid="allocation-marginal-pending">
                    Being worked out: they follow this first plan in a moment.
                  </p>`
          }`,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-explain': TspAllocationExplain;
  }
}
