import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import {
  govukDescribedBy,
  govukField,
  govukOptions,
  govukSelect,
  govukTableInput,
  type GovukField,
} from '../../../src/ui/govuk-field.ts';

function rendered(field: GovukField): HTMLElement {
  const host = document.createElement('div');
  render(
    govukField(field, html`<input id=${field.id} aria-describedby=${govukDescribedBy(field)} />`),
    host,
  );
  return host.firstElementChild as HTMLElement;
}

describe('govukField', () => {
  it('is a plain form group with a label when there is no hint or error', () => {
    const group = rendered({ id: 'places', label: 'Places' });
    expect(group.className).toBe('govuk-form-group');
    expect(group.querySelector('label')?.htmlFor).toBe('places');
    expect(group.querySelector('.govuk-hint, .govuk-error-message')).toBeNull();
    expect(group.querySelector('input')?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows the hint and the error, in GOV.UK order, and the control names both', () => {
    const group = rendered({
      id: 'places',
      label: 'Places',
      hint: 'A whole number.',
      error: 'Enter places as a whole number, like 12',
      groupClass: 'govuk-!-margin-bottom-0',
    });
    expect(group.className).toBe(
      'govuk-form-group govuk-form-group--error govuk-!-margin-bottom-0',
    );
    const parts = [...group.children].map((child) => child.className || child.tagName);
    expect(parts).toEqual(['govuk-label', 'govuk-hint', 'govuk-error-message', 'INPUT']);
    expect(group.querySelector('#places-error')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Error: Enter places as a whole number, like 12',
    );
    expect(group.querySelector('input')?.getAttribute('aria-describedby')).toBe(
      'places-hint places-error',
    );
  });
});

describe('govukTableInput', () => {
  it('is a number box with a hidden label, and hands on what is typed', () => {
    const typed: string[] = [];
    const host = document.createElement('div');
    render(
      govukTableInput({
        id: 'cap-maths',
        hiddenLabel: 'Regional cap for Mathematics',
        error: undefined,
        value: '40',
        onChange: (text) => typed.push(text),
      }),
      host,
    );
    const input = host.querySelector('input')!;
    expect(host.querySelector('label.govuk-visually-hidden')?.textContent).toBe(
      'Regional cap for Mathematics',
    );
    expect([input.value, input.inputMode, input.hasAttribute('aria-describedby')]).toEqual([
      '40',
      'numeric',
      false,
    ]);
    input.value = '35';
    input.dispatchEvent(new Event('change'));
    expect(typed).toEqual(['35']);
  });

  it('shows its error above the box and names the row hint and the error', () => {
    const host = document.createElement('div');
    render(
      govukTableInput({
        id: 'rule-band',
        error: 'Enter a share from 0 to 1',
        value: 'x',
        inputmode: 'decimal',
        hintId: 'rule-band-hint',
        onChange: () => undefined,
      }),
      host,
    );
    const group = host.firstElementChild as HTMLElement;
    expect(group.className).toBe(
      'govuk-form-group govuk-form-group--error govuk-!-margin-bottom-0',
    );
    expect(group.querySelector('label')).toBeNull();
    const parts = [...group.children].map((child) => child.className.split(' ')[0]);
    expect(parts).toEqual(['govuk-error-message', 'govuk-input']);
    const input = group.querySelector('input')!;
    expect(input.classList.contains('govuk-input--error')).toBe(true);
    expect(input.getAttribute('aria-describedby')).toBe('rule-band-hint rule-band-error');
  });
});

describe('govukSelect', () => {
  it('selects the chosen option and reports the value a user picks', () => {
    const picked: string[] = [];
    const host = document.createElement('div');
    render(
      govukSelect({
        id: 'year',
        label: 'Entry year',
        options: govukOptions(['2026/27', '2027/28']),
        selected: '2027/28',
        onChange: (value) => picked.push(value),
      }),
      host,
    );
    const select = host.querySelector('select')!;
    expect(host.querySelector('label')?.htmlFor).toBe('year');
    expect(select.value).toBe('2027/28');
    expect(select.hasAttribute('aria-describedby')).toBe(false);
    select.value = '2026/27';
    select.dispatchEvent(new Event('change'));
    expect(picked).toEqual(['2026/27']);
  });
});
