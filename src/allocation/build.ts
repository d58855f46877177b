/**
 * Builds the allocation LP/MILP of DESIGN section 2 from an AllocationProblem. Every row
 * belongs to a named constraint (ConstraintInfo) with a sentence a manager understands, so
 * the checker, the binding-constraint report and the infeasibility diagnosis can speak of it.
 *
 * Decision x[q,y]: places for plan q (partnership x subject x route) in entry year y. Each
 * place yields conv[q] qualified NQTs `lag` years later, spread over districts by the
 * partnership's employment footprint.
 *
 *   minimise  sum w[a,s] unmet[a,s,t] + c_over sum surplus + lambda sum |x[q,y] - x[q,y-1]|
 *             + epsilon sum x                      (tie-break: no place that helps no one)
 */
import type { SubjectGroup } from '../data/types.ts';
import { ModelBuilder, type LinearModel } from '../solver/model.ts';
import type { AllocationPlan, AllocationProblem, TrainingRoute } from './problem.ts';
import {
  planConversion,
  planKey,
  poolConversion,
  poolDistrictShares,
  routeDurationYears,
  routeLagYears,
  stabilityBand,
  unmetWeight,
} from './rules.ts';
import { nameLookup, percentText, placesText, formatNumber, yearText } from './words.ts';

export type ConstraintFamily =
  | 'balance'
  | 'change'
  | 'plan-capacity'
  | 'total-capacity'
  | 'mentor-capacity'
  | 'minimum-cohort'
  | 'regional-cap'
  | 'fixed-places'
  | 'stability-increase'
  | 'stability-decrease'
  | 'pool-share';

/** Families that are rules a manager sets (balance and change rows only define quantities). */
export const POLICY_FAMILIES: readonly ConstraintFamily[] = [
  'plan-capacity',
  'total-capacity',
  'mentor-capacity',
  'minimum-cohort',
  'regional-cap',
  'fixed-places',
  'stability-increase',
  'stability-decrease',
  'pool-share',
];

export interface ConstraintInfo {
  /** Stable id, the same in the LP and MILP models of one problem. */
  id: string;
  family: ConstraintFamily;
  /** The rule in words, with its numbers. */
  text: string;
  /** The limit as stated in `text` (places, or teachers for balance rows). */
  limit: number;
  partnershipCode: string | null;
  subject: SubjectGroup | null;
  route: TrainingRoute | null;
  entryYear: number | null;
  districtCode: string | null;
  nqtYear: number | null;
  /** Model rows of this constraint (two for a minimum cohort; none when held as a bound). */
  rows: number[];
  /**
   * A rule held as a column's upper bound instead of a row (a stability band, as the bound on
   * its year's increase or decrease column). The plan's change in the rule's direction is
   * value(column) - value(partner), partner being the opposite change column.
   */
  bound: { column: number; partner: number } | null;
}

export interface BalanceCell {
  districtCode: string;
  subject: SubjectGroup;
  nqtYear: number;
  need: number;
  weight: number;
  unmetColumn: number;
  surplusColumn: number;
  row: number;
}

export interface BuildOptions {
  /** x integer (whole places). */
  wholePlaces: boolean;
  /** Minimum viable cohorts as x = 0 or x >= m (binary switch per plan-year). */
  minimumCohorts: boolean;
  /** Constraint ids left out of the model (used by the diagnosis). */
  disabled?: ReadonlySet<string>;
  /** Constraint ids whose rows get penalised slack (used by the diagnosis). */
  elastic?: ReadonlySet<string>;
  /** Zero every cost except elastic slack: the model asks only "is there a feasible plan?". */
  feasibilityOnly?: boolean;
}

