import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { govukButton } from '../govuk-button.ts';

/**
 * A solve in progress: the solver worker reports no progress, so this shows what is running
 * and the seconds elapsed against the time limit, with Cancel. The elapsed seconds are not in
 * a live region (a screen reader would read every tick); the page announces start and end.
 *
 * @summary Solve status with elapsed time and Cancel.
 * @fires tsp-allocation-cancel - the user asked to stop the solve.
 */
@customElement('tsp-allocation-progress')
export class TspAllocationProgress extends LitElement {
  /** performance.now() when the solve started. */
  @property({ type: Number }) started = 0;
  @property({ type: Number }) timeLimitSeconds = 0;

  @state() private elapsed = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      this.elapsed = Math.floor((performance.now() - this.started) / 1000);
    }, 1000);
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  protected override firstUpdated(_changed: PropertyValues<this>): void {
    this.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('tsp-allocation-cancel', { bubbles: true }));
  }

  protected override render(): TemplateResult {
    return html`<div class="govuk-inset-text">
      <h2 class="govuk-heading-m">Solving the allocation</h2>
      <p class="govuk-body" data-testid="allocation-solving">
        Solving: linear programme, then whole places and minimum cohorts. ${this.elapsed} of at most
        ${this.timeLimitSeconds} seconds (plus the diagnosis if no plan meets every rule).
      </p>
      ${govukButton({
        text: 'Cancel',
        variant: 'warning',
        classes: 'govuk-!-margin-bottom-0',
        onClick: () => this.cancel(),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-allocation-progress': TspAllocationProgress;
  }
}
