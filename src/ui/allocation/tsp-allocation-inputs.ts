import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RegionDataset } from '../../data/types.ts';
import { provenanceTag } from '../provenance-tag.ts';
import {
  districtWeights,
  type AllocationSettings,
  type InputError,
} from './allocation-settings.ts';
import './tsp-allocation-caps.ts';
import './tsp-allocation-limits.ts';
import './tsp-allocation-options.ts';
import './tsp-allocation-plans.ts';
import './tsp-allocation-rules.ts';

/**
 * Everything the manager can change before solving: partnership plans, optional regional caps,
 * the cold-spot priority and the solve options. Edits bubble up from the parts as events.
 *
 * @summary The Allocation page's editable inputs.
 * @fires tsp-plan-edit - from `tsp-allocation-plans`.
 * @fires tsp-cap-edit - from `tsp-allocation-caps`.
 * @fires tsp-limit-edit - from `tsp-allocation-limits`.
 * @fires tsp-rule-edit - from `tsp-allocation-rules`.
 * @fires tsp-options-edit - from `tsp-allocation-options`.
 */
@customElement('tsp-allocation-inputs')
export class TspAllocationInputs extends LitElement {
  @property({ attribute: false }) region: RegionDataset | undefined;
  @property({ attribute: false }) settings: AllocationSettings | undefined;
  @property({ attribute: false }) errors: readonly InputError[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Weights for the options table; null while the priority or indicators are invalid. */
  private currentWeights(
    region: RegionDataset,
    settings: AllocationSettings,
  ): Record<string, number> | null {
    const priority = Number(settings.priority);
    if (!Number.isFinite(priority) || priority < 0) return null;
    try {
      return districtWeights(region, settings.indicatorIds, priority);
    } catch {
      return null;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { region, settings } = this;
    if (!region || !settings) return nothing;
    const errors = new Map(this.errors.map((e) => [e.fieldId, e.text]));
    const capErrors = this.errors.some((e) => e.fieldId.startsWith('alloc-cap-'));
    const limitErrors = this.errors.some(
      (e) => e.fieldId.startsWith('alloc-total-') || e.fieldId.startsWith('alloc-mentor-'),
    );
    const anyCaps = Object.values(settings.caps).some((text) => (text ?? '').trim() !== '');
    const illustrative = region.partnershipPlans.some((p) => p.provenance === 'illustrative');
    return html`
      <h2 class="govuk-heading-m">
        Partnership plans${illustrative ? provenanceTag('illustrative') : nothing}
      </h2>
      <p class="govuk-body">
        ${
          illustrative
            ? 'No public source gives partnerships’ capacity or minimum viable cohort: the figures below are illustrative until you type your own. '
            : ''
        }
        A capacity below what the stability rule keeps of last year's places is an error at that
        capacity: raise it, or widen the stability band under Rules.
      </p>
      <tsp-allocation-plans
        .partnerships=${region.partnerships}
        .plans=${region.partnershipPlans}
        .edits=${settings.plans}
        .errors=${errors}
      ></tsp-allocation-plans>
      <details class="govuk-details" ?open=${capErrors || anyCaps}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Regional caps (optional)</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">
            A cap limits one subject's places across the region in each entry year; partnerships
            across the boundary count their in-region share. Teach First places are fixed, so a cap
            below them, or below what the stability rule lets others shrink to, cannot be met and
            the page says which rules clash.
          </p>
          <tsp-allocation-caps
            .partnerships=${region.partnerships}
            .plans=${region.partnershipPlans}
            .caps=${settings.caps}
            .errors=${errors}
          ></tsp-allocation-caps>
        </div>
      </details>
      <details class="govuk-details" ?open=${limitErrors}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Partnership total and mentor capacity</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">
            Total capacity limits a partnership's trainees across all its subjects in an entry year;
            mentor capacity its school placements (a trainee on a multi-year route holds one in each
            year of training).
          </p>
          <tsp-allocation-limits
            .region=${region}
            .edits=${settings.limits}
            .errors=${errors}
          ></tsp-allocation-limits>
        </div>
      </details>
      <h2 class="govuk-heading-m">Rules</h2>
      <p class="govuk-body">
        How places are shared: a pool for schools not engaged with any partnership, how far a plan
        may change from one year to the next, how strongly every partnership should change alike
        (fairness), and how far a partnership's own record of filling its places counts.
      </p>
      <tsp-allocation-rules .values=${settings.rules} .errors=${errors}></tsp-allocation-rules>
      <h2 class="govuk-heading-m">Priority and options</h2>
      <tsp-allocation-options
        .settings=${settings}
        .indicators=${region.indicators.filter((indicator) => indicator.level === 'district')}
        .districts=${region.districts}
        .weights=${this.currentWeights(region, settings)}
        .errors=${errors}
      ></tsp-allocation-options>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-inputs': TspAllocationInputs;
  }
}