export interface AllocationModel {
  model: LinearModel;
  constraints: ConstraintInfo[];
  /** Constraint index for each model row. */
  rowConstraint: Int32Array;
  plans: AllocationPlan[];
  entryYears: number[];
  /** x[planIndex][yearIndex] -> column. */
  placeColumns: number[][];
  /** open[planIndex][yearIndex] -> binary column, or -1 when the plan needs no switch. */
  openColumns: number[][];
  /** Pool place columns by subject, one per entry year. */
  poolColumns: Map<SubjectGroup, number[]>;
  balance: BalanceCell[];
  /** Elastic slack columns by constraint id. */
  elasticColumns: Map<string, number[]>;
  /** |x[y] - x[y-1]| = up + down, one entry per change row. */
  changeColumns: { row: number; up: number; down: number }[];
  /** Need records outside the years or districts this allocation can reach. */
  unreachableNeed: number;
  options: BuildOptions;
}

const ROUTE_CODES: Record<TrainingRoute, string> = {
  'HEI postgraduate': 'HEI',
  SCITT: 'SCITT',
  'School Direct fee': 'SDF',
  'School Direct salaried': 'SDS',
  'Teach First': 'TF',
  Apprenticeship: 'PGTA',
  Undergraduate: 'UG',
  'Assessment only': 'AO',
};

function subjectCode(subject: string): string {
  return subject.replace(/[^A-Za-z]/g, '');
}

