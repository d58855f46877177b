import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { systemClock, type Clock } from '../../data/clock.ts';
import { ModelPool } from '../../runtime/model-pool.ts';
import { runAllocationNeed, type AllocationNeed } from '../allocation/allocation-need.ts';
import {
  allocationProblem,
  defaultSettings,
  districtWeights,
  fieldIds,
  readSettings,
  type AllocationSettings,
  type InputError,
} from '../allocation/allocation-settings.ts';
import { AllocationSolves, type SolveRequest } from '../allocation/allocation-solves.ts';
import type { CapEditDetail } from '../allocation/tsp-allocation-caps.ts';
import type { LimitEditDetail } from '../allocation/tsp-allocation-limits.ts';
import type { OptionsEditDetail } from '../allocation/tsp-allocation-options.ts';
import type { PlanEditDetail } from '../allocation/tsp-allocation-plans.ts';
import type { RuleEditDetail } from '../allocation/tsp-allocation-rules.ts';
import type { TspAllocationVerdict } from '../allocation/tsp-allocation-verdict.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { ROUTES } from '../routes.ts';
import '../allocation/tsp-allocation-changes.ts';
import '../allocation/tsp-allocation-explain.ts';
import '../allocation/tsp-allocation-inputs.ts';
import '../allocation/tsp-allocation-outcomes.ts';
import '../allocation/tsp-allocation-places.ts';
import '../allocation/tsp-allocation-progress.ts';
import '../allocation/tsp-allocation-verdict.ts';
// The service's GOV.UK error summary (it focuses itself when errors arrive).
import type { ErrorItem } from '../tsp-error-summary.ts';
import '../tsp-error-summary.ts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The Allocation page. HiGHS is warmed as the page opens; once the supply model's need is in,
 * the allocation is solved quickly (within 1%) and solved again after every valid edit, with
 * each problem shown at its field. "Run the final allocation" solves to the page's gap and time
 * limit, with Cancel. Results: the verdict, each partnership's change and why, the places,
 * unmet need by district, the rules that bind and what one more place is worth.
 *
 * @summary Allocate ITT places.
 */
