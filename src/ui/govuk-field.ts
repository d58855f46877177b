/**
 * The GOV.UK form-group markup every field shares: label, hint and error message above the
 * control, ids `${id}-hint` and `${id}-error` that the control's aria-describedby names.
 * The control itself (input, select, file upload) stays with its element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { SUBJECT_GROUPS, type SubjectGroup } from '../data/types.ts';

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

/** One choice of a select: its value and the words shown. */
export interface GovukOption {
  value: string;
  text: string;
}

/** The same words as value and text, e.g. years or subject groups. */
export const govukOptions = (values: readonly string[]): GovukOption[] =>
  values.map((value) => ({ value, text: value }));

export interface GovukSelect extends GovukField {
  options: readonly GovukOption[];
  selected: string | undefined;
  onChange: (value: string) => void;
}

/** A GOV.UK select in its form group, with the chosen option selected. */
export function govukSelect(field: GovukSelect): TemplateResult {
  return govukField(
    field,
    html`<select
      class="govuk-select ${field.error ? 'govuk-select--error' : ''}"
      id=${field.id}
      aria-describedby=${govukDescribedBy(field)}
      @change=${(event: Event) => field.onChange((event.target as HTMLSelectElement).value)}
    >
      ${field.options.map(
        (option) =>
          html`<option value=${option.value} ?selected=${option.value === field.selected}>
            ${option.text}
          </option>`,
      )}
    </select>`,
  );
}

/** A results table's subject filter, half a grid row wide: 'All subjects' (value '') or one group. */
export function subjectFilter(
  id: string,
  selected: SubjectGroup | '',
  onChange: (subject: SubjectGroup | '') => void,
): TemplateResult {
  return govukSelect({
    id,
    label: 'Subject',
    groupClass: 'govuk-grid-column-one-half',
    options: [{ value: '', text: 'All subjects' }, ...govukOptions(SUBJECT_GROUPS)],
    selected,
    onChange: (value) => onChange(value as SubjectGroup | ''),
  });
}

/** A number box in a table cell: a grid of them edits a table (caps, plans, limits, rules). */
export interface GovukTableInput {
  id: string;
  /** A visually hidden label; leave out when a label elsewhere in the row names the box. */
  hiddenLabel?: string;
  error: string | undefined;
  value: string;
  inputmode?: 'numeric' | 'decimal';
  /** The id of a hint elsewhere in the row, which the box's aria-describedby lists first. */
  hintId?: string;
  onChange: (value: string) => void;
}

/** The GOV.UK form group for a number box in a table cell, with its error message above it. */
export function govukTableInput(input: GovukTableInput): TemplateResult {
  const { id, error } = input;
  const describedBy = [input.hintId ?? '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class=${govukFormGroupClass(error, 'govuk-!-margin-bottom-0')}>
    ${
      input.hiddenLabel === undefined
        ? nothing
        : html`<label class="govuk-label govuk-visually-hidden" for=${id}
            >${input.hiddenLabel}</label
          >`
    }
    ${govukErrorMessage(id, error)}
    <input
      class="govuk-input govuk-input--width-4 ${error ? 'govuk-input--error' : ''}"
      id=${id}
      name=${id}
      inputmode=${input.inputmode ?? 'numeric'}
      spellcheck="false"
      aria-describedby=${describedBy || nothing}
      .value=${input.value}
      @change=${(event: Event) => input.onChange((event.target as HTMLInputElement).value)}
    />
  </div>`;
}