export function buildAllocationModel(
  problem: AllocationProblem,
  options: BuildOptions,
): AllocationModel {
  const names = nameLookup(problem);
  const disabled = options.disabled ?? new Set<string>();
  const elastic = options.elastic ?? new Set<string>();
  const feasibilityOnly = options.feasibilityOnly ?? false;
  const cost = (value: number) => (feasibilityOnly ? 0 : value);
  const builder = new ModelBuilder(`itt_allocation_${subjectCode(problem.regionName)}`);
  const constraints: ConstraintInfo[] = [];
  const rowConstraint: number[] = [];
  const elasticColumns = new Map<string, number[]>();
  const changeColumns: AllocationModel['changeColumns'] = [];

  const entryYears = [...problem.entryYears].sort((a, b) => a - b);
  const firstYear = entryYears[0]!;
  const partnershipByCode = new Map(problem.partnerships.map((p) => [p.code, p]));
  const plans = problem.plans.filter((plan) => partnershipByCode.has(plan.partnershipCode));
  const hard = (id: string) => !disabled.has(id) && !elastic.has(id);

  type Context = Omit<ConstraintInfo, 'id' | 'family' | 'text' | 'limit' | 'rows' | 'bound'>;
  const noContext: Context = {
    partnershipCode: null,
    subject: null,
    route: null,
    entryYear: null,
    districtCode: null,
    nqtYear: null,
  };

  /** Adds one named constraint (one or more rows); skipped when disabled. */
  function addConstraint(
    id: string,
    family: ConstraintFamily,
    text: string,
    limit: number,
    context: Partial<Context>,
    rows: {
      name: string;
      lower: number;
      upper: number;
      terms: (readonly [number, number])[];
    }[],
  ): void {
    if (disabled.has(id)) return;
    const index = constraints.length;
    const info: ConstraintInfo = {
      id,
      family,
      text,
      limit,
      ...noContext,
      ...context,
      rows: [],
      bound: null,
    };
    for (const row of rows) {
      const terms = [...row.terms];
      if (elastic.has(id)) {
        // Slack that lets the row move, at a cost: below-lower and above-upper parts.
        const columns = elasticColumns.get(id) ?? [];
        if (Number.isFinite(row.lower)) {
          const up = builder.addColumn(`el_${row.name}_lo`, 1, 0, Infinity, 'continuous');
          terms.push([up, 1]);
          columns.push(up);
        }
        if (Number.isFinite(row.upper)) {
          const down = builder.addColumn(`el_${row.name}_hi`, 1, 0, Infinity, 'continuous');
          terms.push([down, -1]);
          columns.push(down);
        }
        elasticColumns.set(id, columns);
      }
      info.rows.push(builder.addRow(row.name, row.lower, row.upper, terms));
      rowConstraint.push(index);
    }
    constraints.push(info);
  }

  /** Registers a rule already set as a column's upper bound (see ConstraintInfo.bound). */
  function addBoundConstraint(
    id: string,
    family: ConstraintFamily,
    text: string,
    limit: number,
    context: Partial<Context>,
    bound: { column: number; partner: number },
  ): void {
    constraints.push({ id, family, text, limit, ...noContext, ...context, rows: [], bound });
  }

  const lookupPlanLabel = (plan: AllocationPlan) =>
    `${names.partnership(plan.partnershipCode)} ${plan.subject} (${plan.route})`;

  // Upper limit on x implied by hard constraints: the tightest valid big-M for the cohort
  // switch (x <= M open), which keeps the MILP's relaxation close to its integer hull.
  const totalNeed = problem.need.reduce((sum, record) => sum + Math.max(0, record.teachers), 0);
  const fallbackLimit =
    10 *
      (totalNeed + Math.max(0, ...plans.map((p) => Math.max(p.capacity, p.lastYearAllocation)))) +
    1000;
  const stabilitySettings = problem.stability;

  const placeColumns: number[][] = [];
  const openColumns: number[][] = [];
  const placeLimits: number[][] = [];
  const planIds = plans.map((plan) => planKey(plan));
  const ids = (family: string, key: string, year: number) => `${family}|${key}|${year}`;

  plans.forEach((plan, planIndex) => {
    const partnership = partnershipByCode.get(plan.partnershipCode)!;
    const key = planIds[planIndex]!;
    const short = `${plan.partnershipCode}_${subjectCode(plan.subject)}_${ROUTE_CODES[plan.route]}`;
    const band = stabilitySettings ? stabilityBand(plan, stabilitySettings) : null;
    const xs: number[] = [];
    const opens: number[] = [];
    const limits: number[] = [];
    entryYears.forEach((year, yearIndex) => {
      let limit = Infinity;
      if (hard(ids('plan-capacity', key, year))) limit = Math.min(limit, plan.capacity);
      if (plan.fixedPlaces !== null && hard(ids('fixed-places', key, year))) {
        limit = Math.min(limit, plan.fixedPlaces);
      }
      if (
        partnership.totalCapacity !== null &&
        hard(ids('total-capacity', partnership.code, year))
      ) {
        limit = Math.min(limit, partnership.totalCapacity);
      }
      if (
        partnership.mentorCapacity !== null &&
        hard(ids('mentor-capacity', partnership.code, year))
      ) {
        limit = Math.min(limit, partnership.mentorCapacity);
      }
      if (band && plan.fixedPlaces === null && yearIndex === 0) {
        if (hard(ids('stability-increase', key, year))) {
          limit = Math.min(limit, plan.lastYearAllocation + band.increase);
        }
      }
      limits.push(Number.isFinite(limit) ? Math.max(0, limit) : fallbackLimit);
      // No column upper bound: the limits stay rows, so their duals (marginal values) and
      // their names reach the report instead of vanishing into a bound.
      const x = builder.addColumn(
        `x_${short}_${year}`,
        cost(problem.costs.perPlace),
        0,
        Infinity,
        options.wholePlaces ? 'integer' : 'continuous',
      );
      xs.push(x);
      // A plan held open by a hard floor (fixed places, or last year's places less the
      // stability band) already runs at least its minimum cohort: no switch needed, which
      // keeps the MILP smaller.
      let floor = 0;
      if (plan.fixedPlaces !== null && hard(ids('fixed-places', key, year)))
        floor = plan.fixedPlaces;
      else if (band && yearIndex === 0 && hard(ids('stability-decrease', key, year))) {
        floor = plan.lastYearAllocation - band.decrease;
      }
      const needsSwitch =
        options.minimumCohorts &&
        plan.minimumCohort > (options.wholePlaces ? 1 : 0) &&
        floor < plan.minimumCohort;
      opens.push(needsSwitch ? builder.addColumn(`open_${short}_${year}`, 0, 0, 1, 'integer') : -1);
    });
    placeColumns.push(xs);
    openColumns.push(opens);
    placeLimits.push(limits);
  });

  // Pool places, one column per subject and year.
  const subjects = [
    ...new Set<SubjectGroup>([
      ...plans.map((plan) => plan.subject),
      ...problem.need.map((record) => record.subject),
    ]),
  ];
  const poolColumns = new Map<SubjectGroup, number[]>();
  const pool = problem.pool;
  if (pool && pool.share > 0) {
    for (const subject of subjects) {
      if (!plans.some((plan) => plan.subject === subject)) continue;
      poolColumns.set(
        subject,
        entryYears.map((year) =>
          builder.addColumn(
            `pool_${subjectCode(subject)}_${year}`,
            cost(problem.costs.perPlace),
            0,
            Infinity,
            options.wholePlaces ? 'integer' : 'continuous',
          ),
        ),
      );
    }
  }

  // District balance: supply + unmet - surplus = NQT need, for every year the plans reach.
  const reachableYears = new Set<number>();
  for (const plan of plans) {
    for (const year of entryYears) reachableYears.add(year + routeLagYears(plan.route));
  }
  if (poolColumns.size > 0) for (const year of entryYears) reachableYears.add(year + 1);
  const districtCodes = new Set(problem.districts.map((d) => d.code));
  const needByCell = new Map<string, number>();
  let unreachableNeed = 0;
  for (const record of problem.need) {
    if (!districtCodes.has(record.districtCode) || !reachableYears.has(record.nqtYear)) {
      unreachableNeed += record.teachers;
      continue;
    }
    const cell = `${record.districtCode}|${record.subject}|${record.nqtYear}`;
    needByCell.set(cell, (needByCell.get(cell) ?? 0) + record.teachers);
  }

  const supplyTerms = new Map<string, [number, number][]>();
  const addSupply = (cell: string, column: number, coefficient: number) => {
    if (coefficient === 0) return;
    const terms = supplyTerms.get(cell) ?? [];
    terms.push([column, coefficient]);
    supplyTerms.set(cell, terms);
  };
  plans.forEach((plan, planIndex) => {
    const partnership = partnershipByCode.get(plan.partnershipCode)!;
    const conversion = planConversion(problem, plan);
    entryYears.forEach((year, yearIndex) => {
      const nqtYear = year + routeLagYears(plan.route);
      for (const [districtCode, share] of Object.entries(partnership.employmentFootprint)) {
        if (!districtCodes.has(districtCode)) continue;
        addSupply(
          `${districtCode}|${plan.subject}|${nqtYear}`,
          placeColumns[planIndex]![yearIndex]!,
          conversion * share,
        );
      }
    });
  });
  for (const [subject, columns] of poolColumns) {
    const shares = poolDistrictShares(problem, subject);
    const conversion = poolConversion(problem, subject);
    entryYears.forEach((year, yearIndex) => {
      for (const [districtCode, share] of shares) {
        addSupply(
          `${districtCode}|${subject}|${year + 1}`,
          columns[yearIndex]!,
          conversion * share,
        );
      }
    });
  }

  const balance: BalanceCell[] = [];
  const sortedYears = [...reachableYears].sort((a, b) => a - b);
  for (const district of problem.districts) {
    for (const subject of subjects) {
      for (const nqtYear of sortedYears) {
        const cell = `${district.code}|${subject}|${nqtYear}`;
        const terms = supplyTerms.get(cell) ?? [];
        const need = needByCell.get(cell) ?? 0;
        if (terms.length === 0 && !needByCell.has(cell)) continue;
        const weight = unmetWeight(problem, district.coldSpotWeight, subject);
        const short = `${district.code}_${subjectCode(subject)}_${nqtYear}`;
        const unmetColumn = builder.addColumn(
          `unmet_${short}`,
          cost(weight),
          0,
          Infinity,
          'continuous',
        );
        const surplusColumn = builder.addColumn(
          `surplus_${short}`,
          cost(problem.costs.surplusPerTeacher),
          0,
          Infinity,
          'continuous',
        );
        const id = `balance|${cell}`;
        addConstraint(
          id,
          'balance',
          `${district.name} needs ${formatNumber(need)} new ${subject} teachers in ${yearText(nqtYear)}`,
          need,
          { districtCode: district.code, subject, nqtYear },
          [
            {
              name: `bal_${short}`,
              lower: need,
              upper: need,
              terms: [...terms, [unmetColumn, 1], [surplusColumn, -1]],
            },
          ],
        );
        balance.push({
          districtCode: district.code,
          subject,
          nqtYear,
          need,
          weight,
          unmetColumn,
          surplusColumn,
          row: builder.numRows - 1,
        });
      }
    }
  }

  // Per plan and year: capacity, fixed places, minimum cohort, stability, change.
  plans.forEach((plan, planIndex) => {
    const key = planIds[planIndex]!;
    const label = lookupPlanLabel(plan);
    const short = `${plan.partnershipCode}_${subjectCode(plan.subject)}_${ROUTE_CODES[plan.route]}`;
    const band = stabilitySettings ? stabilityBand(plan, stabilitySettings) : null;
    const context = {
      partnershipCode: plan.partnershipCode,
      subject: plan.subject,
      route: plan.route,
    };
    entryYears.forEach((year, yearIndex) => {
      const x = placeColumns[planIndex]![yearIndex]!;
      const previous = yearIndex > 0 ? placeColumns[planIndex]![yearIndex - 1]! : null;
      const yearContext = { ...context, entryYear: year };
      const suffix = `${short}_${year}`;
      addConstraint(
        ids('plan-capacity', key, year),
        'plan-capacity',
        `Capacity: ${label} can take at most ${placesText(plan.capacity)} in ${yearText(year)}`,
        plan.capacity,
        yearContext,
        [{ name: `cap_${suffix}`, lower: -Infinity, upper: plan.capacity, terms: [[x, 1]] }],
      );
      if (plan.fixedPlaces !== null) {
        addConstraint(
          ids('fixed-places', key, year),
          'fixed-places',
          `Fixed places: ${label} has exactly ${placesText(plan.fixedPlaces)} in ${yearText(year)}`,
          plan.fixedPlaces,
          yearContext,
          [
            {
              name: `fix_${suffix}`,
              lower: plan.fixedPlaces,
              upper: plan.fixedPlaces,
              terms: [[x, 1]],
            },
          ],
        );
      }
      const open = openColumns[planIndex]![yearIndex]!;
      if (open >= 0) {
        const id = ids('minimum-cohort', key, year);
        const bigM = placeLimits[planIndex]![yearIndex]!;
        addConstraint(
          id,
          'minimum-cohort',
          `Minimum cohort: ${label} in ${yearText(year)} must have no places or at least ${placesText(plan.minimumCohort)}`,
          plan.minimumCohort,
          yearContext,
          [
            {
              name: `cohort_min_${suffix}`,
              lower: 0,
              upper: Infinity,
              terms: [
                [x, 1],
                [open, -plan.minimumCohort],
              ],
            },
            {
              name: `cohort_open_${suffix}`,
              lower: -Infinity,
              upper: 0,
              terms: [
                [x, 1],
                [open, -Math.max(bigM, plan.minimumCohort)],
              ],
            },
          ],
        );
      }
      const base = previous === null ? plan.lastYearAllocation : 0;
      const changeTerms: [number, number][] =
        previous === null
          ? [[x, 1]]
          : [
              [x, 1],
              [previous, -1],
            ];
      const fromText =
        previous === null
          ? `last year's ${placesText(plan.lastYearAllocation)}`
          : `its ${yearText(year - 1)} places`;
      const stabilityText = (direction: 'grow' | 'shrink', places: number) =>
        `Stability: ${label} may ${direction} by at most ${placesText(places)} from ${fromText} in ${yearText(year)}`;
      const stability = band && plan.fixedPlaces === null ? band : null;
      const increaseId = ids('stability-increase', key, year);
      const decreaseId = ids('stability-decrease', key, year);
      // In the first year a cut larger than last year's places is no limit at all.
      const decreaseLimit =
        stability && (previous !== null || base - stability.decrease > 0)
          ? stability.decrease
          : null;
      // With a cost on change, the change row splits the change into increase and decrease
      // columns that are never both positive at an optimum, so a stability band is exactly an
      // upper bound on one of them. As bounds, the bands leave the interior point solver about
      // a third fewer rows after presolve. An elastic band (the diagnosis) stays a row.
      const changeCosted = problem.costs.changePerPlace > 0 && !feasibilityOnly;
      const increaseBound =
        changeCosted && stability && hard(increaseId) ? stability.increase : null;
      const decreaseBound = changeCosted && hard(decreaseId) ? decreaseLimit : null;
      if (stability && increaseBound === null) {
        addConstraint(
          increaseId,
          'stability-increase',
          stabilityText('grow', stability.increase),
          stability.increase,
          yearContext,
          [
            {
              name: `stab_up_${suffix}`,
              lower: -Infinity,
              upper: base + stability.increase,
              terms: changeTerms,
            },
          ],
        );
      }
      if (decreaseLimit !== null && decreaseBound === null) {
        addConstraint(
          decreaseId,
          'stability-decrease',
          stabilityText('shrink', decreaseLimit),
          decreaseLimit,
          yearContext,
          [
            {
              name: `stab_down_${suffix}`,
              lower: base - decreaseLimit,
              upper: Infinity,
              terms: changeTerms,
            },
          ],
        );
      }
      if (changeCosted) {
        const up = builder.addColumn(
          `inc_${suffix}`,
          problem.costs.changePerPlace,
          0,
          increaseBound ?? Infinity,
          'continuous',
        );
        const down = builder.addColumn(
          `dec_${suffix}`,
          problem.costs.changePerPlace,
          0,
          decreaseBound ?? Infinity,
          'continuous',
        );
        if (increaseBound !== null) {
          addBoundConstraint(
            increaseId,
            'stability-increase',
            stabilityText('grow', increaseBound),
            increaseBound,
            yearContext,
            { column: up, partner: down },
          );
        }
        if (decreaseBound !== null) {
          addBoundConstraint(
            decreaseId,
            'stability-decrease',
            stabilityText('shrink', decreaseBound),
            decreaseBound,
            yearContext,
            { column: down, partner: up },
          );
        }
        addConstraint(
          ids('change', key, year),
          'change',
          `Change in ${label} places in ${yearText(year)}`,
          0,
          yearContext,
          [
            {
              name: `chg_${suffix}`,
              lower: base,
              upper: base,
              terms: [...changeTerms, [up, -1], [down, 1]],
            },
          ],
        );
        changeColumns.push({ row: builder.numRows - 1, up, down });
      }
    });
  });

  // Per partnership and year: total capacity and mentor (placement) capacity.
  for (const partnership of problem.partnerships) {
    const own = plans
      .map((plan, planIndex) => ({ plan, planIndex }))
      .filter(({ plan }) => plan.partnershipCode === partnership.code);
    if (own.length === 0) continue;
    entryYears.forEach((year, yearIndex) => {
      const context = { partnershipCode: partnership.code, entryYear: year };
      if (partnership.totalCapacity !== null) {
        addConstraint(
          ids('total-capacity', partnership.code, year),
          'total-capacity',
          `Total capacity: ${partnership.name} can take at most ${placesText(partnership.totalCapacity)} across all subjects in ${yearText(year)}`,
          partnership.totalCapacity,
          context,
          [
            {
              name: `total_${partnership.code}_${year}`,
              lower: -Infinity,
              upper: partnership.totalCapacity,
              terms: own.map(({ planIndex }) => [placeColumns[planIndex]![yearIndex]!, 1] as const),
            },
          ],
        );
      }
      if (partnership.mentorCapacity !== null) {
        // Trainees of earlier cohorts still in training also need placements; before the
        // first entry year they are taken to be last year's allocation.
        const terms: [number, number][] = [];
        let earlierCohorts = 0;
        for (const { plan, planIndex } of own) {
          for (let k = 0; k < routeDurationYears(plan.route); k += 1) {
            const cohortYear = year - k;
            const cohortIndex = entryYears.indexOf(cohortYear);
            if (cohortIndex >= 0) terms.push([placeColumns[planIndex]![cohortIndex]!, 1]);
            else if (cohortYear < firstYear) earlierCohorts += plan.lastYearAllocation;
          }
        }
        const room = partnership.mentorCapacity - earlierCohorts;
        const earlierText =
          earlierCohorts > 0
            ? ` (${formatNumber(earlierCohorts)} of them taken by trainees already in training)`
            : '';
        addConstraint(
          ids('mentor-capacity', partnership.code, year),
          'mentor-capacity',
          `Mentor capacity: ${partnership.name} has school placements for ${formatNumber(partnership.mentorCapacity)} trainees in ${yearText(year)}${earlierText}`,
          partnership.mentorCapacity,
          context,
          [{ name: `mentor_${partnership.code}_${year}`, lower: -Infinity, upper: room, terms }],
        );
      }
    });
  }

  // Per subject and year: regional cap and pool share.
  const inRegionShare = (plan: AllocationPlan) =>
    partnershipByCode.get(plan.partnershipCode)!.inRegionShare;
  for (const subject of subjects) {
    const subjectPlans = plans
      .map((plan, planIndex) => ({ plan, planIndex }))
      .filter(({ plan }) => plan.subject === subject);
    entryYears.forEach((year, yearIndex) => {
      const regionTerms: [number, number][] = subjectPlans.map(({ plan, planIndex }) => [
        placeColumns[planIndex]![yearIndex]!,
        inRegionShare(plan),
      ]);
      const poolColumn = poolColumns.get(subject)?.[yearIndex];
      const cap = problem.regionalCaps.find((c) => c.subject === subject && c.entryYear === year);
      if (cap) {
        addConstraint(
          `regional-cap|${subject}|${year}`,
          'regional-cap',
          `Regional cap: at most ${placesText(cap.places)} in ${subject} across the region in ${yearText(year)} (partnerships across the boundary count their in-region share)`,
          cap.places,
          { subject, entryYear: year },
          [
            {
              name: `regcap_${subjectCode(subject)}_${year}`,
              lower: -Infinity,
              upper: cap.places,
              terms: poolColumn === undefined ? regionTerms : [...regionTerms, [poolColumn, 1]],
            },
          ],
        );
      }
      if (poolColumn !== undefined && pool) {
        const ratio = pool.share / (1 - pool.share);
        const poolTerms: [number, number][] = [
          [poolColumn, 1],
          ...regionTerms.map(([column, share]) => [column, -ratio * share] as [number, number]),
        ];
        addConstraint(
          `pool-share|${subject}|${year}`,
          'pool-share',
          `Pool share: ${percentText(pool.share)} of ${subject} places in ${yearText(year)} are held for schools not engaged with any partnership (rounded up to a whole place)`,
          pool.share,
          { subject, entryYear: year },
          // pool = share x (partnership places + pool), i.e. pool = ratio x partnership places,
          // with up to one place over so that whole places can meet it.
          [
            {
              name: `pool_min_${subjectCode(subject)}_${year}`,
              lower: 0,
              upper: Infinity,
              terms: poolTerms,
            },
            {
              name: `pool_max_${subjectCode(subject)}_${year}`,
              lower: -Infinity,
              upper: 1,
              terms: poolTerms,
            },
          ],
        );
      }
    });
  }

  return {
    model: builder.build(),
    constraints,
    rowConstraint: Int32Array.from(rowConstraint),
    plans,
    entryYears,
    placeColumns,
    openColumns,
    poolColumns,
    balance,
    elasticColumns,
    changeColumns,
    unreachableNeed,
    options,
  };
}
