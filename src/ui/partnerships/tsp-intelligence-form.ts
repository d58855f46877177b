import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { DataIssue, District, Partnership } from '../../data/types.ts';
import { SUBJECT_GROUPS } from '../../data/types.ts';
import { describeFieldIssue } from '../../data/issues.ts';
import {
  INTELLIGENCE_KINDS,
  addIntelligenceEntry,
  schoolPhasePupils,
  type IntelligenceContext,
  type IntelligenceInput,
  type IntelligenceState,
} from '../../partnerships/index.ts';
import { formatCount } from '../format.ts';
import { districtName, emit, formatChange } from './view-helpers.ts';
import { govukDescribedBy, govukField } from '../govuk-field.ts';
import '../tsp-error-summary.ts';

type Field = Exclude<keyof IntelligenceInput, 'partnershipCode'>;
const ID = (field: Field) => `tsp-intelligence-${field}`;
const SELECTS = ['schoolUrn', 'subject', 'year', 'kind'] as const satisfies readonly Field[];
const EMPTY: Record<Field, string> = {
  schoolUrn: '',
  subject: '',
  year: '',
  kind: '',
  fteChange: '',
  author: '',
  reason: '',
};

/**
 * The local-intelligence form: a partnership lead records a known change at one of its
 * partner schools (retirement, leaver, roll change, new provision, correction) for a
 * subject and entry year, with who and why. The core validates it; errors are listed in a
 * GOV.UK error summary that takes focus and beside each field.
 *
 * @summary Form adding one local-intelligence entry.
 * @fires tsp-intelligence-change - detail `{ state, message }`: an entry was added.
 */
@customElement('tsp-intelligence-form')
export class TspIntelligenceForm extends LitElement {
  @property({ attribute: false }) partnership: Partnership | undefined;
  @property({ attribute: false }) context: IntelligenceContext | undefined;
  @property({ attribute: false }) intelligence: IntelligenceState = { entries: [] };
  @property({ attribute: false }) districts: readonly District[] = [];

