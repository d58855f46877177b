import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AreaIndicator, GeographyLevel, RegionDataset } from '../../data/types.ts';
import { DEFAULT_COLD_SPOT_THRESHOLD } from '../../indicators/default-spec.ts';
import type { ClassMethod } from '../../maps/classify.ts';
import type { MapStyle } from '../../maps/choropleth.ts';
import { BOUNDARY_ATTRIBUTION, type PreparedGeography } from '../../maps/geography.ts';
import { partnershipOverlay, schoolPoints } from '../../maps/overlays.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { loadGeography, loadParentLookup } from '../../runtime/geography-client.ts';
import type { IndexChoices } from '../maps/tsp-index-builder.ts';
import { mapTables, selectedAreaSummary, shownSchools } from '../maps/map-tables.ts';
import {
  FINER,
  defaultIndexWeights,
  indexPresets,
  indicatorsAt,
  lookupKey,
  uniqueIndicators,
} from '../maps/map-indicators.ts';
import {
  INDEX,
  LEVELS,
  LEVEL_IN_TEXT,
  computeMapView,
  viewMapStyle,
  mapDataRows,
  type MapView,
} from '../maps/map-view.ts';
import type { MapControlChoices } from '../maps/tsp-map-controls.ts';
import '../maps/tsp-area-map.ts';
import '../maps/tsp-index-builder.ts';
import '../maps/tsp-map-controls.ts';
import '../maps/tsp-model-indicators.ts';
import { methodNoteLink } from '../method-note.ts';
import { govukDetails } from '../details.ts';
import { readSetting, settingOf, writeSettings } from '../url-state.ts';

const MAP_WIDTH = 600;
const MAP_HEIGHT = 560;

/**
 * The Maps page: choropleths of the region's districts, MSOAs or LSOAs for any area
 * indicator in the dataset (plus `extraIndicators` from the forecast and allocation pages),
 * and the cold-spot index the allocation also uses. Every map has a table with the same
 * numbers, an area select box for keyboard users, its sources, and downloads.
 *
 * @summary Cold-spot maps and index.
 * @fires tsp-cold-spot-change - detail: the user's `IndexChoices`, for the allocation page.
 */
@customElement('tsp-maps-page')
export class TspMapsPage extends LitElement {
  /** The loaded dataset (HTMLElement already has a `dataset`, hence the name). */
  @property({ attribute: false }) region: RegionDataset | undefined;
  /** Indicators computed elsewhere (forecast NQT need per 1,000 pupils, allocated places, fill rate). */
  @property({ attribute: false }) extraIndicators: readonly AreaIndicator[] = [];

  // The map's settings start from the address, so a reload or a shared link shows the same map.
  @state() private level: GeographyLevel = settingOf(
    'level',
    LEVELS.map(([level]) => level),
    'district',
  );
  @state() private display = readSetting('show') ?? INDEX;
  @state() private classMethod: ClassMethod = settingOf(
    'classes',
    ['quantile', 'equal-interval'] as const,
    'quantile',
  );
  @state() private choices: IndexChoices = {
    weights: {},
    threshold: DEFAULT_COLD_SPOT_THRESHOLD,
    missing: 'exclude-area',
  };
  @state() private selectedCode = readSetting('area') ?? '';
  @state() private schoolPhase = readSetting('schools') ?? '';
  @state() private partnershipCode = readSetting('partnership') ?? '';
  @state() private geography: PreparedGeography | undefined;
  @state() private parentLookups = new Map<string, Map<string, string>>();
  @state() private loadError = '';
  /** District indicators added on this page from the model, the allocation and the returns. */
  @state() private modelIndicators: readonly AreaIndicator[] = [];

  private levelsWithDefaults = new Set<GeographyLevel>();
  private view: MapView | undefined;
  private indexError = '';
  private indicators: AreaIndicator[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadLevel(this.level);
  }

