import { html, render } from 'lit';
import { describe, expect, it } from 'vitest';
import { govukDescribedBy, govukField, type GovukField } from '../../../src/ui/govuk-field.ts';

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
