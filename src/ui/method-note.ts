import { html, type TemplateResult } from 'lit';

/** The method notes in the repository's docs/ folder, served beside the app as plain text. */
export type MethodNote = 'supply-model' | 'allocation' | 'redistribution' | 'maps' | 'data';

/** A link to the note that explains how a page's figures are worked out. */
export function methodNoteLink(note: MethodNote, text: string): TemplateResult {
  return html`<a class="govuk-link" href="/docs/${note}.txt">${text}</a>`;
}