  private async loadLevel(level: GeographyLevel): Promise<void> {
    this.loadError = '';
    try {
      const geography = await loadGeography(level, MAP_WIDTH, MAP_HEIGHT);
      if (level === this.level) this.geography = geography;
      // Lookups for averaging finer indicators up to this level, fetched only when there are any.
      for (const finer of FINER[level]) {
        const key = lookupKey(finer, level);
        const needed = this.allIndicators().some((indicator) => indicator.level === finer);
        if (needed && !this.parentLookups.has(key)) {
          const lookup = await loadParentLookup(finer, level);
          this.parentLookups = new Map(this.parentLookups).set(key, lookup);
        }
      }
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  private allIndicators(): AreaIndicator[] {
    return uniqueIndicators(
      this.region?.indicators ?? [],
      this.extraIndicators,
      this.modelIndicators,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region') && changed.get('region') !== undefined) this.modelIndicators = [];
    if (changed.has('region') || changed.has('extraIndicators')) void this.loadLevel(this.level);
    this.indicators = indicatorsAt(this.allIndicators(), this.level, this.parentLookups);
    if (this.indicators.length > 0 && !this.levelsWithDefaults.has(this.level)) {
      // Start each level with an index, so the page opens on a map.
      this.levelsWithDefaults.add(this.level);
      if (!this.indicators.some((indicator) => (this.choices.weights[indicator.id] ?? 0) > 0)) {
        this.choices = {
          ...this.choices,
          weights: { ...this.choices.weights, ...defaultIndexWeights(this.indicators, this.level) },
        };
      }
    }
    // Only once the data are in: an indicator named in the address may not have loaded yet.
    if (
      this.display !== INDEX &&
      this.region !== undefined &&
      !this.indicators.some((indicator) => indicator.id === this.display)
    ) {
      this.display = INDEX;
    }
    this.indexError = '';
    this.view = undefined;
    if (this.geography) {
      const { view, indexError } = computeMapView(
        this.indicators,
        {
          level: this.level,
          display: this.display,
          classMethod: this.classMethod,
          index: this.choices,
        },
        this.geography,
      );
      this.view = view;
      this.indexError = indexError;
    }
  }

  protected override updated(): void {
    writeSettings({
      level: this.level === 'district' ? null : this.level,
      show: this.display === INDEX ? null : this.display,
      classes: this.classMethod === 'quantile' ? null : this.classMethod,
      area: this.selectedCode,
      schools: this.schoolPhase,
      partnership: this.partnershipCode,
    });
  }

  private districtName(code: string): string {
    return (
      this.region?.districts.find((district) => district.code === code)?.name ??
      this.geography?.districts.find((district) => district.code === code)?.name ??
      code
    );
  }

  private mapStyle(geography: PreparedGeography, view: MapView): MapStyle {
    const dataset = this.region;
    const schools = dataset ? shownSchools(dataset, this.schoolPhase) : [];
    const partnership = dataset?.partnerships.find(
      (candidate) => candidate.code === this.partnershipCode,
    );
    const overlay = partnership
      ? partnershipOverlay(partnership, (code) => this.districtName(code))
      : undefined;
    return {
      ...viewMapStyle(view),
      selectedCode: geography.areas.some((area) => area.code === this.selectedCode)
        ? this.selectedCode
        : null,
      schools: schoolPoints(schools),
      footprint: overlay?.footprint ?? null,
      flows: overlay?.flows ?? [],
    };
  }

  private setLevel(level: GeographyLevel): void {
    if (level === this.level) return;
    this.level = level;
    this.selectedCode = '';
    this.geography = undefined;
    void this.loadLevel(level);
  }

  /** New model results replace earlier ones with the same id; they are district figures. */
  private addModelIndicators(added: readonly AreaIndicator[]): void {
    const ids = new Set(added.map((indicator) => indicator.id));
    this.modelIndicators = [
      ...this.modelIndicators.filter((indicator) => !ids.has(indicator.id)),
      ...added,
    ];
    this.setLevel('district');
  }

  private setChoices(choices: IndexChoices): void {
    this.choices = choices;
    this.dispatchEvent(
      new CustomEvent('tsp-cold-spot-change', { detail: choices, bubbles: true, composed: true }),
    );
  }

  private onControls(change: Partial<MapControlChoices>): void {
    if (change.level !== undefined) this.setLevel(change.level);
    if (change.display !== undefined) this.display = change.display;
    if (change.classMethod !== undefined) this.classMethod = change.classMethod;
    if (change.selectedCode !== undefined) this.selectedCode = change.selectedCode;
    if (change.schoolPhase !== undefined) this.schoolPhase = change.schoolPhase;
    if (change.partnershipCode !== undefined) this.partnershipCode = change.partnershipCode;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-l">Cold-spot maps</h1>
      <p class="govuk-body">
        Where are the region’s cold spots for teacher supply? Map deprivation, attainment and, once
        forecasts and allocations have been run, teacher need, by district or small area. The
        cold-spot index combines the indicators you choose; the same index weights unmet need in the
        allocation of ITT places. ${methodNoteLink('maps', 'How the maps and the index work')}.
      </p>
      ${
        this.loadError
          ? html`<div class="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 class="govuk-error-summary__title">The map could not be drawn</h2>
                <div class="govuk-error-summary__body">
                  <p class="govuk-body">${this.loadError}</p>
                </div>
              </div>
            </div>`
          : nothing
      }
      ${this.region ? this.renderMaps(this.region) : html`<p class="govuk-body" role="status">Loading the region’s data…</p>`}
    `;
  }

  private renderMaps(dataset: RegionDataset): TemplateResult {
    const { geography, view } = this;
    return html`
      <div class="govuk-grid-row tsp-answer-first">
        <div class="govuk-grid-column-two-thirds">
          ${geography && view ? this.renderMap(geography, view) : html`<p class="govuk-body" role="status">Loading the boundaries…</p>`}
        </div>
        <div class="govuk-grid-column-one-third">
          ${this.renderControls(dataset)}
          <tsp-index-builder
            .indicators=${this.indicators}
            .choices=${this.choices}
            .presets=${indexPresets(this.indicators, this.level)}
            error=${this.indexError}
            @tsp-index-change=${(event: CustomEvent<IndexChoices>) => this.setChoices(event.detail)}
          ></tsp-index-builder>
          <tsp-model-indicators
            .region=${dataset}
            @tsp-indicators-add=${(event: CustomEvent<{ indicators: AreaIndicator[] }>) =>
              this.addModelIndicators(event.detail.indicators)}
          ></tsp-model-indicators>
        </div>
      </div>
      ${
        geography && view
          ? mapTables(dataset, geography, view, {
              level: this.level,
              display: this.display,
              indicators: this.indicators,
              choices: this.choices,
              selectedCode: this.selectedCode,
              schools: shownSchools(dataset, this.schoolPhase),
              partnership: dataset.partnerships.find(
                (candidate) => candidate.code === this.partnershipCode,
              ),
              districtName: (code) => this.districtName(code),
            })
          : nothing
      }
    `;
  }

  private renderControls(dataset: RegionDataset): TemplateResult {
    const choices: MapControlChoices = {
      level: this.level,
      display: this.display,
      classMethod: this.classMethod,
      selectedCode: this.selectedCode,
      schoolPhase: this.schoolPhase,
      partnershipCode: this.partnershipCode,
    };
    return html`<tsp-map-controls
      .choices=${choices}
      .indicators=${this.indicators}
      .areas=${this.geography?.areas ?? []}
      .schoolPhases=${[...new Set(dataset.schools.map((school) => school.phase))].sort()}
      schoolCount=${dataset.schools.length}
      .partnerships=${dataset.partnerships}
      @tsp-map-controls-change=${(event: CustomEvent<Partial<MapControlChoices>>) =>
        this.onControls(event.detail)}
    ></tsp-map-controls>`;
  }

  private renderMap(geography: PreparedGeography, view: MapView): TemplateResult {
    const levelName = LEVEL_IN_TEXT[this.level];
    return html`
      <h2 class="govuk-heading-m">${view.title}${provenanceTag(view.provenance)}</h2>
      ${govukDetails(
        `By ${levelName}: sources`,
        html`<p class="govuk-body-s">Source: ${view.source}. ${BOUNDARY_ATTRIBUTION}</p>`,
        { classes: 'govuk-!-margin-bottom-3' },
      )}
      ${
        this.display === INDEX && this.indexError
          ? html`<p class="govuk-body">
              ${this.indexError} Choose its indicators under ‘Change the index’.
            </p>`
          : nothing
      }
      ${selectedAreaSummary(geography, view, this.selectedCode, (code) => this.districtName(code))}
      <tsp-area-map
        .geography=${geography}
        .mapStyle=${this.mapStyle(geography, view)}
        .dataRows=${mapDataRows(geography, view, this.indicators, {
          level: this.level,
          display: this.display,
        })}
        fileName=${`cold-spot-map-${this.level}-${this.display === INDEX ? 'index' : this.display}`}
        @tsp-area-select=${(event: CustomEvent<{ code: string }>) => (this.selectedCode = event.detail.code)}
      ></tsp-area-map>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-maps-page': TspMapsPage;
  }
}
