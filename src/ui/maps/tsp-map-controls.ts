import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { afterNextPaint } from '../after-next-paint.ts';
import type { GeographyLevel } from '../../data/types.ts';
import type { ClassMethod } from '../../maps/classify.ts';
import { INDEX, LEVELS } from './map-view.ts';

/** What the controls choose. */
export interface MapControlChoices {
  level: GeographyLevel;
  /** An indicator id, or INDEX for the cold-spot index. */
  display: string;
  classMethod: ClassMethod;
  /** Area highlighted on the map and in the table; '' for none. */
  selectedCode: string;
  /** School phase shown on the map: '' none, 'all', or a phase. */
  schoolPhase: string;
  /** Partnership whose reach and NQT flows are drawn; '' for none. */
  partnershipCode: string;
}

interface Named {
  code: string;
  name: string;
}

const CLASS_METHODS: readonly [ClassMethod, string][] = [
  ['quantile', 'Quantiles'],
  ['equal-interval', 'Equal intervals'],
];

/**
 * The Maps page's controls: geography level, what to show, colour classes, the selected
 * area, school points and a partnership's reach. GOV.UK radios and select boxes, so every
 * choice on the map can also be made with the keyboard.
 *
 * @summary Map controls.
 * @fires tsp-map-controls-change - detail: the changed part of `MapControlChoices`.
 */
@customElement('tsp-map-controls')
export class TspMapControls extends LitElement {
  @property({ attribute: false }) choices: MapControlChoices | undefined;
  @property({ attribute: false }) indicators: readonly { id: string; label: string }[] = [];
  /** Areas of the level on the map, for the area select box. */
  @property({ attribute: false }) areas: readonly Named[] = [];
  /**
   * The areas the select box lists, in name order: set a frame after `areas`, so a new level's
   * 1,146 options are built after the map has painted, in a task of their own.
   */
  @state() private listedAreas: readonly Named[] = [];
  private listedFrom: readonly Named[] | undefined;
  @property({ attribute: false }) schoolPhases: readonly string[] = [];
  @property({ type: Number }) schoolCount = 0;
  @property({ attribute: false }) partnerships: readonly Named[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('areas') && this.areas !== this.listedFrom) void this.listAreas(this.areas);
  }

  private async listAreas(areas: readonly Named[]): Promise<void> {
    this.listedFrom = areas;
    await afterNextPaint();
    if (this.listedFrom !== areas) return;
    const collator = new Intl.Collator('en-GB');
    this.listedAreas = [...areas].sort((a, b) => collator.compare(a.name, b.name));
  }

  private change(change: Partial<MapControlChoices>): void {
    this.dispatchEvent(
      new CustomEvent<Partial<MapControlChoices>>('tsp-map-controls-change', {
        detail: change,
        bubbles: true,
      }),
    );
  }

  private radios<T extends string>(
    legend: string,
    name: string,
    options: readonly (readonly [T, string])[],
    current: T,
    choose: (value: T) => void,
    inline = false,
  ): TemplateResult {
    return html`<div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
        <div
          class="govuk-radios govuk-radios--small ${inline ? 'govuk-radios--inline' : ''}"
          data-module="govuk-radios"
        >
          ${options.map(
            ([value, label]) =>
              html`<div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id="tsp-${name}-${value}"
                  name="tsp-${name}"
                  type="radio"
                  .checked=${current === value}
                  @change=${() => choose(value)}
                />
                <label class="govuk-label govuk-radios__label" for="tsp-${name}-${value}"
                  >${label}</label
                >
              </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  /** A select box of [value, text] options, with an optional hint. */
  private select(
    id: string,
    label: string,
    options: readonly (readonly [string, string])[],
    current: string,
    choose: (value: string) => void,
    hint = '',
  ): TemplateResult {
    return html`<div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for=${id}>${label}</label>
      ${hint ? html`<div id="${id}-hint" class="govuk-hint">${hint}</div>` : nothing}
      <select
        class="govuk-select"
        id=${id}
        aria-describedby=${hint ? `${id}-hint` : nothing}
        @change=${(event: Event) => choose((event.target as HTMLSelectElement).value)}
      >
        ${options.map(
          ([value, text]) =>
            html`<option value=${value} ?selected=${current === value}>${text}</option>`,
        )}
      </select>
    </div>`;
  }

  protected override render(): TemplateResult {
    const choices = this.choices;
    if (!choices) return html`${nothing}`;
    return html`
      ${this.radios('Geography', 'level', LEVELS, choices.level, (level) => this.change({ level }))}
      ${this.select(
        'tsp-display',
        'Show',
        [
          [INDEX, 'Cold-spot index'],
          ...this.indicators.map((indicator) => [indicator.id, indicator.label] as const),
        ],
        choices.display,
        (display) => this.change({ display }),
      )}
      ${this.radios(
        'Colour classes',
        'classes',
        CLASS_METHODS,
        choices.classMethod,
        (classMethod) => this.change({ classMethod }),
        true,
      )}
      ${this.select(
        'tsp-area',
        'Select an area',
        [['', 'None'], ...this.listedAreas.map((area) => [area.code, area.name] as const)],
        choices.selectedCode,
        (selectedCode) => this.change({ selectedCode }),
        'Highlights it on the map and in the table.',
      )}
      ${this.select(
        'tsp-schools',
        'Schools on the map',
        [
          ['', 'None'],
          ['all', `All (${this.schoolCount})`],
          ...this.schoolPhases.map((phase) => [phase, phase] as const),
        ],
        choices.schoolPhase,
        (schoolPhase) => this.change({ schoolPhase }),
      )}
      ${this.select(
        'tsp-partnership',
        'Partnership reach and NQT flows',
        [['', 'None'], ...this.partnerships.map((p) => [p.code, p.name] as const)],
        choices.partnershipCode,
        (partnershipCode) => this.change({ partnershipCode }),
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-map-controls': TspMapControls;
  }
}
