import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SUBJECT_GROUPS, type DataIssue } from '../../data/types.ts';
import {
  ENGLAND_BANK_HOLIDAYS,
  OVER_RECRUITMENT_LIMIT,
  OVER_RECRUITMENT_TRIGGER,
  STOP_NOTICE_WORKING_DAYS,
  stopDate,
  type StopNotice,
} from '../../redistribution/index.ts';
import type { InYearSettings } from '../../storage/in-year-store.ts';
import { govukErrorMessage } from '../govuk-field.ts';

export const RULES_SOURCE = 'stop notice';
export const NOTICE_DAY_ID = 'tsp-notice-day';

export type RuleSettings = Pick<
  InYearSettings,
  'overRecruitment' | 'toleranceBands' | 'stopNotices' | 'substituteSciences'
>;

export interface RulesDetail {
  change: Partial<RuleSettings>;
  issues: DataIssue[];
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const longDate = (iso: string): string => dateFormat.format(new Date(`${iso}T00:00:00Z`));

/**
 * The recruitment rules the manager can switch on, as DfE used in 2016-2019: recruit up to
 * 125% once 90% is filled, tolerance bands, and stop notices closing a subject five working
 * days after notice (weekends and England bank holidays skipped). Every change applies at
 * once: limits, forecasts and proposals are worked out again.
 *
 * @summary Redistribution rules and stop notices.
 * @fires tsp-rules - detail: RulesDetail.
 */
@customElement('tsp-rules-form')
export class TspRulesForm extends LitElement {
  @property({ attribute: false }) settings: RuleSettings | null = null;
  @property({ attribute: false }) partnerships: readonly { code: string; name: string }[] = [];
  @property({ attribute: false }) errors: readonly DataIssue[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private emit(change: Partial<RuleSettings>, issues: DataIssue[] = []): void {
    this.dispatchEvent(
      new CustomEvent<RulesDetail>('tsp-rules', { detail: { change, issues }, bubbles: true }),
    );
  }

  private field(id: string): string {
    return this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value.trim() ?? '';
  }

  private addNotice(): void {
    const [day, month, year] = ['tsp-notice-day', 'tsp-notice-month', 'tsp-notice-year'].map((id) =>
      this.field(id),
    );
    const iso = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(iso) ||
      Number.isNaN(date.getTime()) ||
      date.toISOString().slice(0, 10) !== iso
    ) {
      this.emit({}, [
        {
          file: RULES_SOURCE,
          row: null,
          column: 'date',
          message: 'The date notice was given must be a real date, for example 27 3 2025',
        },
      ]);
      return;
    }
    const notice: StopNotice = {
      subject: this.field('tsp-notice-subject'),
      partnershipCode: this.field('tsp-notice-partnership') || null,
      noticeDate: iso,
    };
    this.emit({ stopNotices: [...(this.settings?.stopNotices ?? []), notice] });
  }

  private removeNotice(index: number): void {
    this.emit({ stopNotices: (this.settings?.stopNotices ?? []).filter((_, i) => i !== index) });
  }

  private checkbox(
    id: string,
    key: 'overRecruitment' | 'toleranceBands' | 'substituteSciences',
    label: string,
    hint: string,
  ): TemplateResult {
    return html`<div class="govuk-checkboxes__item">
      <input
        class="govuk-checkboxes__input"
        id=${id}
        type="checkbox"
        .checked=${this.settings?.[key] ?? false}
        aria-describedby="${id}-hint"
        @change=${(e: Event) => this.emit({ [key]: (e.target as HTMLInputElement).checked })}
      />
      <label class="govuk-label govuk-checkboxes__label" for=${id}>${label}</label>
      <div id="${id}-hint" class="govuk-hint govuk-checkboxes__hint">${hint}</div>
    </div>`;
  }

  private notices(): TemplateResult {
    const notices = this.settings?.stopNotices ?? [];
    if (notices.length === 0)
      return html`<p class="govuk-body">No stop notices have been given.</p>`;
    return html`<ul class="govuk-list">
      ${notices.map(
        (n, i) =>
          html`<li>
            ${n.subject}, ${n.partnershipCode ?? 'all partnerships'}: notice given
            ${longDate(n.noticeDate)}, recruitment closes
            ${longDate(stopDate(n.noticeDate, ENGLAND_BANK_HOLIDAYS))}
            <button
              type="button"
              class="govuk-button govuk-button--warning govuk-!-margin-bottom-0 govuk-!-margin-left-2"
              @click=${() => this.removeNotice(i)}
            >
              Remove<span class="govuk-visually-hidden"> the ${n.subject} stop notice</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const dateError = this.errors.find((i) => i.column === 'date')?.message ?? '';
    return html`<div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            Rules switched on
          </legend>
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            ${this.checkbox('tsp-rule-over', 'overRecruitment', `Recruit up to ${OVER_RECRUITMENT_LIMIT * 100}% once ${OVER_RECRUITMENT_TRIGGER * 100}% is filled`, 'A partnership that has filled 90% of its places in a subject may recruit to 125% of them.')}
            ${this.checkbox('tsp-rule-tolerance', 'toleranceBands', 'Tolerance bands', 'Recruit a few over the allocation: 1 to 14 places +1, 15 to 24 +2, then +1 for each further 10 places.')}
            ${this.checkbox('tsp-rule-sciences', 'substituteSciences', 'Let science places substitute', 'Biology, Chemistry and Physics places may move between each other (at a small cost, so same-subject moves come first).')}
          </div>
        </fieldset>
      </div>
      <h3 class="govuk-heading-s">Stop notices</h3>
      ${this.notices()}
      <div class="govuk-form-group">
        <label class="govuk-label" for="tsp-notice-subject">Subject</label>
        <select class="govuk-select" id="tsp-notice-subject">
          ${SUBJECT_GROUPS.map((s) => html`<option value=${s}>${s}</option>`)}
        </select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="tsp-notice-partnership">Partnership</label>
        <select class="govuk-select" id="tsp-notice-partnership">
          <option value="">All partnerships</option>
          ${this.partnerships.map((p) => html`<option value=${p.code}>${p.name} (${p.code})</option>`)}
        </select>
      </div>
      <div class="govuk-form-group ${dateError ? 'govuk-form-group--error' : ''}">
        <fieldset
          class="govuk-fieldset"
          role="group"
          aria-describedby="tsp-notice-hint${dateError ? ' tsp-notice-error' : ''}"
        >
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
            Date notice was given
          </legend>
          <div id="tsp-notice-hint" class="govuk-hint">
            Recruitment closes ${STOP_NOTICE_WORKING_DAYS} working days later. For example, 27 3
            2025
          </div>
          ${govukErrorMessage('tsp-notice', dateError)}
          <div class="govuk-date-input">
            ${(
              [
                ['tsp-notice-day', 'Day', 2],
                ['tsp-notice-month', 'Month', 2],
                ['tsp-notice-year', 'Year', 4],
              ] as const
            ).map(
              ([id, label, width]) =>
                html`<div class="govuk-date-input__item">
                  <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=${id}>${label}</label>
                    <input
                      class="govuk-input govuk-date-input__input govuk-input--width-${width} ${dateError ? 'govuk-input--error' : ''}"
                      id=${id}
                      type="text"
                      inputmode="numeric"
                    />
                  </div>
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
      <button
        type="button"
        class="govuk-button govuk-button--secondary"
        @click=${() => this.addNotice()}
      >
        Give stop notice
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-rules-form': TspRulesForm;
  }
}
