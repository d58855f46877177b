import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AreaIndicator, GeographyLevel, Provenance, RegionDataset } from '../../data/types.ts';
import {
  coldSpotIndex,
  coldSpotWeights,
  type ColdSpotIndexResult,
} from '../../indicators/cold-spot-index.ts';
import { aggregateIndicatorMean } from '../../indicators/aggregate.ts';
import {
  DEFAULT_COLD_SPOT_THRESHOLD,
  DEFAULT_DISTRICT_COLD_SPOT_INDICATORS,
} from '../../indicators/default-spec.ts';
import { classOf, classScale, type ClassMethod, type ClassScale } from '../../maps/classify.ts';
import type { MapStyle } from '../../maps/choropleth.ts';
import type { MapDataRow } from '../../maps/export.ts';
import { BOUNDARY_ATTRIBUTION, type PreparedGeography } from '../../maps/geography.ts';
import { partnershipOverlay, schoolPoints } from '../../maps/overlays.ts';
import { provenanceTag } from '../provenance-tag.ts';
import { loadGeography, loadParentLookup } from '../maps/boundaries.ts';
import { specFor, type IndexChoices } from '../maps/tsp-index-builder.ts';
import { areaRowId, type AreaTableRow } from '../maps/tsp-area-table.ts';
import '../maps/tsp-area-map.ts';
import '../maps/tsp-area-table.ts';
import '../maps/tsp-index-builder.ts';
import '../maps/tsp-school-table.ts';
import '../maps/tsp-partnership-reach.ts';
import '../maps/tsp-model-indicators.ts';

const MAP_WIDTH = 600;
const MAP_HEIGHT = 640;
/** The display choice for the composite index (indicator ids never contain a space). */
const INDEX = 'cold spot index';
const LEVELS: readonly [GeographyLevel, string][] = [
  ['district', 'Districts'],
  ['msoa', 'Middle layer super output areas (MSOAs)'],
  ['lsoa', 'Lower layer super output areas (LSOAs)'],
];
/** A level's name in running text. */
const LEVEL_IN_TEXT: Record<GeographyLevel, string> = {
  district: 'district',
  msoa: 'MSOA',
  lsoa: 'LSOA',
};
/**
 * Indicators the index starts with, where the dataset has them: deprivation with attainment
 * for districts, the latest deprivation measures for small areas. Otherwise the first one.
 */
const DEFAULT_INDEX: Record<GeographyLevel, readonly string[]> = {
  // The allocation's default too (defaultDistrictColdSpotSpec), so map and allocation agree.
  district: DEFAULT_DISTRICT_COLD_SPOT_INDICATORS,
  msoa: ['imd2015_msoa_score'],
  lsoa: ['imd2019_rank', 'imd2019_education_rank'],
};
/** Finer levels whose indicators can be averaged up to each level. */
const FINER: Record<GeographyLevel, GeographyLevel[]> = {
  district: ['msoa', 'lsoa'],
  msoa: ['lsoa'],
  lsoa: [],
};

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const formatValue = (value: number): string => numberFormat.format(value);
const formatMaybe = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'x' : formatValue(value);

/** The least certain provenance of the inputs, so an index of illustrative figures says so. */
function combinedProvenance(provenances: readonly Provenance[]): Provenance {
  for (const weakest of ['illustrative', 'imported', 'estimated'] as const) {
    if (provenances.includes(weakest)) return weakest;
  }
  return 'derived';
}

function classLabel(scale: ClassScale, value: number | null): string {
  const index = classOf(scale, value);
  if (index === null) return 'No data';
  const lower = formatValue(scale.breaks[index]!);
  const upper = formatValue(scale.breaks[index + 1]!);
  return index === 0 ? `${lower} to ${upper}` : `over ${lower} to ${upper}`;
}

