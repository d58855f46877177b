import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FileContent } from '../../data/utf8.ts';
import { fileBytes } from '../upload.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';

/**
 * What a `tsp-file` event carries: the file's bytes (its reader decodes and checks them), or
 * null when it is over the size limit.
 */
export interface ChosenFile {
  fileName: string;
  size: number;
  text: FileContent | null;
}

/**
 * A GOV.UK file upload with its button. The file is read in the browser (nothing is sent
 * anywhere); the owner validates it and passes back any error to show on the field.
 *
 * @summary GOV.UK file upload that reads the chosen file's bytes.
 * @fires tsp-file - detail: ChosenFile, when the button is pressed with a file chosen.
 */
@customElement('tsp-file-upload')
export class TspFileUpload extends LitElement {
  @property() inputId = '';
  @property() label = '';
  @property() hint = '';
  @property() accept = '.csv';
  @property() buttonText = 'Upload';
  /** Error to show on the field (GOV.UK error message), or ''. */
  @property() error = '';
  /** Files larger than this are not read. */
  @property({ type: Number }) maxBytes = 5 * 1024 * 1024;

  @state() private busy = false;
  @state() private missing = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async upload(): Promise<void> {
    const input = this.querySelector<HTMLInputElement>(`#${this.inputId}`);
    const file = input?.files?.[0];
    this.missing = file === undefined;
    if (file === undefined) {
      input?.focus();
      return;
    }
    this.busy = true;
    try {
      const text = file.size > this.maxBytes ? null : await fileBytes(file);
      this.dispatchEvent(
        new CustomEvent<ChosenFile>('tsp-file', {
          detail: { fileName: file.name, size: file.size, text },
          bubbles: true,
        }),
      );
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const error = this.missing ? 'Select a file' : this.error;
    const field = {
      id: this.inputId,
      label: this.label,
      labelClass: 'govuk-label--s',
      hint: this.hint || undefined,
      error: error || undefined,
    };
    return html`${govukField(
        field,
        html`<input
          class="govuk-file-upload ${error ? 'govuk-file-upload--error' : ''}"
          id=${this.inputId}
          name=${this.inputId}
          type="file"
          accept=${this.accept}
          aria-describedby=${govukDescribedBy(field)}
          @change=${() => (this.missing = false)}
        />`,
      )}
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        ?disabled=${this.busy}
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => void this.upload()}
      >
        ${this.buttonText}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-file-upload': TspFileUpload;
  }
}