@customElement('tsp-allocation-page')
export class TspAllocationPage extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** Today's date: the entry years planned are the cycle open now and the two after it. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private settings: AllocationSettings | undefined;
  @state() private need: AllocationNeed | undefined;
  @state() private needError = '';
  /** Problems shown at their fields as the manager types. */
  @state() private errors: InputError[] = [];
  /** Problems listed in the error summary, after the final run was asked for. */
  @state() private summaryErrors: InputError[] = [];

  private readonly solves = new AllocationSolves(this);
  private needAbort: AbortController | null = null;
  private focusedRun = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // HiGHS loads and warms while the region's data is still being read.
    this.solves.warm();
  }

  override disconnectedCallback(): void {
    this.needAbort?.abort();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region') && this.region) {
      this.settings = defaultSettings(this.region);
      this.errors = [];
      this.summaryErrors = [];
      void this.loadNeed(this.region);
    }
  }

  protected override async updated(): Promise<void> {
    // After a final run, keyboard and screen-reader users land on the outcome.
    if (this.solves.finished !== this.focusedRun) {
      this.focusedRun = this.solves.finished;
      await this.updateComplete;
      this.querySelector<TspAllocationVerdict>('tsp-allocation-verdict')?.focusBanner();
    }
  }

  /** The model's central projection in a worker (HiGHS warms meanwhile), then a quick solve. */
  private async loadNeed(region: RegionDataset): Promise<void> {
    this.needAbort?.abort();
    const abort = new AbortController();
    this.needAbort = abort;
    this.need = undefined;
    this.needError = '';
    const pool = new ModelPool({ size: 1 });
    try {
      this.need = await runAllocationNeed(region, pool, abort.signal, this.clock);
      this.solveQuickly();
    } catch (error) {
      if (!abort.signal.aborted) this.needError = messageOf(error);
    } finally {
      pool.terminate();
    }
  }

  /** The problem the settings describe, or null with the problems at their fields. */
  private request(): SolveRequest | null {
    const { region, need, settings } = this;
    if (!region || !need || !settings) return null;
    const { errors, read } = readSettings(region, settings);
    let weights: Record<string, number> | undefined;
    if (read) {
      try {
        weights = districtWeights(region, settings.indicatorIds, read.priority);
      } catch (error) {
        errors.push({
          fieldId: fieldIds.indicators,
          text: `The cold-spot index cannot be worked out: ${messageOf(error)}`,
        });
      }
    }
    this.errors = errors;
    if (!read || !weights || errors.length > 0) return null;
    return { problem: allocationProblem(region, read, weights, need), options: read.options };
  }

  private solveQuickly(): void {
    const request = this.request();
    if (request) {
      this.summaryErrors = [];
      this.solves.quick(request);
    }
  }

  private solveFinal = (): void => {
    const request = this.request();
    this.summaryErrors = this.errors;
    if (request) this.solves.final(request);
  };

  private changeSettings(change: Partial<AllocationSettings>): void {
    if (!this.settings) return;
    this.settings = { ...this.settings, ...change };
    this.solveQuickly();
  }

  private onPlanEdit = (event: CustomEvent<PlanEditDetail>): void => {
    const { key, edit } = event.detail;
    this.changeSettings({ plans: { ...this.settings!.plans, [key]: edit } });
  };

  private onCapEdit = (event: CustomEvent<CapEditDetail>): void => {
    this.changeSettings({
      caps: { ...this.settings!.caps, [event.detail.subject]: event.detail.value },
    });
  };

  private onLimitEdit = (event: CustomEvent<LimitEditDetail>): void => {
    const { partnershipCode, edit } = event.detail;
    this.changeSettings({ limits: { ...this.settings!.limits, [partnershipCode]: edit } });
  };

  private onRuleEdit = (event: CustomEvent<RuleEditDetail>): void => {
    const { key, value } = event.detail;
    this.changeSettings({ rules: { ...this.settings!.rules, [key]: value } });
  };

  private onOptionsEdit = (event: CustomEvent<OptionsEditDetail>): void => {
    this.changeSettings(event.detail);
  };

  private summaryItems: { errors: InputError[]; items: ErrorItem[] } = { errors: [], items: [] };

  /** The same array until the errors change: the summary takes focus whenever it gets a new one. */
  private errorItems(): ErrorItem[] {
    if (this.summaryItems.errors !== this.summaryErrors) {
      this.summaryItems = {
        errors: this.summaryErrors,
        items: this.summaryErrors.map((e) => ({ text: e.text, href: `#${e.fieldId}` })),
      };
    }
    return this.summaryItems.items;
  }

  private needText(region: RegionDataset, need: AllocationNeed): TemplateResult {
    const years = need.entryYears;
    const last = need.needYears[need.needYears.length - 1];
    return html`
      ${region.regionName}: entry years ${years[0]} to ${years[years.length - 1]}, the recruitment
      cycle open today and the two after it. NQT need is the supply model's central projection from
      base year ${need.baseYear}${provenanceTag('estimated')}, to ${last}.
    `;
  }

  /** The verdict, each partnership's change and why, and what one more place is worth. */
  private results(): TemplateResult {
    const shown = this.solves.shown;
    if (!shown) {
      return html`<p class="govuk-body" data-testid="allocation-first-solve">
        ${this.need ? 'Working out the first plan...' : ''}
      </p>`;
    }
    const { problem, result } = shown;
    const solution = result.check?.ok ? result.solution : null;
    return html`
      <tsp-allocation-verdict
        .result=${result}
        mode=${shown.mode}
        solved=${this.solves.solved}
        ?updating=${this.solves.running?.mode === 'quick'}
        ?refining=${this.solves.refining}
      ></tsp-allocation-verdict>
      ${this.finalRun()}
      ${
        solution
          ? html`<tsp-allocation-changes
                .report=${result.changes ?? undefined}
                .entryYears=${problem.entryYears}
              ></tsp-allocation-changes>
              <tsp-allocation-explain .result=${result}></tsp-allocation-explain>`
          : nothing
      }
    `;
  }

  /** The places and the need they meet, in full, folded away below the controls. */
  private detail(): TemplateResult | typeof nothing {
    const shown = this.solves.shown;
    const solution = shown?.result.check?.ok ? shown.result.solution : null;
    if (!shown || !solution) return nothing;
    const illustrative = this.region?.partnershipPlans.some((p) => p.provenance === 'illustrative');
    const fold = (title: string, body: TemplateResult) =>
      html`<details class="govuk-details govuk-!-margin-bottom-3">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">${title}</span>
        </summary>
        <div class="govuk-details__text">${body}</div>
      </details>`;
    return html`<h2 class="govuk-heading-m">The plan in full</h2>
      ${fold(
        'Places by partnership and subject, against last year',
        html`<tsp-allocation-places
          .problem=${shown.problem}
          .solution=${solution}
          ?illustrative=${illustrative}
        ></tsp-allocation-places>`,
      )}
      ${fold(
        'Unmet need and surplus by district',
        html`<tsp-allocation-outcomes
          .problem=${shown.problem}
          .solution=${solution}
        ></tsp-allocation-outcomes>`,
      )}`;
  }

  private finalRun(): TemplateResult {
    const running = this.solves.running;
    if (running?.mode === 'final') {
      return html`<tsp-allocation-progress
        .started=${running.started}
        .timeLimitSeconds=${running.timeLimitSeconds}
        @tsp-allocation-cancel=${() => this.solves.cancel()}
      ></tsp-allocation-progress>`;
    }
    return html`<p class="govuk-body">
        This plan is worked out again after every change, with a short search whose gap to the best
        possible is shown above. The final run searches until the plan is within the gap set under
        solve options.
      </p>
      <button
        type="button"
        class="govuk-button"
        id="alloc-solve"
        data-module="govuk-button"
        ?disabled=${!this.need}
        @click=${this.solveFinal}
      >
        Run the final allocation
      </button>`;
  }

  protected override render(): TemplateResult {
    const heading = html`<h1 class="govuk-heading-l">${ROUTES.allocation.title}</h1>`;
    const { region, settings, need } = this;
    if (!region || !settings) {
      return html`${heading}
        <p class="govuk-body" role="status">Loading the region's data...</p>`;
    }
    return html`${heading}
      <tsp-error-summary .items=${this.errorItems()}></tsp-error-summary>
      <div class="govuk-visually-hidden" role="status" aria-live="polite">
        ${this.solves.status}
      </div>
      <p class="govuk-body">
        Share the region's ITT places among its provider partnerships for the next three entry
        years, to meet the NQT need the supply model forecasts where it is greatest, fairly.
        ${need ? this.needText(region, need) : nothing}
      </p>
      ${
        this.needError
          ? html`<div class="govuk-error-summary" tabindex="-1">
              <div role="alert">
                <h2 class="govuk-error-summary__title">The NQT need could not be worked out</h2>
                <div class="govuk-error-summary__body">
                  <p class="govuk-body">${this.needError}</p>
                </div>
              </div>
            </div>`
          : need
            ? nothing
            : html`<p class="govuk-body" role="status">
                Working out NQT need from the supply model...
              </p>`
      }
      ${
        this.solves.error
          ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span> ${this.solves.error}
              </strong>
            </div>`
          : nothing
      }
      ${this.results()}
      <h2 class="govuk-heading-m" id="alloc-controls">Rules and limits</h2>
      <tsp-allocation-inputs
        .region=${region}
        .settings=${settings}
        .errors=${this.errors}
        @tsp-plan-edit=${this.onPlanEdit}
        @tsp-cap-edit=${this.onCapEdit}
        @tsp-limit-edit=${this.onLimitEdit}
        @tsp-rule-edit=${this.onRuleEdit}
        @tsp-options-edit=${this.onOptionsEdit}
      ></tsp-allocation-inputs>
      ${this.solves.shown ? nothing : this.finalRun()} ${this.detail()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-page': TspAllocationPage;
  }
}
