/**
 * The GOV.UK button markup every action shares (`type="button"`, its variant, the
 * govuk-button module), and the hidden live region that announces what an action did.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface GovukButton {
  text: string | TemplateResult;
  onClick: () => void;
  variant?: 'secondary' | 'warning';
  disabled?: boolean;
  /** Extra classes, e.g. a spacing override. */
  classes?: string;
}

export function govukButton(button: GovukButton): TemplateResult {
  const classes = [
    'govuk-button',
    button.variant ? `govuk-button--${button.variant}` : '',
    button.classes ?? '',
  ];
  return html`<button
    type="button"
    class=${classes.filter(Boolean).join(' ')}
    data-module="govuk-button"
    ?disabled=${button.disabled ?? false}
    @click=${button.onClick}
  >
    ${button.text}
  </button>`;
}

/** A polite live region, not shown, that screen readers announce when its text changes. */
export function hiddenStatus(text: string, testId?: string): TemplateResult {
  return html`<div
    class="govuk-visually-hidden"
    role="status"
    aria-live="polite"
    data-testid=${testId ?? nothing}
  >
    ${text}
  </div>`;
}