/** Everything the map, the table and the downloads show for the current choices. */
interface MapView {
  title: string;
  unit: string;
  source: string;
  provenance: Provenance;
  higherIsWorse: boolean;
  values: Map<string, number | null>;
  scale: ClassScale;
  index: ColdSpotIndexResult | undefined;
}

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

  @state() private level: GeographyLevel = 'district';
  @state() private display = INDEX;
  @state() private classMethod: ClassMethod = 'quantile';
  @state() private choices: IndexChoices = {
    weights: {},
    threshold: DEFAULT_COLD_SPOT_THRESHOLD,
    missing: 'exclude-area',
  };
  @state() private selectedCode = '';
  @state() private schoolPhase = '';
  @state() private partnershipCode = '';
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
        const key = `${finer}>${level}`;
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
    const seen = new Set<string>();
    return [
      ...(this.region?.indicators ?? []),
      ...this.extraIndicators,
      ...this.modelIndicators,
    ].filter((indicator) => {
      if (seen.has(indicator.id)) return false;
      seen.add(indicator.id);
      return true;
    });
  }

  /** Indicators at the level, then finer ones averaged up to it. */
  private indicatorsAt(level: GeographyLevel): AreaIndicator[] {
    const all = this.allIndicators();
    const native = all.filter((indicator) => indicator.level === level);
    const averaged = FINER[level].flatMap((finer) => {
      const lookup = this.parentLookups.get(`${finer}>${level}`);
      return lookup
        ? all
            .filter((indicator) => indicator.level === finer)
            .map((indicator) => aggregateIndicatorMean(indicator, lookup, level))
        : [];
    });
    return [...native, ...averaged];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region') && changed.get('region') !== undefined) this.modelIndicators = [];
    if (changed.has('region') || changed.has('extraIndicators')) void this.loadLevel(this.level);
    this.indicators = this.indicatorsAt(this.level);
    if (this.indicators.length > 0 && !this.levelsWithDefaults.has(this.level)) {
      // Start each level with an index, so the page opens on a map.
      this.levelsWithDefaults.add(this.level);
      if (!this.indicators.some((indicator) => (this.choices.weights[indicator.id] ?? 0) > 0)) {
        const preferred = this.indicators.filter((indicator) =>
          DEFAULT_INDEX[this.level].includes(indicator.id),
        );
        const starters = preferred.length > 0 ? preferred : this.indicators.slice(0, 1);
        const weights = { ...this.choices.weights };
        for (const indicator of starters) weights[indicator.id] = 1;
        this.choices = { ...this.choices, weights };
      }
    }
    if (
      this.display !== INDEX &&
      !this.indicators.some((indicator) => indicator.id === this.display)
    ) {
      this.display = INDEX;
    }
    this.view = this.geography ? this.computeView(this.geography) : undefined;
  }

  private computeIndex(geography: PreparedGeography): ColdSpotIndexResult | undefined {
    this.indexError = '';
    try {
      return coldSpotIndex(this.indicators, {
        ...specFor(this.choices, this.indicators),
        // Standardise across the areas on the map, not any national rows an indicator holds.
        areaCodes: geography.areas.map((area) => area.code),
      });
    } catch (error) {
      this.indexError = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  }

  private computeView(geography: PreparedGeography): MapView {
    const index = this.computeIndex(geography);
    const indicator = this.indicators.find((candidate) => candidate.id === this.display);
    let view: Omit<MapView, 'scale'>;
    if (indicator) {
      view = {
        title: indicator.label,
        unit: indicator.unit,
        source: indicator.source,
        provenance: indicator.provenance,
        higherIsWorse: indicator.higherIsWorse,
        values: new Map(indicator.values.map((entry) => [entry.areaCode, entry.value])),
        index,
      };
    } else {
      const used = specFor(this.choices, this.indicators).weights.flatMap(({ indicatorId }) =>
        this.indicators.filter((candidate) => candidate.id === indicatorId),
      );
      view = {
        title: 'Cold-spot index (above 0 = worse off than average)',
        unit: 'standard deviations',
        source: used.length
          ? `Cold-spot index computed in this app from: ${used.map((u) => `${u.label} (${u.source})`).join('; ')}`
          : 'Cold-spot index: no indicators chosen',
        provenance: combinedProvenance(used.map((u) => u.provenance)),
        higherIsWorse: true,
        values: new Map((index?.areas ?? []).map((area) => [area.areaCode, area.index])),
        index,
      };
    }
    const shown = geography.areas
      .map((area) => view.values.get(area.code))
      .filter((value): value is number => value !== null && value !== undefined);
    return { ...view, scale: classScale(shown, this.classMethod) };
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
    const schools = (dataset?.schools ?? []).filter(
      (school) =>
        this.schoolPhase === 'all' ||
        (this.schoolPhase !== '' && school.phase === this.schoolPhase),
    );
    const partnership = dataset?.partnerships.find(
      (candidate) => candidate.code === this.partnershipCode,
    );
    const overlay = partnership
      ? partnershipOverlay(partnership, (code) => this.districtName(code))
      : undefined;
    return {
      title: view.title,
      unit: view.unit,
      source: view.source,
      values: view.values,
      scale: view.scale,
      formatValue,
      coldSpotCodes: new Set(
        (view.index?.areas ?? []).filter((area) => area.coldSpot).map((area) => area.areaCode),
      ),
      selectedCode: geography.areas.some((area) => area.code === this.selectedCode)
        ? this.selectedCode
        : null,
      schools: schoolPoints(schools),
      footprint: overlay?.footprint ?? null,
      flows: overlay?.flows ?? [],
    };
  }

  private tableRows(geography: PreparedGeography, view: MapView): AreaTableRow[] {
    const indexByArea = new Map((view.index?.areas ?? []).map((area) => [area.areaCode, area]));
    const isIndex = this.display === INDEX;
    const weights = isIndex && this.level === 'district' ? this.allocationWeights() : undefined;
    const rows = geography.areas.map((area): AreaTableRow => {
      const value = view.values.get(area.code) ?? null;
      const indexed = indexByArea.get(area.code);
      return {
        code: area.code,
        name: area.name,
        districtName: this.districtName(area.districtCode),
        value,
        classLabel: classLabel(view.scale, value),
        rank: indexed?.rank ?? null,
        coldSpot: indexed?.coldSpot ?? false,
        extra: isIndex
          ? [
              ...(view.index?.standardised ?? []).map(
                (s) => indexed?.scores[s.indicatorId] ?? null,
              ),
              ...(this.level === 'district' ? [weights?.[area.code] ?? null] : []),
            ]
          : [],
      };
    });
    // Worst off first: the cold spots lead the table as they stand out on the map.
    const direction = view.higherIsWorse ? -1 : 1;
    return rows.sort(
      (a, b) =>
        (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
        direction * ((a.value ?? 0) - (b.value ?? 0)) ||
        a.name.localeCompare(b.name),
    );
  }

  /** The allocation LP's weights for these choices (priority 1), from the same function it calls. */
  private allocationWeights(): Record<string, number> | undefined {
    const districtCodes = this.geography?.areas.map((area) => area.code) ?? [];
    try {
      return coldSpotWeights(
        this.indicators,
        specFor(this.choices, this.indicators),
        districtCodes,
        1,
      );
    } catch {
      return undefined; // the index error is already shown beside the weights
    }
  }

  private dataRows(geography: PreparedGeography, view: MapView): MapDataRow[] {
    const measure = this.display === INDEX ? 'cold_spot_index' : this.display;
    const row = (areaCode: string, districtCode: string, areaName: string) => ({
      level: this.level,
      areaCode,
      areaName,
      districtCode,
    });
    const rows: MapDataRow[] = geography.areas.map((area) => ({
      ...row(area.code, area.districtCode, area.name),
      measure,
      measureLabel: view.title,
      value: view.values.get(area.code) ?? null,
      unit: view.unit,
      provenance: view.provenance,
      source: view.source,
    }));
    if (this.display === INDEX && view.index) {
      const byArea = new Map(view.index.areas.map((area) => [area.areaCode, area]));
      for (const standardised of view.index.standardised) {
        const indicator = this.indicators.find(
          (candidate) => candidate.id === standardised.indicatorId,
        );
        for (const area of geography.areas) {
          rows.push({
            ...row(area.code, area.districtCode, area.name),
            measure: `${standardised.indicatorId}_z`,
            measureLabel: `${standardised.label}: z-score (above 0 = worse off)`,
            value: byArea.get(area.code)?.scores[standardised.indicatorId] ?? null,
            unit: 'standard deviations',
            provenance: indicator ? combinedProvenance([indicator.provenance]) : 'derived',
            source: indicator?.source ?? '',
          });
        }
      }
    }
    return rows;
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

  protected override render(): TemplateResult {
    return html`
      <h1 class="govuk-heading-l">Cold-spot maps</h1>
      <p class="govuk-body">
        Where are the region’s cold spots for teacher supply? Map deprivation, attainment and, once
        forecasts and allocations have been run, teacher need, by district or small area. The
        cold-spot index combines the indicators you choose; the same index weights unmet need in the
        allocation of ITT places.
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
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">${this.renderControls(dataset)}</div>
        <div class="govuk-grid-column-two-thirds">
          ${geography && view ? this.renderMap(geography, view) : html`<p class="govuk-body" role="status">Loading the boundaries…</p>`}
        </div>
      </div>
      <tsp-model-indicators
        .region=${dataset}
        @tsp-indicators-add=${(event: CustomEvent<{ indicators: AreaIndicator[] }>) =>
          this.addModelIndicators(event.detail.indicators)}
      ></tsp-model-indicators>
      ${geography && view ? this.renderTables(dataset, geography, view) : nothing}
    `;
  }

  private renderControls(dataset: RegionDataset): TemplateResult {
    const phases = [...new Set(dataset.schools.map((school) => school.phase))].sort();
    const areas = [...(this.geography?.areas ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    return html`
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Geography</legend>
          <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
            ${LEVELS.map(
              ([level, label]) =>
                html`<div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id="tsp-level-${level}"
                    name="tsp-level"
                    type="radio"
                    .checked=${this.level === level}
                    @change=${() => this.setLevel(level)}
                  />
                  <label class="govuk-label govuk-radios__label" for="tsp-level-${level}"
                    >${label}</label
                  >
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="tsp-display">Show</label>
        <select
          class="govuk-select"
          id="tsp-display"
          @change=${(event: Event) => (this.display = (event.target as HTMLSelectElement).value)}
        >
          <option value=${INDEX} ?selected=${this.display === INDEX}>Cold-spot index</option>
          ${this.indicators.map(
            (indicator) =>
              html`<option value=${indicator.id} ?selected=${this.display === indicator.id}>
                ${indicator.label}
              </option>`,
          )}
        </select>
      </div>
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Colour classes</legend>
          <div
            class="govuk-radios govuk-radios--small govuk-radios--inline"
            data-module="govuk-radios"
          >
            ${(
              [
                ['quantile', 'Quantiles'],
                ['equal-interval', 'Equal intervals'],
              ] as const
            ).map(
              ([method, label]) =>
                html`<div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id="tsp-classes-${method}"
                    name="tsp-classes"
                    type="radio"
                    .checked=${this.classMethod === method}
                    @change=${() => (this.classMethod = method)}
                  />
                  <label class="govuk-label govuk-radios__label" for="tsp-classes-${method}"
                    >${label}</label
                  >
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="tsp-area">Select an area</label>
        <div id="tsp-area-hint" class="govuk-hint">Highlights it on the map and in the table.</div>
        <select
          class="govuk-select"
          id="tsp-area"
          aria-describedby="tsp-area-hint"
          @change=${(event: Event) => (this.selectedCode = (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${this.selectedCode === ''}>None</option>
          ${areas.map(
            (area) =>
              html`<option value=${area.code} ?selected=${this.selectedCode === area.code}>
                ${area.name}
              </option>`,
          )}
        </select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="tsp-schools">Schools on the map</label>
        <select
          class="govuk-select"
          id="tsp-schools"
          @change=${(event: Event) => (this.schoolPhase = (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${this.schoolPhase === ''}>None</option>
          <option value="all" ?selected=${this.schoolPhase === 'all'}>
            All (${dataset.schools.length})
          </option>
          ${phases.map((phase) => html`<option value=${phase} ?selected=${this.schoolPhase === phase}>${phase}</option>`)}
        </select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="tsp-partnership"
          >Partnership reach and NQT flows</label
        >
        <select
          class="govuk-select"
          id="tsp-partnership"
          @change=${(event: Event) => (this.partnershipCode = (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${this.partnershipCode === ''}>None</option>
          ${dataset.partnerships.map(
            (partnership) =>
              html`<option
                value=${partnership.code}
                ?selected=${this.partnershipCode === partnership.code}
              >
                ${partnership.name}
              </option>`,
          )}
        </select>
      </div>
    `;
  }

  private renderMap(geography: PreparedGeography, view: MapView): TemplateResult {
    const levelName = LEVEL_IN_TEXT[this.level];
    return html`
      <h2 class="govuk-heading-m">${view.title}${provenanceTag(view.provenance)}</h2>
      <p class="govuk-body-s">By ${levelName}. Source: ${view.source}. ${BOUNDARY_ATTRIBUTION}</p>
      ${
        this.display === INDEX && this.indexError
          ? html`<p class="govuk-body">${this.indexError} Use the weights below the map.</p>`
          : nothing
      }
      ${this.renderSelected(geography, view)}
      <tsp-area-map
        .geography=${geography}
        .mapStyle=${this.mapStyle(geography, view)}
        .dataRows=${this.dataRows(geography, view)}
        fileName=${`cold-spot-map-${this.level}-${this.display === INDEX ? 'index' : this.display}`}
        @tsp-area-select=${(event: CustomEvent<{ code: string }>) => (this.selectedCode = event.detail.code)}
      ></tsp-area-map>
    `;
  }

  private renderSelected(geography: PreparedGeography, view: MapView): TemplateResult {
    const area = geography.areas.find((candidate) => candidate.code === this.selectedCode);
    const indexed = view.index?.areas.find((candidate) => candidate.areaCode === this.selectedCode);
    return html`<div class="govuk-inset-text" aria-live="polite" data-testid="selected-area">
      ${
        area
          ? html`<strong>${area.name}</strong> (${area.code},
              ${this.districtName(area.districtCode)}):
              <span data-testid="selected-value">${formatMaybe(view.values.get(area.code))}</span>
              ${view.unit}.
              ${indexed?.rank ? `Cold-spot rank ${indexed.rank} of ${view.index?.areas.length}` : ''}${indexed?.coldSpot ? ', a cold spot' : ''}.
              <a class="govuk-link" href="#${areaRowId(area.code)}">Go to its row in the table</a>`
          : 'No area selected. Choose one in the list or click the map.'
      }
    </div>`;
  }

  private renderTables(
    dataset: RegionDataset,
    geography: PreparedGeography,
    view: MapView,
  ): TemplateResult {
    const isIndex = this.display === INDEX;
    const extraHeadings = isIndex
      ? [
          ...(view.index?.standardised ?? []).map((s) => `${s.label}: z-score`),
          ...(this.level === 'district' ? ['Allocation weight (priority 1)'] : []),
        ]
      : [];
    const schools = dataset.schools.filter(
      (school) =>
        this.schoolPhase === 'all' ||
        (this.schoolPhase !== '' && school.phase === this.schoolPhase),
    );
    const partnership = dataset.partnerships.find(
      (candidate) => candidate.code === this.partnershipCode,
    );
    return html`
      <h2 class="govuk-heading-m">Build the cold-spot index</h2>
      <tsp-index-builder
        .indicators=${this.indicators}
        .choices=${this.choices}
        error=${this.indexError}
        @tsp-index-change=${(event: CustomEvent<IndexChoices>) => this.setChoices(event.detail)}
      ></tsp-index-builder>
      <tsp-area-table
        .rows=${this.tableRows(geography, view)}
        caption=${`${view.title} by ${LEVEL_IN_TEXT[this.level]}`}
        valueHeading=${view.unit ? `Value (${view.unit})` : 'Value'}
        .extraHeadings=${extraHeadings}
        ?showRank=${isIndex}
        selectedCode=${this.selectedCode}
      ></tsp-area-table>
      ${
        schools.length
          ? html`<tsp-school-table
              .schools=${schools}
              .districtNames=${new Map(dataset.districts.map((district) => [district.code, district.name]))}
            ></tsp-school-table>`
          : nothing
      }
      <tsp-partnership-reach
        .partnership=${partnership}
        .districts=${dataset.districts}
      ></tsp-partnership-reach>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tsp-maps-page': TspMapsPage;
  }
}