  @state() private values: Record<Field, string> = { ...EMPTY };
  @state() private issues: DataIssue[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(): void {
    // A select's choice is the DOM's; put it back in line with the state (e.g. after a reset).
    for (const field of SELECTS) {
      const select = this.querySelector<HTMLSelectElement>(`#${ID(field)}`);
      if (select !== null && select.value !== this.values[field]) select.value = this.values[field];
    }
  }

  private onInput(field: Field, event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.values = { ...this.values, [field]: target.value };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const partnership = this.partnership;
    const context = this.context;
    if (partnership === undefined || context === undefined) return;
    const result = addIntelligenceEntry(
      this.intelligence,
      { partnershipCode: partnership.code, ...this.values },
      context,
      new Date(),
    );
    if (!result.ok) {
      this.issues = result.issues;
      void this.updateComplete.then(() => this.querySelector('tsp-error-summary')?.focusSummary());
      return;
    }
    this.issues = [];
    const { entry } = result;
    // Keep who and where for the next entry; clear what changes from one entry to the next.
    this.values = { ...this.values, fteChange: '', reason: '', kind: '' };
    emit(this, 'tsp-intelligence-change', {
      state: result.state,
      message: `Entry ${entry.id} added: ${entry.subject}, entry year ${entry.year}, ${formatChange(entry.fteChange)} FTE (${entry.kind}) at school ${entry.schoolUrn}. The forecast now includes it.`,
    });
  }

  private issueOf(field: Field): DataIssue | undefined {
    return this.issues.find((issue) => issue.column === field);
  }

  /** A GOV.UK form group with its label, hint and error message. */
  private group(
    field: Field,
    label: string,
    control: (describedBy: string, invalid: boolean) => TemplateResult,
    hint?: string,
  ): TemplateResult {
    const issue = this.issueOf(field);
    const parts = {
      id: ID(field),
      label,
      hint,
      error: issue ? describeFieldIssue(issue) : undefined,
    };
    const describedBy = govukDescribedBy(parts);
    return govukField(
      parts,
      control(describedBy === nothing ? '' : describedBy, issue !== undefined),
    );
  }

  private select(field: Field, options: readonly [string, string][]) {
    return (describedBy: string, invalid: boolean) =>
      html`<select
        class="govuk-select ${invalid ? 'govuk-select--error' : ''}"
        id=${ID(field)}
        name=${field}
        aria-describedby=${describedBy || nothing}
        @change=${(event: Event) => this.onInput(field, event)}
      >
        <option value="" ?selected=${this.values[field] === ''}>Choose</option>
        ${options.map(
          ([value, text]) =>
            html`<option value=${value} ?selected=${this.values[field] === value}>${text}</option>`,
        )}
      </select>`;
  }

  private schoolOptions(): [string, string][] {
    const partnership = this.partnership;
    const context = this.context;
    if (partnership === undefined || context === undefined) return [];
    const urns = new Set(
      context.assignment.links
        .filter((link) => link.partnershipCode === partnership.code)
        .map((link) => link.schoolUrn),
    );
    return context.schools
      .filter((school) => urns.has(school.urn))
      .map((school) => {
        const pupils = schoolPhasePupils(school);
        const name = school.name ?? `URN ${school.urn}`;
        return [
          school.urn,
          `${name}: ${school.phase}, ${districtName(this.districts, school.districtCode)}, ${formatCount(pupils.primary + pupils.secondary)} pupils`,
        ];
      });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.partnership === undefined || this.context === undefined) return nothing;
    const text =
      (field: Field, type: 'text' | 'decimal' = 'text') =>
      (describedBy: string, invalid: boolean) =>
        html`<input
          class="govuk-input ${type === 'decimal' ? 'govuk-input--width-5' : ''} ${invalid ? 'govuk-input--error' : ''}"
          id=${ID(field)}
          name=${field}
          type="text"
          inputmode=${type === 'decimal' ? 'decimal' : nothing}
          spellcheck="false"
          aria-describedby=${describedBy || nothing}
          .value=${live(this.values[field])}
          @input=${(event: Event) => this.onInput(field, event)}
        />`;
    return html`
      <h2 class="govuk-heading-m" id="tsp-intelligence-heading">Add local intelligence</h2>
      <p class="govuk-body">
        Record a change you know about at a partner school that the forecast cannot see. It is added
        to the forecast of that subject and entry year, and kept with who entered it and why.
      </p>
      ${
        this.issues.length > 0
          ? html`<tsp-error-summary
              .items=${this.issues.map((issue) => ({
                text: describeFieldIssue(issue),
                href: `#${ID((issue.column ?? 'schoolUrn') as Field)}`,
              }))}
            ></tsp-error-summary>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit}>
        ${this.group('schoolUrn', 'Partner school', this.select('schoolUrn', this.schoolOptions()))}
        ${this.group(
          'subject',
          'Subject',
          this.select(
            'subject',
            SUBJECT_GROUPS.map((subject) => [subject, subject]),
          ),
        )}
        ${this.group(
          'year',
          'Entry year',
          this.select(
            'year',
            this.context.entryYears.map((year) => [year, year]),
          ),
          'The year trainees would start, one year before they would fill the post as NQTs.',
        )}
        ${this.group(
          'kind',
          'Kind of change',
          this.select(
            'kind',
            INTELLIGENCE_KINDS.map((kind) => [kind, kind[0]?.toUpperCase() + kind.slice(1)]),
          ),
        )}
        ${this.group(
          'fteChange',
          'Change to the NQTs needed (FTE)',
          text('fteChange', 'decimal'),
          'Positive for more NQTs needed (for example 1 for a retirement), negative for fewer. Up to 2 decimal places.',
        )}
        ${this.group('author', 'Entered by', text('author'), 'Your name and role.')}
        ${this.group(
          'reason',
          'Reason',
          (describedBy, invalid) =>
            html`<textarea
              class="govuk-textarea ${invalid ? 'govuk-textarea--error' : ''}"
              id=${ID('reason')}
              name="reason"
              rows="3"
              aria-describedby=${describedBy || nothing}
              .value=${live(this.values.reason)}
              @input=${(event: Event) => this.onInput('reason', event)}
            ></textarea>`,
        )}
        <button type="submit" class="govuk-button">Add entry</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-intelligence-form': TspIntelligenceForm;
  }
}
