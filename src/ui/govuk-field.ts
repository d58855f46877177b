/**
 * The GOV.UK form-group markup every field shares: label, hint and error message above the
 * control, ids `${id}-hint` and `${id}-error` that the control's aria-describedby names.
 * The control itself (input, select, file upload) stays with its element.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface GovukField {
  /** The control's id; the hint and error message take it as their prefix. */
  id: string;
  label: string | TemplateResult;
  /** Extra label classes, e.g. `govuk-label--s`. */
  labelClass?: string;
  hint?: string | TemplateResult | undefined;
  /** The error message, if the field has one (GOV.UK error-message wording). */
  error?: string | undefined;
  /** Extra classes on the form group, e.g. a spacing override. */
  groupClass?: string;
}

/** A GOV.UK error message for the field `id`, or nothing when there is no error. */
export function govukErrorMessage(
  id: string,
  error: string | undefined,
): TemplateResult | typeof nothing {
  return error
    ? html`<p id="${id}-error" class="govuk-error-message">
        <span class="govuk-visually-hidden">Error:</span> ${error}
      </p>`
    : nothing;
}

/** The form group's classes: its error state and any extra classes. */
export function govukFormGroupClass(error: string | undefined, extra = ''): string {
  return ['govuk-form-group', error ? 'govuk-form-group--error' : '', extra]
    .filter(Boolean)
    .join(' ');
}

/** What the control's aria-describedby lists: its hint and its error message, where shown. */
export function govukDescribedBy(
  field: Pick<GovukField, 'id' | 'error'> & { hint?: unknown },
): string | typeof nothing {
  const ids = [field.hint ? `${field.id}-hint` : '', field.error ? `${field.id}-error` : ''];
  return ids.filter(Boolean).join(' ') || nothing;
}

/** A whole GOV.UK form group around `control` (which sets aria-describedby with govukDescribedBy). */
export function govukField(field: GovukField, control: TemplateResult): TemplateResult {
  return html`<div class=${govukFormGroupClass(field.error, field.groupClass)}>
    <label class=${['govuk-label', field.labelClass].filter(Boolean).join(' ')} for=${field.id}>
      ${field.label}
    </label>
    ${field.hint ? html`<div id="${field.id}-hint" class="govuk-hint">${field.hint}</div>` : nothing}
    ${govukErrorMessage(field.id, field.error)} ${control}
  </div>`;
}
